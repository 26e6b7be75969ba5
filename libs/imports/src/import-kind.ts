import type { RequestContext, Role } from '#app/core';
import { NamedDirectory } from '#app/organisation';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { ColumnSpec, Parsed, RowError } from './columns';

/** A login invited by an import (the teachers' 登录账号 column): what the admin hands over, unless it went by mail. */
export interface ImportInvitation {
  row: number;
  name: string;
  account: string;
  code: string;
  link: string;
  expiresAt: string;
  mailed: boolean;
}

/** What the rows' writes tell the answer besides the counts. */
export interface ImportOutput {
  invitations: ImportInvitation[];
}

/** What one row of a file does: create, update (both written through the context's service) or nothing. */
export interface RowPlan {
  row: number;
  action: 'created' | 'updated' | 'unchanged';
  apply?: (tx: RequestContext, out: ImportOutput) => Promise<void>;
}

/** When rows must be written in another order than the file's (history by date), the writes in that order. */
export interface ImportStep {
  row: number;
  apply: (tx: RequestContext, out: ImportOutput) => Promise<void>;
}

/** A kind of import (schools, teachers, …): its columns and how a file's rows become service calls. */
export interface ImportKind {
  name: string;
  /** zh-CN sheet name and the template's file name */
  sheet: string;
  /** roles that may import this kind (platform admins always may) */
  roles: Role[];
  columns: ColumnSpec[];
  /**
   * Resolves the rows' names within the caller's scope and finds each row's natural key, all rows at once, inside
   * the import's transaction; any problem is a RowError (then nothing is written).
   */
  plan(tx: RequestContext, rows: { row: number; values: Parsed }[]): Promise<{ plans: RowPlan[]; errors: RowError[]; steps?: ImportStep[] }>;
}

export const IMPORT_KINDS = Symbol('IMPORT_KINDS');

/** A row error of a kind's column. */
export const cellError = (spec: ColumnSpec, row: number, value: unknown, message: string, messageEn: string): RowError => ({
  row,
  column: spec.zh,
  value: value === null || value === undefined ? null : String(value),
  message,
  messageEn,
});

/** Groups rows by a key and reports every row after the first with the same key. */
export function duplicates<T extends { row: number }>(items: T[], key: (x: T) => string, err: (x: T, first: T) => RowError): RowError[] {
  const seen = new Map<string, T>();
  const errors: RowError[] = [];
  for (const x of items) {
    const k = key(x);
    const first = seen.get(k);
    if (first) errors.push(err(x, first));
    else seen.set(k, x);
  }
  return errors;
}

/**
 * The service's own input rules (class-validator on its input class, as GraphQL runs them), reported on the row's
 * columns: `columnOf` names the column of each input property.
 */
export async function inputErrors(cls: new () => object, input: object, row: number, columnOf: (property: string) => ColumnSpec | undefined, raw: Parsed): Promise<RowError[]> {
  const errors = await validate(plainToInstance(cls, input), { forbidUnknownValues: false });
  return errors.map((e) => {
    const spec = columnOf(e.property);
    const detail = Object.values(e.constraints ?? {})[0] ?? 'invalid';
    return { row, column: spec?.zh ?? e.property, value: spec && raw[spec.key] !== null ? String(raw[spec.key]) : null, message: `“${spec?.zh ?? e.property}”格式不正确（${detail}）`, messageEn: detail };
  });
}

/**
 * Each row's school (its `school` column, narrowed by its `region` column when given) among those the caller may
 * staff: the rows with their school's id, and an error for each row whose school is not found or is ambiguous.
 */
export async function rowsWithSchool<R extends { row: number; values: Record<string, any> }>(tx: RequestContext, rows: R[], spec: ColumnSpec): Promise<{ ok: (R & { schoolId: string })[]; errors: RowError[] }> {
  const schools = await NamedDirectory.schoolsNamed(tx, rows.map((r) => r.values.school));
  const ok: (R & { schoolId: string })[] = [];
  const errors: RowError[] = [];
  for (const r of rows) {
    const found = schools.filter((s) => s.name === r.values.school && (!r.values.region || s.region === r.values.region));
    if (found.length === 1) ok.push({ ...r, schoolId: found[0].id });
    else if (!found.length) errors.push(cellError(spec, r.row, r.values.school, `没有找到您管辖范围内名为“${r.values.school}”的学校`, `No school named "${r.values.school}" within your scope`));
    else errors.push(cellError(spec, r.row, r.values.school, `有 ${found.length} 所名为“${r.values.school}”的学校：请在“所属区县”列注明`, `${found.length} schools are named "${r.values.school}": name the region too`));
  }
  return { ok, errors };
}

/** The one group of that name among those the caller manages, or the row's error (none, or several). */
export function oneGroupNamed<G extends { name: string }>(groups: G[], spec: ColumnSpec, row: number, name: string): { group: G } | { error: RowError } {
  const named = groups.filter((g) => g.name === name);
  if (named.length === 1) return { group: named[0] };
  return {
    error: named.length
      ? cellError(spec, row, name, `有 ${named.length} 个名为“${name}”的共同体，无法确定是哪一个`, `${named.length} groups are named "${name}"`)
      : cellError(spec, row, name, `没有找到您管理的名为“${name}”的共同体`, `No group named "${name}" that you manage`),
  };
}

/** The one teacher among `candidates` with that staff number (教职工号), else that name, or the row's error. */
export function oneTeacherNamed<T extends { id: string; name: string; staffNo: string | null }>(candidates: T[], spec: ColumnSpec, row: number, who: string, where: [string, string]): { id: string } | { error: RowError } {
  const byNo = candidates.filter((t) => t.staffNo === who);
  const found = byNo.length ? byNo : candidates.filter((t) => t.name === who);
  if (found.length === 1) return { id: found[0].id };
  return {
    error: found.length
      ? cellError(spec, row, who, `${where[0]}有 ${found.length} 位名为“${who}”的教师：请改填教职工号`, `${found.length} teachers ${where[1]} are named "${who}": use staff numbers`)
      : cellError(spec, row, who, `${where[0]}没有名为“${who}”的教师`, `No teacher "${who}" ${where[1]}`),
  };
}

/** The one school of that name among the group's member schools (`memberIds`), or the row's error. */
export function oneMemberSchoolNamed(schools: { id: string; name: string }[], memberIds: Set<string>, spec: ColumnSpec, row: number, name: string): { id: string } | { error: RowError } {
  const found = schools.filter((s) => s.name === name && memberIds.has(s.id));
  return found.length === 1 ? { id: found[0].id } : { error: cellError(spec, row, name, `“${name}”不是该共同体的成员校`, `"${name}" is not a member school of the group`) };
}
