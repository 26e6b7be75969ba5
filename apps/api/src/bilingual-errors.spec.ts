import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENTITY } from '#app/core';

/**
 * Every message the API answers with is written in zh and en (issue 15): the error helpers take a Msg
 * ({ zh, en }) and tsc enforces it; this scan also catches a plain string slipped past the types (an `as any`,
 * a new helper). A call is refused when its message argument is a string literal or a template literal.
 */
const ROOTS = [join(process.cwd(), 'libs'), join(process.cwd(), 'apps', 'api', 'src')];

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [join(dir, e.name)] : [],
  );

const files = ROOTS.flatMap((r) => sources(r)).filter((f) => !f.includes(`${join('apps', 'api', 'src', 'demo')}`));

/** Calls whose message is a literal: `helper(<literal>` or, for badInput and AppError, `helper(<first arg>, <literal>`. */
const PLAIN = [
  /\b(?:conflict|forbidden|unauthenticated)\(\s*['"`]/g,
  /\bbadInput\(\s*(?:'[^']*'|"[^"]*"|`[^`]*`|[\w.[\]]+)\s*,\s*['"`]/g,
  /\bnew AppError\(\s*ErrorCode\.\w+\s*,\s*['"`]/g,
  /\bnotFound\(\s*`/g,
];

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

describe('error messages are bilingual', () => {
  it('scans a good number of files and error calls (the scan itself works)', () => {
    const calls = files.map((f) => readFileSync(f, 'utf8')).join('\n').match(/\b(?:badInput|conflict|forbidden|notFound|unauthenticated)\(/g) ?? [];
    expect(files.length).toBeGreaterThan(100);
    expect(calls.length).toBeGreaterThan(200);
  });

  it('no error helper is called with a plain (English-only) string', () => {
    const found: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const re of PLAIN) for (const m of text.matchAll(re)) found.push(`${file.slice(process.cwd().length + 1)}:${lineOf(text, m.index!)}: ${m[0]}`);
    }
    expect(found).toEqual([]);
  });

  it('notFound names only entities with a Chinese name', () => {
    const unknown: string[] = [];
    for (const file of files) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bnotFound\(\s*'([^']*)'/g)) if (!(m[1] in ENTITY)) unknown.push(`${file}: ${m[1]}`);
    }
    expect(unknown).toEqual([]);
  });

  it('the scan catches plain strings', () => {
    const bad = ["throw badInput('year', 'year must be between 2000 and 2100')", 'throw forbidden(`Only ${x}`)', "new AppError(ErrorCode.CONFLICT, 'x', 'email')", 'notFound(`Kind ${k}`)'];
    for (const line of bad) expect(PLAIN.some((re) => new RegExp(re.source).test(line))).toBe(true);
    expect(PLAIN.some((re) => new RegExp(re.source).test("throw badInput('year', { zh: '年份', en: 'year' })"))).toBe(false);
  });
});
