import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NotificationDelivery, NotificationJobs } from '#app/notifications';
import { consortiumWorld, type ConsortiumWorld } from './support/consortium-world';
import { CREATE_PLAN, planInput, PUBLISH, REVIEW, SUBMIT, teamInput, CREATE_TEAM } from './support/lesson-prep';
import { LiveClient } from './support/live-client';
import { NOTIFICATIONS, notificationsOf, SCHEDULE_SESSION, sessionIn, waitFor } from './support/notifications';
import { codeOf, TestApp } from './support/test-app';
import { WsClient } from './support/ws-client';

const MARK = `mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) { unreadCount notifications { id read readAt } } }`;

describe('notifications: stored, marked read, live, and who is told', () => {
  let t: TestApp;
  let t2: TestApp;
  let w: ConsortiumWorld;
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    t = await TestApp.start();
    t2 = await t.startSibling();
    w = await consortiumWorld(t);
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await t2?.stop();
    await t?.stop();
  });

  const schedule = async (over: Record<string, unknown> = {}) => (await t.ok(SCHEDULE_SESSION, { i: sessionIn(w, 72, over) }, w.manager.token)).scheduleResearchSession.id as string;
  const kinds = async (who: { token: string }) => (await notificationsOf(t, who.token)).edges.map((e: any) => e.node.kind);

  it('stores an invitation for every invited teacher with an account, and only for them; marks read only your own', async () => {
    const noAccount = await t.teacher(w.member.id, { name: '没有账号' });
    const id = await schedule({ invitedSchoolIds: [w.member.id], invitedTeacherIds: [w.reader.id, noAccount.id] });
    const invited = await t.sql(`SELECT user_id FROM notification WHERE payload->>'sessionId' = $1 AND kind = 'SESSION_INVITED' ORDER BY user_id`, [id]);
    // the host school's teacher, the invited school's two, the one invited by name; not the outsider, the far teacher, the manager
    expect(invited.map((r) => r.user_id)).toEqual([w.leader.userId, w.preparer.userId, w.colleague.userId, w.reader.userId].sort());

    const mine = await notificationsOf(t, w.preparer.token);
    expect(mine).toMatchObject({ totalCount: 1, unreadCount: 1 });
    const n = mine.edges[0].node;
    expect(n).toMatchObject({ kind: 'SESSION_INVITED', read: false, readAt: null, link: `/sessions/${id}`, payload: { sessionId: id, title: '三年级数学“分数的意义”联合教研' } });
    expect(n.title).toBe('邀请您参加教研活动：三年级数学“分数的意义”联合教研');
    expect(n.titleEn).toBe('You are invited to a session: 三年级数学“分数的意义”联合教研');
    expect(n.body).toMatch(/^\d+月\d+日 \d\d:\d\d 开始$/);
    expect((await notificationsOf(t, w.outsider.token)).totalCount).toBe(0);
    expect((await notificationsOf(t, w.manager.token)).totalCount).toBe(0);

    // another user's id is left alone and answered like an unknown one
    const other = (await t.ok(MARK, { ids: [n.id] }, w.colleague.token)).markNotificationsRead;
    expect(other).toEqual({ notifications: [], unreadCount: 1 });
    expect((await notificationsOf(t, w.preparer.token)).unreadCount).toBe(1);
    expect(codeOf(await t.gql(MARK, { ids: ['nope'] }, w.preparer.token))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(MARK, { ids: [n.id] }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(NOTIFICATIONS, {}))).toBe('UNAUTHENTICATED');

    const marked = (await t.ok(MARK, { ids: [n.id] }, w.preparer.token)).markNotificationsRead;
    expect(marked).toMatchObject({ unreadCount: 0, notifications: [{ id: n.id, read: true }] });
    const after = await notificationsOf(t, w.preparer.token);
    expect(after).toMatchObject({ totalCount: 1, unreadCount: 0 });
    expect((await notificationsOf(t, w.preparer.token, { unreadOnly: true })).totalCount).toBe(0);
    // marking again keeps the first time
    expect((await t.ok(MARK, { ids: [n.id] }, w.preparer.token)).markNotificationsRead.notifications[0].readAt).toBe(marked.notifications[0].readAt);

    // the reminders are jobs keyed by session and start
    const jobs = await t.sql(`SELECT kind, key FROM notification_job WHERE payload->>'sessionId' = $1 ORDER BY kind`, [id]);
    expect(jobs.map((j) => j.kind)).toEqual(['SESSION_REMINDER_1H', 'SESSION_REMINDER_24H']);
    expect(jobs.every((j) => j.key.includes(id))).toBe(true);
  });

  it('pages newest first with a cursor', async () => {
    for (let i = 0; i < 2; i++) await schedule({ title: `分页-${i}`, invitedSchoolIds: [w.member2.id] });
    const first = await notificationsOf(t, w.reader.token, { first: 2 });
    expect(first.totalCount).toBe(3);
    expect(first.edges.map((e: any) => e.node.payload.title)).toEqual(['分页-1', '分页-0']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = await notificationsOf(t, w.reader.token, { first: 2, after: first.pageInfo.endCursor });
    expect(next.edges.map((e: any) => e.node.payload.title)).toEqual(['三年级数学“分数的意义”联合教研']);
    expect(next.pageInfo.hasNextPage).toBe(false);
  });

  it('delivers live over socket.io and graphql-ws, on another instance, only to the recipient', async () => {
    const preparerSocket = await LiveClient.connect(t2.url, w.preparer.token);
    const outsiderSocket = await LiveClient.connect(t2.url, w.outsider.token);
    clients.push(preparerSocket, outsiderSocket);
    const got: any[] = [];
    const outsiderGot: any[] = [];
    preparerSocket.socket.on('notification', (n: any) => got.push(n));
    outsiderSocket.socket.on('notification', (n: any) => outsiderGot.push(n));
    const ws = new WsClient(t2.url, w.preparer.token);
    const sub = ws.subscribe(`subscription { notificationAdded { id kind title body(locale: "en") link read } }`);
    const wsOutsider = new WsClient(t.url, w.outsider.token);
    const subOutsider = wsOutsider.subscribe(`subscription { notificationAdded { id kind } }`);
    // both sockets and the preparer's subscription on t2, the outsider's subscription on t
    await waitFor(() => t2.app.get(NotificationDelivery).localListenerCount() === 3 && t.app.get(NotificationDelivery).localListenerCount() === 1, 'listeners attached');

    const id = await schedule({ title: '实时通知', invitedSchoolIds: [w.member.id] });
    await waitFor(() => got.length === 1 && sub.results.length === 1, 'live notifications');
    expect(got[0]).toMatchObject({ kind: 'SESSION_INVITED', link: `/sessions/${id}`, title: '邀请您参加教研活动：实时通知', titleEn: 'You are invited to a session: 实时通知', readAt: null });
    expect(sub.results[0].notificationAdded).toMatchObject({ id: got[0].id, kind: 'SESSION_INVITED', link: `/sessions/${id}`, read: false, body: expect.stringMatching(/^Starts /) });
    await new Promise((r) => setTimeout(r, 300));
    expect(outsiderGot).toEqual([]);
    expect(subOutsider.results).toEqual([]);
    expect(got).toHaveLength(1); // once, though two instances heard the pointer
    sub.stop();
    subOutsider.stop();
    await ws.dispose();
    await wsOutsider.dispose();
  });

  it('tells the side who must answer a mentoring request, and nobody else', async () => {
    const REQUEST = `mutation($i: RequestMentorshipInput!) { requestMentorship(input: $i) { id } }`;
    const byApprentice = (await t.ok(REQUEST, { i: { groupId: w.group.id, mentorTeacherId: w.leader.id, apprenticeTeacherId: w.preparer.id, subject: '数学' } }, w.preparer.token)).requestMentorship;
    const byManager = (await t.ok(REQUEST, { i: { groupId: w.group.id, mentorTeacherId: w.colleague.id, apprenticeTeacherId: w.reader.id, subject: '数学' } }, w.manager.token)).requestMentorship;
    const rows = await t.sql(`SELECT user_id, payload FROM notification WHERE kind = 'MENTORING_REQUESTED' ORDER BY created_at`);
    expect(rows.map((r) => [r.user_id, r.payload.pairId])).toEqual([
      [w.leader.userId, byApprentice.id],
      [w.colleague.userId, byManager.id], // a manager proposed: the mentor answers
    ]);
    const n = (await notificationsOf(t, w.leader.token)).edges.find((e: any) => e.node.kind === 'MENTORING_REQUESTED').node;
    expect(n).toMatchObject({ link: '/mentoring', title: '师徒结对请求待您回复', body: '王海燕 希望拜您为师（数学）', read: false });
    // once answered, it no longer awaits an answer: read
    const unread = (await notificationsOf(t, w.leader.token)).unreadCount;
    await t.ok(`mutation($id: ID!) { respondToMentorship(pairId: $id, accept: true) { status } }`, { id: byApprentice.id }, w.leader.token);
    const after = await notificationsOf(t, w.leader.token);
    expect(after.unreadCount).toBe(unread - 1);
    expect(after.edges.find((e: any) => e.node.id === n.id).node.read).toBe(true);
    expect((await notificationsOf(t, w.colleague.token)).edges.find((e: any) => e.node.kind === 'MENTORING_REQUESTED').node.read).toBe(false); // the other request waits
  });

  it('tells a plan’s authors it was returned or published, not the reviewer who did it, nor others', async () => {
    const teamId = (await t.ok(CREATE_TEAM, { i: teamInput(w) }, w.manager.token)).createLessonPrepTeam.id;
    const planId = (await t.ok(CREATE_PLAN, { i: planInput(teamId) }, w.preparer.token)).createLessonPlan.id;
    await t.ok(SUBMIT, { id: planId }, w.preparer.token);
    await t.ok(REVIEW, { id: planId, ok: false, note: '请补充课堂练习' }, w.leader.token);
    const returned = await t.sql(`SELECT user_id, payload FROM notification WHERE kind = 'PLAN_RETURNED'`);
    expect(returned).toEqual([{ user_id: w.preparer.userId, payload: expect.objectContaining({ planId, title: '分数的意义', note: '请补充课堂练习' }) }]);
    await t.ok(SUBMIT, { id: planId }, w.preparer.token);
    await t.ok(REVIEW, { id: planId, ok: true }, w.leader.token);
    await t.ok(PUBLISH, { id: planId }, w.leader.token);
    const published = await t.sql(`SELECT user_id FROM notification WHERE kind = 'PLAN_PUBLISHED' AND payload->>'planId' = $1`, [planId]);
    expect(published).toEqual([{ user_id: w.preparer.userId }]);
    expect(await kinds(w.colleague)).not.toContain('PLAN_PUBLISHED');
    const n = (await notificationsOf(t, w.preparer.token)).edges.find((e: any) => e.node.kind === 'PLAN_RETURNED').node;
    expect(n).toMatchObject({ link: `/plans/${planId}`, title: '教案被退回修改：分数的意义', body: '审核意见：请补充课堂练习' });
  });

  it('tells the exchanged teacher on the first day (a job), not for an exchange that began long ago', async () => {
    const RECORD = `mutation($i: RecordTeacherExchangeInput!) { recordTeacherExchange(input: $i) { id } }`;
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const ex = (await t.ok(RECORD, { i: { groupId: w.group.id, teacherId: w.colleague.id, fromSchoolId: w.member.id, toSchoolId: w.member2.id, kind: 'ROTATION', startsOn: today } }, w.manager.token))
      .recordTeacherExchange;
    await t.ok(RECORD, { i: { groupId: w.group.id, teacherId: w.reader.id, fromSchoolId: w.member2.id, toSchoolId: w.member.id, kind: 'SUPPORT', startsOn: '2025-09-01', endsOn: '2025-12-31' } }, w.manager.token);
    const jobs = await t.sql(`SELECT key FROM notification_job WHERE kind = 'EXCHANGE_STARTING'`);
    expect(jobs).toEqual([{ key: `exchange-start:${ex.id}:${today}` }]);
    expect((await t.sql(`SELECT count(*)::int AS n FROM notification WHERE kind = 'EXCHANGE_STARTING'`))[0].n).toBe(0); // not before it is due
    await t.sql(`UPDATE notification_job SET due_at = now() WHERE kind = 'EXCHANGE_STARTING'`);
    await t.app.get(NotificationJobs).run();
    const rows = await t.sql(`SELECT user_id, payload FROM notification WHERE kind = 'EXCHANGE_STARTING'`);
    expect(rows).toEqual([{ user_id: w.colleague.userId, payload: expect.objectContaining({ exchangeId: ex.id, toSchoolName: '随县小林镇中心小学' }) }]);
    const n = (await notificationsOf(t, w.colleague.token)).edges.find((e: any) => e.node.kind === 'EXCHANGE_STARTING').node;
    expect(n).toMatchObject({ title: '交流轮岗今天开始', link: '/exchanges' });
    await t.app.get(NotificationJobs).run(); // done once
    expect((await t.sql(`SELECT count(*)::int AS n FROM notification WHERE kind = 'EXCHANGE_STARTING'`))[0].n).toBe(1);
  });

  it('pushes nothing to a socket or a subscription once their sign-in has ended, though the notification is stored', async () => {
    const teacher = await t.teacher(w.member2.id, { name: '退出登录的老师' });
    const user = await t.user('TEACHER', null, { teacherId: teacher.id });
    const delivery = t2.app.get(NotificationDelivery);
    const before = delivery.localListenerCount();
    const socket = await LiveClient.connect(t2.url, user.token);
    clients.push(socket);
    const got: any[] = [];
    socket.socket.on('notification', (n: any) => got.push(n));
    const ws = new WsClient(t2.url, user.token);
    const sub = ws.subscribe(`subscription { notificationAdded { id } }`);
    await waitFor(() => delivery.localListenerCount() === before + 2, 'listeners attached');

    await t.ok(`mutation { logout }`, {}, user.token); // on the other instance
    await waitFor(() => socket.ended.length === 1 && ws.closes.length === 1, 'both connections ended');
    expect(ws.closes[0].code).toBe(4401);
    await waitFor(() => delivery.localListenerCount() === before, 'listeners detached');

    const id = await schedule({ title: '退出之后', invitedSchoolIds: [w.member2.id] });
    await waitFor(async () => (await t.sql(`SELECT 1 FROM notification WHERE user_id = $1 AND payload->>'sessionId' = $2`, [user.id, id])).length === 1, 'stored');
    await new Promise((r) => setTimeout(r, 300));
    expect(got).toEqual([]);
    expect(sub.results).toEqual([]);
    await ws.dispose();
  });
});
