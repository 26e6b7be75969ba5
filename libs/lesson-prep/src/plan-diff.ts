import { diffArrays } from 'diff';
import { DiffOp } from './enums';
import type { PlanContent } from './entities/lesson-prep.entity';

export interface DiffLine {
  op: DiffOp;
  text: string;
  /** line number in the older version (EQUAL, REMOVED) */
  fromLine: number | null;
  /** line number in the newer version (EQUAL, ADDED) */
  toLine: number | null;
}

export const PLAN_FIELDS = ['title', 'unit', 'objectives', 'keyPoints', 'content', 'resources'] as const;

const lines = (s: string) => (s === '' ? [] : s.replace(/\r\n?/g, '\n').split('\n'));

/** The fields that differ between two versions. */
export function changedFields(a: PlanContent, b: PlanContent): (typeof PLAN_FIELDS)[number][] {
  return PLAN_FIELDS.filter((f) => JSON.stringify(a[f] ?? null) !== JSON.stringify(b[f] ?? null));
}

/** A line diff (Myers, via jsdiff) with line numbers on both sides. */
export function lineDiff(from: string, to: string): DiffLine[] {
  const out: DiffLine[] = [];
  let [i, j] = [1, 1];
  for (const part of diffArrays(lines(from), lines(to))) {
    for (const text of part.value) {
      if (part.added) out.push({ op: DiffOp.ADDED, text, fromLine: null, toLine: j++ });
      else if (part.removed) out.push({ op: DiffOp.REMOVED, text, fromLine: i++, toLine: null });
      else out.push({ op: DiffOp.EQUAL, text, fromLine: i++, toLine: j++ });
    }
  }
  return out;
}

/** The diff as unified text (`+`, `-`, ` ` prefixes), for clients that just show it. */
export const unified = (diff: DiffLine[]) => diff.map((d) => (d.op === DiffOp.ADDED ? '+' : d.op === DiffOp.REMOVED ? '-' : ' ') + d.text).join('\n');

export const lineCount = (content: string) => lines(content).length;

export interface PlanDiff {
  planId: string;
  fromVersion: number;
  toVersion: number;
  changedFields: string[];
  fieldChanges: { field: string; before: string | null; after: string | null }[];
  contentDiff: string;
  contentLines: DiffLine[];
  linesAdded: number;
  linesRemoved: number;
}

/** What changed from one revision of a plan to another: the fields, and the content line by line. */
export function planDiff(planId: string, from: PlanContent & { version: number }, to: PlanContent & { version: number }): PlanDiff {
  const contentLines = lineDiff(from.content, to.content);
  const fields = changedFields(from, to);
  const text = (v: unknown) => (v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v));
  return {
    planId,
    fromVersion: from.version,
    toVersion: to.version,
    changedFields: fields,
    fieldChanges: fields.filter((f) => f !== 'content').map((f) => ({ field: f, before: text(from[f]), after: text(to[f]) })),
    contentDiff: unified(contentLines),
    contentLines,
    linesAdded: contentLines.filter((d) => d.op === DiffOp.ADDED).length,
    linesRemoved: contentLines.filter((d) => d.op === DiffOp.REMOVED).length,
  };
}
