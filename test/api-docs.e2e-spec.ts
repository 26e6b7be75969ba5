import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { seedDemo } from '../apps/api/src/demo/seed-demo';
import { blocks, missing, ROOT, runBlocks } from './support/doc-examples';
import { TestApp } from './support/test-app';

/**
 * The longer examples of docs/api.md, run as that page says: in the shell of the README's first block (its API line,
 * login and gql), in the page's order, against a freshly seeded demo server (see support/doc-examples.ts).
 */
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const NAMES = ['accounts', 'live.mjs', 'downloads', 'city-reports', 'mentoring', 'exchanges', 'lesson-plan', 'adaptation', 'imports', 'groups', 'notifications'];

describe('docs/api.md examples', () => {
  let t: TestApp;
  let outputs = new Map<string, string>();
  const setup = blocks(read('README.md')).find((b) => b.name === 'setup')!;
  const all = blocks(read('docs/api.md'));
  beforeAll(async () => {
    t = await TestApp.start();
    await seedDemo(t.app);
    outputs = await runBlocks(t.url, [setup, ...all], 120_000);
  }, 300_000);
  afterAll(async () => {
    await t?.stop();
  });

  it('has its runnable blocks, which reuse the README setup and name no address of their own', () => {
    expect(all.map((b) => b.name)).toEqual(NAMES);
    const code = all.map((b) => b.code).join('\n');
    expect(code.match(/localhost:\d+/g)).toEqual(['localhost:3000']); // the .mjs file's default, as in the README's
    expect(code).not.toMatch(/^(API|login\(\)|gql\(\))/m);
  });

  it.each(NAMES)('block %s prints what docs/api.md shows', (name) => {
    const block = all.find((b) => b.name === name)!;
    expect(block.expected.trim()).not.toBe('');
    expect(missing(block.expected, outputs.get(name) ?? '')).toEqual([]);
  });
});
