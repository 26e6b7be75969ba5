import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

/**
 * The examples of a Markdown page, run as a newcomer would: every block fenced as ```bash readme-test=<name> runs, in
 * order, in one bash (so later blocks reuse the first block's API, login and gql), with the `API=http://localhost:3000`
 * line pointed at the server under test; every ```js readme-test=<file>.mjs block is saved under that name inside the
 * repository and run with node. The output shown in the next fenced block (after a line of prose, if any) is compared
 * with what it printed: each `"key":value` there must be printed (numbers as rounded on the page, a quoted value with
 * `…` in it stands for any value), and each line without JSON must be printed as it stands.
 */
const run = promisify(execFile);
export const ROOT = process.cwd(); // jest runs from the repository root (rootDir)

export interface Block { lang: string; name: string; code: string; expected: string }
export function blocks(md: string): Block[] {
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
    if (want.startsWith('"') && want.includes('…')) return true; // an id or a time: any value
    if (!/^-?\d/.test(want) || !/^-?\d/.test(have)) return false;
    const decimals = want.split('.')[1]?.length ?? 0;
    return Number(Number(have).toFixed(decimals)) === Number(want);
  };
  const lost = [...expected.matchAll(PAIR)].filter(([, k, v]) => !(got.get(k) ?? []).some((h) => matches(v, h))).map(([p]) => p);
  const lines = expected.split('\n').map((l) => l.trim()).filter((l) => l && !/["{}…]/.test(l));
  return [...lost, ...lines.filter((l) => !actual.includes(l))];
}

/** Runs the blocks against the server at `url` and answers what each printed, by name. */
export async function runBlocks(url: string, all: Block[], timeoutMs: number): Promise<Map<string, string>> {
  const outputs = new Map<string, string>();
  const work = mkdtempSync(path.join(tmpdir(), 'readme-'));
  try {
    const bash = all.filter((b) => b.lang === 'bash');
    const script = bash.map((b) => `echo "@@readme-test ${b.name}"\n${b.code.replace(/^API=http:\/\/localhost:3000$/m, `API=${url}`)}`).join('\n');
    const { stdout } = await run('bash', ['-c', script], { cwd: work, timeout: timeoutMs, maxBuffer: 16 << 20 });
    for (const part of stdout.split('@@readme-test ').slice(1)) {
      const nl = part.indexOf('\n');
      outputs.set(part.slice(0, nl), part.slice(nl + 1));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  for (const b of all.filter((x) => x.lang === 'js')) {
    const dir = path.join(ROOT, 'test-results', 'readme');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, b.name), b.code);
    const { stdout: out } = await run('node', [path.join(dir, b.name)], { env: { ...process.env, API: url }, timeout: timeoutMs });
    outputs.set(b.name, out);
  }
  return outputs;
}
