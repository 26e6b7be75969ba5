import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { csv } from './support/imports';
import { TestApp } from './support/test-app';

/** A long import says where it is while the page waits (issue 15: a progress indication on the page). */
describe('spreadsheet imports: progress while it runs', () => {
  let t: TestApp;
  let bureau: { token: string };
  let other: { token: string };
  const progress = async (id: string, token: string) => {
    const r = await fetch(`${t.url}/imports/progress/${id}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: r.status, body: (await r.json()) as any };
  };

  beforeAll(async () => {
    t = await TestApp.start();
    const county = await t.region({ name: '随县', level: 'COUNTY' });
    await t.school(county.id, { name: '随县厉山镇三河小学' });
    bureau = await t.user('REGION_ADMIN', county.id);
    other = await t.user('REGION_ADMIN', county.id);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('reports reading, checking and writing row N of M to the user who started it, and done at the end', async () => {
    const rows = Array.from({ length: 400 }, (_, i) => [`教师${i}`, '随县厉山镇三河小学', `04210${String(i).padStart(3, '0')}`, '数学', '小学', '5']);
    const file = { name: 'teachers.csv', body: csv([['姓名', '学校', '教职工号', '任教学科', '学段', '教龄'], ...rows]) };
    const id = randomUUID();
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(file.body, 'utf8')]), file.name);
    const running = fetch(`${t.url}/imports/teachers?dryRun=false&progress=${id}`, { method: 'POST', body: form, headers: { authorization: `Bearer ${bureau.token}` } }).then((r) => r.json());
    const seen: any[] = [];
    let finished = false;
    void running.finally(() => (finished = true));
    while (!finished) {
      const p = await progress(id, bureau.token);
      if (p.status === 200) seen.push(p.body);
      await new Promise((r) => setTimeout(r, 20));
    }
    const result: any = await running;
    expect(result).toMatchObject({ created: 400, errors: [] });
    // it was seen at work before it was done, and the rows written only went up
    expect(seen.some((s) => s.phase !== 'done')).toBe(true);
    const writing = seen.filter((s) => s.phase === 'writing').map((s) => s.done);
    expect(writing).toEqual([...writing].sort((a, b) => a - b));
    expect((await progress(id, bureau.token)).body).toEqual({ phase: 'done', done: 400, total: 400 });
    // nobody else reads it, and an id that is not one is refused with the field
    expect((await progress(id, other.token)).status).toBe(404);
    const refused = await fetch(`${t.url}/imports/teachers?dryRun=true&progress=nope`, { method: 'POST', body: form, headers: { authorization: `Bearer ${bureau.token}` } });
    expect([refused.status, ((await refused.json()) as any).errors[0].extensions.field]).toEqual([400, 'progress']);
  });
});
