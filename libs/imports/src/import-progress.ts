import { Injectable } from '@nestjs/common';

export type ImportPhase = 'reading' | 'checking' | 'writing' | 'done';

export interface ImportProgressState {
  phase: ImportPhase;
  /** rows written so far (phase writing), of `total` */
  done: number;
  total: number;
}

/** How long a finished import's progress can still be read. */
const KEEP_MS = 10 * 60_000;
const MAX_ENTRIES = 1000;

/**
 * Where a long import is (阅读 → 检查 → 写入 N / M 行), for the page to show while it waits: in this instance's
 * memory, readable only by the user who started it (the page polls the instance that runs the import).
 */
@Injectable()
export class ImportProgress {
  private readonly entries = new Map<string, ImportProgressState & { userId: string; at: number }>();

  /** A tracker for one import, or a no-op when the caller gave no progress id. */
  track(id: string | undefined, userId: string) {
    if (!id) return { set: (_: Partial<ImportProgressState>) => undefined };
    this.sweep();
    this.entries.set(id, { phase: 'reading', done: 0, total: 0, userId, at: Date.now() });
    return {
      set: (s: Partial<ImportProgressState>) => {
        const e = this.entries.get(id);
        if (e) Object.assign(e, s, { at: Date.now() });
      },
    };
  }

  get(id: string, userId: string): ImportProgressState | null {
    const e = this.entries.get(id);
    if (!e || e.userId !== userId) return null;
    return { phase: e.phase, done: e.done, total: e.total };
  }

  private sweep() {
    const now = Date.now();
    for (const [id, e] of this.entries) if (now - e.at > KEEP_MS || this.entries.size > MAX_ENTRIES) this.entries.delete(id);
  }
}
