import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { seedDemo } from '../apps/api/src/demo/seed-demo';
import { blocks, missing, ROOT, runBlocks } from './support/doc-examples';
import { TestApp } from './support/test-app';

/** The README's examples (see support/doc-examples.ts for how blocks run and outputs are compared) against a freshly seeded demo server. */
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('README examples', () => {
  let t: TestApp;
  let outputs = new Map<string, string>();
  const all = blocks(README);
  beforeAll(async () => {
    t = await TestApp.start();
    await seedDemo(t.app);
    outputs = await runBlocks(t.url, all, 60_000);
  }, 180_000);
  afterAll(async () => {
    await t?.stop();
  });

  it('has its runnable blocks: one API line, reused, and no other hard-coded address', () => {
    expect(all.map((b) => b.name)).toEqual(['setup', 'consortia', 'coverage', 'rotation', 'city', 'plan-events.mjs', 'balance']);
    const code = all.map((b) => b.code).join('\n');
    expect(code.match(/localhost:3000/g)?.length).toBe(2); // the API line, and the .mjs file's default
  });

  it.each(['setup', 'consortia', 'coverage', 'rotation', 'city', 'plan-events.mjs', 'balance'])('block %s prints what the README shows', (name) => {
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
