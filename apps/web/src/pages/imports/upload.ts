import { auth } from '../../app/auth';
import { storedLang } from '../../app/i18n';

/** What POST /imports/{kind} answers. */
export interface ImportResult {
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: { row: number; column: string | null; value: string | null; message: string; messageEn: string }[];
  /** logins invited by a teachers import, with their one-time codes */
  invitations?: { row: number; name: string; account: string; code: string; link: string; expiresAt: string; mailed: boolean }[];
}

/** A refusal of the whole file (too large, unreadable, not allowed), in the API's error shape. */
export class ImportRefused extends Error {
  constructor(readonly status: number, message: string, readonly code?: string) {
    super(message);
  }
}

/** Uploads the file with the session's token, reporting upload progress (0–100); same origin only. */
export function uploadImport(kind: string, file: File, dryRun: boolean, onProgress: (percent: number) => void, progressId?: string): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/imports/${encodeURIComponent(kind)}?dryRun=${dryRun}${progressId ? `&progress=${progressId}` : ''}`);
    const token = auth.token();
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.setRequestHeader('accept-language', storedLang()); // the refusal's message in the UI's language
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      let body: any = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON */
      }
      if (xhr.status === 200 && body) resolve(body as ImportResult);
      else reject(new ImportRefused(xhr.status, body?.errors?.[0]?.message ?? `HTTP ${xhr.status}`, body?.errors?.[0]?.extensions?.code));
    };
    xhr.onerror = () => reject(new ImportRefused(0, 'network'));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** Downloads the kind's template with the session's token, as the browser's own download. */
export async function downloadTemplate(kind: string): Promise<void> {
  const res = await fetch(`/imports/${encodeURIComponent(kind)}/template.xlsx`, { headers: { authorization: `Bearer ${auth.token() ?? ''}`, 'accept-language': storedLang() } });
  if (!res.ok) throw new ImportRefused(res.status, `HTTP ${res.status}`);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = `${kind}-template.xlsx`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Where the server is with an import (reading, checking, writing row N of M), or null when it cannot say. */
export interface ServerProgress {
  phase: 'reading' | 'checking' | 'writing' | 'done';
  done: number;
  total: number;
}
export async function importProgress(id: string): Promise<ServerProgress | null> {
  try {
    const res = await fetch(`/imports/progress/${id}`, { headers: { authorization: `Bearer ${auth.token() ?? ''}` } });
    return res.ok ? ((await res.json()) as ServerProgress) : null;
  } catch {
    return null;
  }
}
