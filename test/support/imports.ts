import ExcelJS from 'exceljs';
import type { TestApp } from './test-app';

/** POST /imports/{kind}: the file as multipart field `file`; the parsed JSON answer and the status. */
export async function upload(t: TestApp, kind: string, file: { name: string; body: Buffer | string }, token: string | null, dryRun?: boolean) {
  const form = new FormData();
  form.append('file', new Blob([typeof file.body === 'string' ? Buffer.from(file.body, 'utf8') : file.body]), file.name);
  const q = dryRun === undefined ? '' : `?dryRun=${dryRun}`;
  const res = await fetch(`${t.url}/imports/${kind}${q}`, { method: 'POST', body: form, headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, body: (await res.json()) as any };
}

/** An .xlsx with one sheet: the header row, then the rows (every cell as text, like a filled template). */
export async function xlsx(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A CSV (UTF-8, optionally with BOM); cells are quoted where they need it. */
export const csv = (rows: (string | number | null)[][], bom = true) =>
  (bom ? '\ufeff' : '') + rows.map((r) => r.map((c) => (c === null ? '' : /[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(',')).join('\r\n') + '\r\n';
