import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NotificationScheduler } from '#app/notifications';
import { consortiumWorld, type ConsortiumWorld } from './support/consortium-world';
import { SCHEDULE_SESSION, sessionIn, waitFor } from './support/notifications';
import { TestApp } from './support/test-app';

const WORKER = { NOTIFY_WORKER: 'true', NOTIFY_POLL_MS: '50' };

/** Session reminders are jobs; two API instances run their workers against one database: each reminder goes out once. */
describe('session reminders, exactly once across two instances', () => {
  let a: TestApp;
  let b: TestApp;
  let w: ConsortiumWorld;

  beforeAll(async () => {
    a = await TestApp.start(WORKER);
    b = await a.startSibling(WORKER);
    w = await consortiumWorld(a);
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  const schedulers = () => [a, b].map((x) => x.app.get(NotificationScheduler));

  it('fires the 24 h and 1 h reminders once per invited user, skips a cancelled session, follows a moved one, and never twice', async () => {
    expect(schedulers().every((s) => s.active)).toBe(true); // NOTIFY_WORKER=true starts them
    await Promise.all(schedulers().map((s) => s.stop()));
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      ids.push((await a.ok(SCHEDULE_SESSION, { i: sessionIn(w, 30 + i, { title: `提醒-${i}`, invitedTeacherIds: [w.reader.id] }) }, w.manager.token)).scheduleResearchSession.id);
    }
    const [cancelled, moved, ...kept] = ids;
    await a.ok(`mutation($id: ID!) { cancelResearchSession(id: $id, reason: "停电") { status } }`, { id: cancelled }, w.manager.token);
    // moved a day later: the invitees are told; the jobs keyed by the old start are skipped, new ones follow the new start
    const [{ starts_at: oldStart }] = await a.sql(`SELECT starts_at FROM research_session WHERE id = $1`, [moved]);
    const newStart = new Date(oldStart.getTime() + 86400_000).toISOString();
    await a.ok(`mutation($i: UpdateResearchSessionInput!) { updateResearchSession(input: $i) { startsAt } }`, { i: { sessionId: moved, startsAt: newStart } }, w.manager.token);
    const told = await a.sql(`SELECT user_id, payload FROM notification WHERE kind = 'SESSION_RESCHEDULED'`);
    expect(told.map((r) => r.user_id).sort()).toEqual([w.leader.userId, w.preparer.userId, w.colleague.userId, w.reader.userId].sort());
    expect(told[0].payload).toMatchObject({ sessionId: moved, startsAt: newStart, before: oldStart.toISOString() });
    const jobs = await a.sql(`SELECT count(*)::int AS n FROM notification_job WHERE kind LIKE 'SESSION_REMINDER%'`);
    expect(jobs[0].n).toBe(26);
    await a.sql(`UPDATE notification_job SET due_at = now() WHERE kind LIKE 'SESSION_REMINDER%'`);

    schedulers().forEach((s) => s.start(20, 2)); // small batches, so both workers take turns
    await waitFor(async () => (await a.sql(`SELECT count(*)::int AS n FROM notification_job WHERE done_at IS NULL`))[0].n === 0, 'all jobs done');
    await new Promise((r) => setTimeout(r, 300)); // both keep polling: nothing more may come

    const rows = await a.sql(`SELECT user_id, kind, payload->>'sessionId' AS session, payload->>'startsAt' AS starts FROM notification WHERE kind LIKE 'SESSION_REMINDER%'`);
    // the lead school (host): 刘文静; the member school: 王海燕, 张国强; by name: 李春梅
    const invited = [w.leader.userId, w.preparer.userId, w.colleague.userId, w.reader.userId];
    const expected = [...kept, moved].flatMap((s) => invited.flatMap((u) => ['SESSION_REMINDER_24H', 'SESSION_REMINDER_1H'].map((k) => `${u} ${k} ${s}`))).sort();
    expect(rows.map((r) => `${r.user_id} ${r.kind} ${r.session}`).sort()).toEqual(expected); // each once, none for the cancelled session, the moved one's once
    expect(rows.filter((r) => r.session === moved).every((r) => r.starts === newStart)).toBe(true); // for the new time only
    const totals = schedulers().map((s) => s.totals);
    expect(totals.reduce((n, t) => n + t.claimed, 0)).toBe(26); // every job claimed by exactly one worker
    expect(totals.reduce((n, t) => n + t.skipped, 0)).toBe(4);
    expect(totals.reduce((n, t) => n + t.failed, 0)).toBe(0);
    expect(totals.every((t) => t.claimed > 0)).toBe(true); // both took part (measured: 12 and 12)
    const skipped = await a.sql(`SELECT count(*)::int AS n FROM notification_job WHERE payload->>'sessionId' = ANY($1::text[]) AND done_at IS NOT NULL`, [[cancelled, moved]]);
    expect(skipped[0].n).toBe(6); // the cancelled one's two, the moved one's two old and two new: all done
  });

  it('keeps polling after a failing job, which is retried later and does not block the others', async () => {
    const [s] = schedulers();
    await a.sql(`INSERT INTO notification_job (kind, due_at, key, payload) VALUES ('NO_SUCH_KIND', now(), 'broken:1', '{}')`);
    const id = (await a.ok(SCHEDULE_SESSION, { i: sessionIn(w, 40, { title: '故障之后' }) }, w.manager.token)).scheduleResearchSession.id;
    await a.sql(`UPDATE notification_job SET due_at = now() WHERE payload->>'sessionId' = $1`, [id]);
    await waitFor(async () => (await a.sql(`SELECT count(*)::int AS n FROM notification WHERE payload->>'sessionId' = $1 AND kind LIKE 'SESSION_REMINDER%'`, [id]))[0].n === 6, 'reminders after a failure');
    const [broken] = await a.sql(`SELECT attempts, done_at, last_error, due_at > now() AS later FROM notification_job WHERE key = 'broken:1'`);
    expect(broken).toMatchObject({ attempts: 1, done_at: null, later: true, last_error: 'no job handler for NO_SUCH_KIND' });
    expect(s.active).toBe(true);
  });
});
