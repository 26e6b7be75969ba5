import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EventBus, RequestContext, systemClock, TransactionService } from '#app/core';
import { SchoolStage } from '#app/organisation';
import { codeOf, TestApp } from './support/test-app';

/**
 * The one event path (EventBus): in-transaction handlers are part of the write, after-commit handlers see only
 * committed facts. The handlers here react to schools named for the test only, so the app's own handlers (the
 * rollups) run as usual alongside them.
 */
describe('domain events', () => {
  let t: TestApp;
  let admin: string;
  let regionId: string;
  const committed: { name: string; visible: boolean }[] = [];
  const CREATE = `mutation($i: CreateSchoolInput!) { createSchool(input: $i) { id } }`;
  const create = (name: string) => t.gql(CREATE, { i: { name, regionId, stage: 'PRIMARY', locale: 'RURAL', studentCount: 300, teacherCount: 20 } }, admin);
  const nameOf = async (id: string) => (await t.sql(`SELECT name FROM school WHERE id = $1`, [id]))[0]?.name as string | undefined;
  const compulsory = async () => Number((await t.sql(`SELECT coalesce(sum(value), 0) AS n FROM activity_rollup WHERE scope = 'R' AND scope_id = $1 AND metric = 'compulsory_schools'`, [regionId]))[0].n);

  beforeAll(async () => {
    t = await TestApp.start();
    admin = (await t.user('PLATFORM_ADMIN')).token;
    regionId = (await t.region({ name: '事件县', level: 'COUNTY' })).id;
    const events = t.app.get(EventBus);
    events.inTransaction('organisation.school.created', async (tx, e) => {
      const [{ name: n }] = await tx.em.query(`SELECT name FROM school WHERE id = $1`, [e.school.id]);
      if (n.startsWith('失败')) throw new Error('a projection failed');
    });
    events.afterCommit('organisation.school.created', async (e) => {
      // read on another connection: the fact must already be committed
      const name = await nameOf(e.school.id);
      committed.push({ name: name ?? '', visible: name !== undefined });
    });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('runs in-transaction handlers in the write: one that fails rolls the whole write back, and no after-commit handler runs', async () => {
    const before = await compulsory();
    const failed = await create('失败小学');
    expect(codeOf(failed)).toBe('INTERNAL_SERVER_ERROR');
    expect(await t.sql(`SELECT id FROM school WHERE name = '失败小学'`)).toEqual([]);
    expect(await compulsory()).toBe(before); // the rollup handler ran before it, in the same transaction: undone too
    expect(committed).toEqual([]);

    const ok = await create('事件小学');
    expect(ok.errors).toBeUndefined();
    expect(await compulsory()).toBe(before + 1);
    expect(committed).toEqual([{ name: '事件小学', visible: true }]);
  });

  it('runs no after-commit handler in a transaction without commit hooks, and refuses a fact published outside a transaction', async () => {
    const events = t.app.get(EventBus);
    const ctx = new RequestContext(t.db.manager, null);
    const school = { id: '00000000-0000-4000-8000-000000000001', regionId, stage: SchoolStage.PRIMARY, studentCount: 1 };
    await expect(events.publish(ctx, 'organisation.school.created', { school })).rejects.toThrow(/inside the transaction/);
    await t.db.transaction(async (em) => {
      const tx = new RequestContext(em, null);
      await em.query(`INSERT INTO school (id, name, region_id, stage, locale, student_count, teacher_count) VALUES ($1, '无钩小学', $2, 'PRIMARY', 'RURAL', 1, 1)`, [school.id, regionId]);
      await events.publish(tx, 'organisation.school.created', { school });
    });
    expect(committed.map((c) => c.name)).not.toContain('无钩小学');
    // TransactionService runs the hooks: the same fact, published through it, is announced after commit
    const id = '00000000-0000-4000-8000-000000000002';
    await t.app.get(TransactionService).run(ctx, async (tx) => {
      await tx.em.query(`INSERT INTO school (id, name, region_id, stage, locale, student_count, teacher_count) VALUES ($1, '有钩小学', $2, 'PRIMARY', 'RURAL', 1, 1)`, [id, regionId]);
      await events.publish(tx, 'organisation.school.created', { school: { ...school, id } });
      expect(committed.map((c) => c.name)).not.toContain('有钩小学'); // not before commit
    });
    expect(committed.map((c) => c.name)).toContain('有钩小学');
  });

  it('skips the rollup projection in a bulk load that rebuilds the rollups at its end (and only there), and runs the other handlers', async () => {
    const events = t.app.get(EventBus);
    const before = await compulsory();
    const school = { id: '00000000-0000-4000-8000-000000000003', regionId, stage: SchoolStage.PRIMARY, studentCount: 1 };
    await t.db.transaction(async (em) => {
      const tx = new RequestContext(em, null);
      tx.rebuildsProjections = true;
      await em.query(`INSERT INTO school (id, name, region_id, stage, locale, student_count, teacher_count) VALUES ($1, '失败重建小学', $2, 'PRIMARY', 'RURAL', 1, 1)`, [school.id, regionId]);
      // the test's own in-transaction handler still runs: it refuses this name, so the load fails
      await expect(events.publish(tx.withClock(systemClock), 'organisation.school.created', { school })).rejects.toThrow(/projection failed/);
      await em.query(`UPDATE school SET name = '重建小学' WHERE id = $1`, [school.id]);
      await events.publish(tx.withClock(systemClock), 'organisation.school.created', { school }); // the flag carries over to copies
      expect(await compulsory()).toBe(before); // another connection: nothing committed yet either way
      const [{ n }] = await em.query(`SELECT coalesce(sum(value), 0)::int AS n FROM activity_rollup WHERE scope = 'R' AND scope_id = $1 AND metric = 'compulsory_schools'`, [regionId]);
      expect(n).toBe(before); // not projected in the loading transaction
    });
    expect(await compulsory()).toBe(before);
  });
});
