import { LABELS } from '#app/core';

/** One problem of one row: `row` as Excel numbers it (the header is row 1), the column's header, the value. */
export interface RowError {
  row: number;
  column: string | null;
  value: string | null;
  /** zh-CN */
  message: string;
  messageEn: string;
}

export type ColumnType = 'text' | 'int' | 'decimal' | 'date' | 'datetime' | 'enum' | 'enums' | 'list';

/** A column of an import kind: its key in the parsed record, headers (zh-CN as in the template; English accepted). */
export interface ColumnSpec {
  key: string;
  zh: string;
  en: string;
  type: ColumnType;
  required?: boolean;
  /** text: longest length; int, decimal: largest value */
  max?: number;
  min?: number;
  /** enum / enums: the labelled enum's name (its values, zh-CN and English labels are accepted) */
  enumName?: string;
  example: string;
  /** zh-CN, shown in the template's 填写说明 sheet */
  help: string;
}

export type Parsed = Record<string, string | number | string[] | null>;

const normal = (h: string) => h.replace(/[*＊\s]/g, '').toLowerCase();

/** Which column of the file each spec reads (-1: absent), and the header problems (row 1). */
export function matchHeaders(specs: ColumnSpec[], headers: string[]): { index: Map<string, number>; errors: RowError[] } {
  const index = new Map<string, number>();
  const errors: RowError[] = [];
  headers.forEach((h, i) => {
    if (!h) return;
    const spec = specs.find((s) => [s.zh, s.en, s.key].some((name) => normal(name) === normal(h)));
    if (!spec) {
      errors.push({ row: 1, column: h, value: h, message: `未知的列“${h}”：请使用模板中的列名`, messageEn: `Unknown column "${h}": use the template's headers` });
    } else if (index.has(spec.key)) {
      errors.push({ row: 1, column: h, value: h, message: `“${spec.zh}”列出现了两次`, messageEn: `Column "${spec.en}" appears twice` });
    } else index.set(spec.key, i);
  });
  for (const s of specs) {
    if (s.required && !index.has(s.key)) errors.push({ row: 1, column: s.zh, value: null, message: `缺少必填列“${s.zh}”`, messageEn: `The required column "${s.en}" is missing` });
  }
  return { index, errors };
}

/** The English value of an enum label, value or English label (any case); undefined when it is none of them. */
export function enumValue(enumName: string, text: string): string | undefined {
  const labels = LABELS[enumName] ?? {};
  const t = text.trim().toLowerCase();
  return Object.keys(labels).find((v) => v.toLowerCase() === t || labels[v][0].toLowerCase() === t || labels[v][1].toLowerCase() === t);
}

const choices = (enumName: string) => Object.values(LABELS[enumName] ?? {}).map((l) => l[0]).join('、');
const LIST_SEPARATORS = /[、,，;；/\s]+/;

/** Parses one row by the specs: typed values, and a RowError per bad cell. */
export function parseRow(specs: ColumnSpec[], index: Map<string, number>, row: number, cells: (string | null)[]): { values: Parsed; errors: RowError[] } {
  const values: Parsed = {};
  const errors: RowError[] = [];
  for (const s of specs) {
    const i = index.get(s.key);
    const raw = i === undefined ? null : (cells[i] ?? null);
    const fail = (message: string, messageEn: string) => errors.push({ row, column: s.zh, value: raw, message, messageEn });
    values[s.key] = null;
    if (raw === null) {
      if (s.required) fail(`“${s.zh}”不能为空`, `${s.en} is required`);
      continue;
    }
    switch (s.type) {
      case 'text':
        if (s.max && [...raw].length > s.max) fail(`“${s.zh}”最多 ${s.max} 个字`, `${s.en} has at most ${s.max} characters`);
        else values[s.key] = raw;
        break;
      case 'int': {
        const n = Number(raw.replace(/,/g, ''));
        if (!/^\d[\d,]*$/.test(raw) || !Number.isSafeInteger(n)) fail(`“${s.zh}”应为整数`, `${s.en} must be a whole number`);
        else if ((s.min !== undefined && n < s.min) || (s.max !== undefined && n > s.max)) fail(`“${s.zh}”应在 ${s.min ?? 0} 到 ${s.max} 之间`, `${s.en} must be from ${s.min ?? 0} to ${s.max}`);
        else values[s.key] = n;
        break;
      }
      case 'decimal': {
        // a number with at most two decimals (areas in m², values in yuan)
        const n = Number(raw.replace(/,/g, ''));
        if (!/^\d[\d,]*(\.\d+)?$/.test(raw) || !Number.isFinite(n)) fail(`“${s.zh}”应为数字`, `${s.en} must be a number`);
        else if ((raw.split('.')[1]?.length ?? 0) > 2) fail(`“${s.zh}”最多两位小数`, `${s.en} has at most two decimals`);
        else if ((s.min !== undefined && n < s.min) || (s.max !== undefined && n > s.max)) fail(`“${s.zh}”应在 ${s.min ?? 0} 到 ${s.max} 之间`, `${s.en} must be from ${s.min ?? 0} to ${s.max}`);
        else values[s.key] = n;
        break;
      }
      case 'date': {
        const d = raw.replace(/[./年月]/g, '-').replace(/日$/, '');
        const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(d);
        const iso = m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : '';
        if (!m || Number.isNaN(Date.parse(iso)) || new Date(iso).toISOString().slice(0, 10) !== iso) fail(`“${s.zh}”应为日期，如 2025-09-01`, `${s.en} must be a date such as 2025-09-01`);
        else values[s.key] = iso;
        break;
      }
      case 'datetime': {
        // China time, as people write it: 2025-03-12 14:30, 2025/3/12 14:30
        const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[ T](\d{1,2}):(\d{2})(?::\d{2})?$/.exec(raw);
        const local = m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}T${m[4].padStart(2, '0')}:${m[5]}:00+08:00` : '';
        const at = m ? new Date(local) : null;
        if (!at || Number.isNaN(at.getTime()) || new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16) !== local.slice(0, 16))
          fail(`“${s.zh}”应为日期和时间，如 2025-03-12 14:30`, `${s.en} must be a date and time such as 2025-03-12 14:30`);
        else values[s.key] = at.toISOString();
        break;
      }
      case 'enum': {
        const v = enumValue(s.enumName!, raw);
        if (!v) fail(`“${s.zh}”只能是：${choices(s.enumName!)}`, `${s.en} must be one of: ${Object.keys(LABELS[s.enumName!] ?? {}).join(', ')}`);
        else values[s.key] = v;
        break;
      }
      case 'enums': {
        const parts = raw.split(LIST_SEPARATORS).filter(Boolean);
        const bad = parts.find((p) => !enumValue(s.enumName!, p));
        if (bad) fail(`“${s.zh}”中的“${bad}”无法识别，可填：${choices(s.enumName!)}`, `"${bad}" in ${s.en} is not one of: ${Object.keys(LABELS[s.enumName!] ?? {}).join(', ')}`);
        else values[s.key] = [...new Set(parts.map((p) => enumValue(s.enumName!, p)!))];
        break;
      }
      case 'list': {
        const parts = [...new Set(raw.split(LIST_SEPARATORS).filter(Boolean))];
        if (s.max && parts.some((p) => [...p].length > s.max!)) fail(`“${s.zh}”的每一项最多 ${s.max} 个字`, `Each item of ${s.en} has at most ${s.max} characters`);
        else values[s.key] = parts;
        break;
      }
    }
  }
  return { values, errors };
}
