import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

/**
 * npm start's build step (scripts/build-if-changed.mjs) builds only what changed. npm test has just built everything
 * (npm run build), so in this tree nothing is due; in a copy of the inputs (so that the tree other tests serve from is
 * never touched) a changed source makes only its side due, a touched but unchanged one nothing.
 */
describe('start-up: the build is skipped when nothing changed', () => {
  let copy: string;
  const step = (root?: string) => spawnSync(process.execPath, ['scripts/build-if-changed.mjs', '--dry-run', ...(root ? ['--root', root] : [])], { encoding: 'utf8' });

  beforeAll(() => {
    copy = mkdtempSync(path.join(tmpdir(), 'start-up-'));
    for (const d of ['apps', 'libs', 'scripts', 'bench', 'prisma-free-migrations']) cpSync(d, path.join(copy, d), { recursive: true });
    for (const f of ['package-lock.json', 'tsconfig.json', 'tsconfig.build.json']) cpSync(f, path.join(copy, f));
    mkdirSync(path.join(copy, 'dist', 'apps', 'api', 'src'), { recursive: true });
    mkdirSync(path.join(copy, 'dist', 'web'), { recursive: true });
    writeFileSync(path.join(copy, 'dist', 'apps', 'api', 'src', 'main.js'), '');
    writeFileSync(path.join(copy, 'dist', 'web', 'index.html'), '');
    cpSync('dist/.build-inputs.json', path.join(copy, 'dist', '.build-inputs.json'));
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('has nothing to build right after a full build, here and in an exact copy', () => {
    expect(Object.keys(JSON.parse(readFileSync('dist/.build-inputs.json', 'utf8'))).sort()).toEqual(['server', 'web']);
    for (const root of [undefined, copy]) {
      const r = step(root);
      expect(r.status).toBe(0);
      expect(r.stdout.trim()).toBe('would build: nothing');
    }
  });

  it('rebuilds only the side whose sources changed, and only when their contents changed', () => {
    const web = path.join(copy, 'apps', 'web', 'index.html');
    const server = path.join(copy, 'libs', 'core', 'src', 'index.ts');
    writeFileSync(web, readFileSync(web)); // touched, same contents
    expect(step(copy).stdout.trim()).toBe('would build: nothing');
    appendFileSync(web, '\n<!-- changed -->\n');
    expect(step(copy).stdout.trim()).toBe('would build: web app');
    appendFileSync(server, '\n// changed\n');
    expect(step(copy).stdout.trim().split('\n')).toEqual(['would build: server', 'would build: web app']);
    rmSync(path.join(copy, 'dist', 'web', 'index.html')); // a missing output is due whatever the stamp says
    cpSync('apps/web/index.html', web);
    expect(step(copy).stdout.trim().split('\n')).toEqual(['would build: server', 'would build: web app']);
  });
});
