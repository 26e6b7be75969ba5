import { Inject, Injectable } from '@nestjs/common';
import { AppError, forbidden, notFound, TransactionService, type RequestContext } from '#app/core';
import { matchHeaders, parseRow, type Parsed, type RowError } from './columns';
import { IMPORT_KINDS, type ImportInvitation, type ImportKind, type ImportOutput } from './import-kind';
import { ImportProgress } from './import-progress';
import { readSheet, templateWorkbook } from './spreadsheet';

/** The answer of an import, dry or not. */
export interface ImportResult {
  dryRun: boolean;
  /** data rows in the file (the header and empty rows not counted) */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: RowError[];
  /** Logins invited by the import (teachers with a 登录账号), with their one-time codes: only when some were (and it was written). */
  invitations?: ImportInvitation[];
}

/** Thrown inside the transaction to roll it back: a dry run, or rows with errors. */
class Rollback extends Error {}

/** Errors listed in one answer; a file with more says how many more there are. */
export const MAX_LISTED_ERRORS = 200;

/**
 * Spreadsheet imports: one file, one transaction. Every row is parsed and every name resolved before anything is
 * written; the rows are then played through the contexts' services in file order (the same rules as the API), and
 * with any error (or `dryRun`) the transaction is rolled back, so nothing is written. Natural keys make a re-import
 * of the same file change nothing.
 */
@Injectable()
export class ImportService {
  private readonly kinds: Map<string, ImportKind>;

  constructor(
    private readonly tx: TransactionService,
    private readonly progress: ImportProgress,
    @Inject(IMPORT_KINDS) kinds: ImportKind[],
  ) {
    this.kinds = new Map(kinds.map((k) => [k.name, k]));
  }

  private kind(ctx: RequestContext, name: string): ImportKind {
    const kind = this.kinds.get(name);
    if (!kind) throw notFound({ zh: `导入类型 ${name}`, en: `Import kind ${name}` });
    if (!ctx.user.isPlatformAdmin && !ctx.user.hasRole(...kind.roles)) throw forbidden({ zh: `您的角色不能导入 ${name}`, en: `Your role may not import ${name}` });
    return kind;
  }

  async template(ctx: RequestContext, name: string): Promise<{ filename: string; body: Buffer }> {
    const kind = this.kind(ctx, name);
    return { filename: `${kind.name}-template.xlsx`, body: await templateWorkbook(kind.sheet, kind.columns.map((c) => ({ header: c.zh, example: c.example, help: c.help }))) };
  }

  /** Imports a file; with `progressId`, where it is can be read meanwhile (ImportProgress). */
  async run(ctx: RequestContext, name: string, file: { buffer: Buffer; originalname: string }, dryRun: boolean, progressId?: string): Promise<ImportResult> {
    const kind = this.kind(ctx, name);
    const progress = this.progress.track(progressId, ctx.user.userId ?? '');
    try {
      return await this.runTracked(ctx, kind, file, dryRun, progress.set);
    } finally {
      progress.set({ phase: 'done' });
    }
  }

  private async runTracked(ctx: RequestContext, kind: ImportKind, file: { buffer: Buffer; originalname: string }, dryRun: boolean, report: (s: { phase?: 'checking' | 'writing'; done?: number; total?: number }) => void): Promise<ImportResult> {
    const sheet = await readSheet(file.buffer, file.originalname);
    const result: ImportResult = { dryRun, rows: sheet.rows.length, created: 0, updated: 0, unchanged: 0, errors: [] };
    const out: ImportOutput = { invitations: [] };
    if (!sheet.headers.length) {
      return this.failed(result, [{ row: 1, column: null, value: null, message: '文件是空的：第 1 行应为列名（可下载模板）', messageEn: 'The file is empty: row 1 holds the headers (download the template)' }]);
    }
    const { index, errors } = matchHeaders(kind.columns, sheet.headers);
    if (errors.length) return this.failed(result, errors);
    const parsed: { row: number; values: Parsed }[] = [];
    for (const r of sheet.rows) {
      const p = parseRow(kind.columns, index, r.row, r.cells);
      if (p.errors.length) errors.push(...p.errors);
      else parsed.push({ row: r.row, values: p.values });
    }
    report({ phase: 'checking', total: sheet.rows.length });
    try {
      await this.tx.run(ctx, async (tx) => {
        const planned = await kind.plan(tx, parsed);
        errors.push(...planned.errors);
        if (errors.length) throw new Rollback();
        const steps = planned.steps ?? planned.plans.flatMap((p) => (p.apply ? [{ row: p.row, apply: p.apply }] : []));
        report({ phase: 'writing', done: 0, total: steps.length });
        for (const [i, step] of steps.entries()) {
          if (i % 20 === 0) report({ done: i });
          try {
            await step.apply(tx, out);
          } catch (err) {
            if (!(err instanceof AppError)) throw err;
            const spec = kind.columns.find((c) => c.key === err.field);
            errors.push({ row: step.row, column: spec?.zh ?? null, value: null, message: `第 ${step.row} 行无法保存：${err.message}`, messageEn: err.message });
            throw new Rollback();
          }
        }
        report({ done: steps.length });
        for (const p of planned.plans) result[p.action]++;
        if (dryRun) throw new Rollback();
      });
      if (out.invitations.length) result.invitations = out.invitations; // committed: the codes work
    } catch (err) {
      if (!(err instanceof Rollback)) throw err;
    }
    return errors.length ? this.failed(result, errors) : result;
  }

  /** Nothing was (or would be) written: no counts, the errors in row order. */
  private failed(result: ImportResult, errors: RowError[]): ImportResult {
    const sorted = [...errors].sort((a, b) => a.row - b.row);
    const listed = sorted.slice(0, MAX_LISTED_ERRORS);
    if (sorted.length > listed.length) {
      const more = sorted.length - listed.length;
      listed.push({ row: listed.at(-1)!.row, column: null, value: null, message: `另有 ${more} 处错误未列出：请先改正以上错误`, messageEn: `${more} more errors not listed: correct these first` });
    }
    const { invitations: _none, ...counts } = result;
    return { ...counts, created: 0, updated: 0, unchanged: 0, errors: listed };
  }
}
