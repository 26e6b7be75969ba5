import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { seedDemo } from '../apps/api/src/demo/seed-demo';
import { IdentityService } from '../libs/identity/src';
import { TestApp } from './support/test-app';

/**
 * The README's examples, run as a newcomer would: every block fenced as ```bash readme-test=<name> runs, in order, in
 * one bash (so later blocks reuse the first block's API, login and gql), with the `API=http://localhost:3000` line
 * pointed at a freshly seeded demo server; every ```js readme-test=<file>.mjs block is saved under that name inside the
 * repository and run with node. The output shown in the next fenced block (after a line of prose, if any) is compared with what it printed: each
 * `"key":value` there must be printed (numbers as rounded in the README), and each line without JSON must be printed
 * as it stands.
 */
const run = promisify(execFile);
const ROOT = process.cwd(); // jest runs from the repository root (rootDir)
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

interface Block { lang: string; name: string; code: string; expected: string }
function blocks(md: string): Block[] {
  const out: Block[] = [];
  const re = /```(bash|js) readme-test=(\S+)\n([\s\S]*?)```(?:(?:(?!```)[\s\S])*?```\w*\n([\s\S]*?)```)?/g;
  for (const m of md.matchAll(re)) out.push({ lang: m[1], name: m[2], code: m[3], expected: m[4] ?? '' });
  return out;
}

const PAIR = /"(\w+)":("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|null|true|false)/g;
/** The expected output's scalar pairs and plain lines that the actual output lacks. */
export function missing(expected: string, actual: string): string[] {
  const got = new Map<string, string[]>();
  for (const [, k, v] of actual.matchAll(PAIR)) got.set(k, [...(got.get(k) ?? []), v]);
  const matches = (want: string, have: string) => {
    if (want === have) return true;
    if (!/^-?\d/.test(want) || !/^-?\d/.test(have)) return false;
    const decimals = want.split('.')[1]?.length ?? 0;
    return Number(Number(have).toFixed(decimals)) === Number(want);
  };
  const lost = [...expected.matchAll(PAIR)].filter(([, k, v]) => !(got.get(k) ?? []).some((h) => matches(v, h))).map(([p]) => p);
  const lines = expected.split('\n').map((l) => l.trim()).filter((l) => l && !/["{}…]/.test(l));
  return [...lost, ...lines.filter((l) => !actual.includes(l))];
}

describe('README examples', () => {
  let t: TestApp;
  const outputs = new Map<string, string>();
  const all = blocks(README);
  let work: string;
  beforeAll(async () => {
    t = await TestApp.start();
    const identity = t.app.get(IdentityService);
    await seedDemo(t.db, (pw) => identity.hashPassword(pw));
    work = mkdtempSync(path.join(tmpdir(), 'readme-'));
    const bash = all.filter((b) => b.lang === 'bash');
    const script = bash.map((b) => `echo "@@readme-test ${b.name}"\n${b.code.replace(/^API=http:\/\/localhost:3000$/m, `API=${t.url}`)}`).join('\n');
    const { stdout } = await run('bash', ['-c', script], { cwd: work, timeout: 30_000, maxBuffer: 16 << 20 });
    for (const part of stdout.split('@@readme-test ').slice(1)) {
      const nl = part.indexOf('\n');
      outputs.set(part.slice(0, nl), part.slice(nl + 1));
    }
    for (const b of all.filter((x) => x.lang === 'js')) {
      const dir = path.join(ROOT, 'test-results', 'readme');
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, b.name), b.code);
      const { stdout: out } = await run('node', [path.join(dir, b.name)], { env: { ...process.env, API: t.url }, timeout: 20_000 });
      outputs.set(b.name, out);
    }
  }, 90_000);
  afterAll(async () => {
    if (work) rmSync(work, { recursive: true, force: true });
    await t?.stop();
  });

  it('has its runnable blocks: one API line, reused, and no other hard-coded address', () => {
    expect(all.map((b) => b.name)).toEqual(['setup', 'consortia', 'coverage', 'rotation', 'city', 'plan-events.mjs']);
    const code = all.map((b) => b.code).join('\n');
    expect(code.match(/localhost:3000/g)?.length).toBe(2); // the API line, and the .mjs file's default
  });

  it.each(['setup', 'consortia', 'coverage', 'rotation', 'city', 'plan-events.mjs'])('block %s prints what the README shows', (name) => {
    const block = all.find((b) => b.name === name)!;
    const out = outputs.get(name) ?? '';
    expect(out).not.toContain('"errors"');
    expect(block.expected.trim()).not.toBe('');
    expect(missing(block.expected, out)).toEqual([]);
  });

  it('asks for what it says: the county\'s consortia, its target, the download link', () => {
    expect(outputs.get('consortia')).toContain('"totalCount":12');
    expect(JSON.parse(outputs.get('coverage')!).data.regionCoverage.target).toEqual({ year: 2026, ratio: 0.7 });
    expect(outputs.get('city')).toContain('200 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  it('lists the demo ids as they are', async () => {
    const table = README.slice(README.indexOf("## The demo's ids"), README.indexOf('## Examples against the demo'));
    const rows = [...table.matchAll(/^\| `([0-9a-f-]{36})` \| (.+) \|$/gm)];
    expect(rows.length).toBeGreaterThanOrEqual(10);
    for (const [, id, what] of rows) {
      const [found] = await t.sql(
        `SELECT name FROM region WHERE id = $1 UNION ALL SELECT name FROM school WHERE id = $1 UNION ALL SELECT name FROM school_group WHERE id = $1
         UNION ALL SELECT name FROM teacher WHERE id = $1 UNION ALL SELECT name FROM lesson_prep_team WHERE id = $1 UNION ALL SELECT title FROM lesson_plan WHERE id = $1
         UNION ALL SELECT m.name || ' → ' || a.name FROM mentoring_pair p JOIN teacher m ON m.id = p.mentor_teacher_id JOIN teacher a ON a.id = p.apprentice_teacher_id WHERE p.id = $1`,
        [id],
      );
      expect([id, what.includes(found?.name ?? '(unknown id)')]).toEqual([id, true]);
    }
  });
});
