import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { ExpectedIds, fixedClock, RequestContext } from '#app/core';
import { IdentityService } from '#app/identity';
import { ResearchService } from '#app/research';
import { researchWorld, SCHEDULE, sessionInput } from './support/research-world';
import { codeOf, TestApp } from './support/test-app';

const START = `mutation($id: ID!) { startResearchSession(id: $id) { status agendaIndex } }`;
const END = `mutation($id: ID!, $m: String) { endResearchSession(id: $id, minutes: $m) { status minutes } }`;
const CANCEL = `mutation($id: ID!, $r: String!) { cancelResearchSession(id: $id, reason: $r) { status cancelReason } }`;
const CHECK_IN = `mutation($id: ID!) { checkInResearchSession(sessionId: $id) { teacher { id } school { id } checkedInAt } }`;
const NOTE = `mutation($id: ID!, $t: String!) { postSessionNote(sessionId: $id, text: $t) { seq type payload } }`;

describe('joint research sessions', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof researchWorld>>;
  beforeAll(async () => {
    t = await TestApp.start();
    w = await researchWorld(t);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const schedule = async (over: Record<string, unknown> = {}, token = w.manager.token) => (await t.ok(SCHEDULE, { i: sessionInput(w, over) }, token)).scheduleResearchSession;

  it('schedules a session for the group, always inviting the host school', async () => {
    const s = await schedule();
    expect(s.status).toBe('SCHEDULED');
    expect(s.invitedSchools.map((x: any) => x.id).sort()).toEqual([w.lead.id, w.member.id].sort());
    // the host school's admin may schedule too
    await schedule({}, w.hostAdmin.token);
  });

  it('validates the schedule, naming the field, and creates nothing on error', async () => {
    const count = async () => (await t.sql(`SELECT count(*)::int n FROM research_session`))[0].n;
    const before = await count();
    const bad = async (over: Record<string, unknown>, field: string) => {
      const r = await t.gql(SCHEDULE, { i: sessionInput(w, over) }, w.manager.token);
      expect([field, r.errors?.[0]?.extensions]).toEqual([field, expect.objectContaining({ code: 'BAD_USER_INPUT', field })]);
    };
    await bad({ endsAt: '2026-12-01T00:30:00.000Z' }, 'endsAt');
    await bad({ endsAt: '2026-12-02T03:00:00.000Z' }, 'endsAt');
    await bad({ hostSchoolId: w.outside.id }, 'hostSchoolId');
    await bad({ invitedSchoolIds: [w.outside.id] }, 'invitedSchoolIds');
    await bad({ invitedTeacherIds: [w.outsideTeacher.id] }, 'invitedTeacherIds');
    await bad({ title: '' }, 'title');
    await bad({ agenda: [{ title: '说课' }, { title: '' }] }, 'agenda.1.title');
    await bad({ type: 'PARTY' }, 'type');
    expect(codeOf(await t.gql(SCHEDULE, { i: sessionInput(w) }, w.outsideAdmin.token))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(SCHEDULE, { i: sessionInput(w) }, w.memberUser.token))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(SCHEDULE, { i: sessionInput(w) }))).toBe('UNAUTHENTICATED');
    expect(await count()).toBe(before);
  });

  it('enforces the lifecycle and check-in rules', async () => {
    const s = await schedule();
    expect(codeOf(await t.gql(CHECK_IN, { id: s.id }, w.memberUser.token))).toBe('CONFLICT'); // before start
    expect(codeOf(await t.gql(END, { id: s.id }, w.manager.token))).toBe('CONFLICT'); // end only when live
    expect(codeOf(await t.gql(START, { id: s.id }, w.memberUser.token))).toBe('FORBIDDEN');
    expect((await t.ok(START, { id: s.id }, w.manager.token)).startResearchSession).toEqual({ status: 'LIVE', agendaIndex: 0 });
    expect(codeOf(await t.gql(START, { id: s.id }, w.manager.token))).toBe('CONFLICT');

    const a = await t.ok(CHECK_IN, { id: s.id }, w.memberUser.token);
    expect(a.checkInResearchSession).toMatchObject({ teacher: { id: w.memberTeacher.id }, school: { id: w.member.id } });
    expect(codeOf(await t.gql(CHECK_IN, { id: s.id }, w.memberUser.token))).toBe('CONFLICT'); // once per session
    expect(codeOf(await t.gql(CHECK_IN, { id: s.id }, w.outsideUser.token))).toBe('NOT_FOUND'); // not invited: the session is hidden, like an unknown id
    await t.ok(CHECK_IN, { id: s.id }, w.leadUser.token);

    const ended = await t.ok(END, { id: s.id, m: '一、说课；二、观课；三、评课。形成共识：……' }, w.manager.token);
    expect(ended.endResearchSession.status).toBe('ENDED');
    expect(codeOf(await t.gql(CHECK_IN, { id: s.id }, w.leadUser.token))).toBe('CONFLICT'); // after end
    expect(codeOf(await t.gql(CANCEL, { id: s.id, r: '天气' }, w.manager.token))).toBe('CONFLICT');

    const c = await schedule();
    expect(codeOf(await t.gql(CANCEL, { id: c.id, r: '  ' }, w.manager.token))).toBe('BAD_USER_INPUT');
    expect((await t.ok(CANCEL, { id: c.id, r: '暴雨停课' }, w.manager.token)).cancelResearchSession).toEqual({ status: 'CANCELLED', cancelReason: '暴雨停课' });
    expect(codeOf(await t.gql(START, { id: c.id }, w.manager.token))).toBe('CONFLICT'); // no start after cancel
  });

  it('numbers events per session without gaps, and shows them only to participants', async () => {
    const s = await schedule({ invitedTeacherIds: [w.leadTeacher.id] });
    await t.ok(START, { id: s.id }, w.manager.token);
    await t.ok(CHECK_IN, { id: s.id }, w.memberUser.token);
    await t.ok(NOTE, { id: s.id, t: '<b>重点</b>：分数单位的理解 & “平均分”' }, w.memberUser.token);
    await t.ok(`mutation($id: ID!) { advanceSessionAgenda(id: $id) { agendaIndex } }`, { id: s.id }, w.manager.token);
    await t.ok(END, { id: s.id }, w.manager.token);

    const q = `query($id: ID!) { researchSession(id: $id) { status lastSeq attendance { teacher { id } checkedInAt } events(afterSeq: 0) { seq type payload actor { id displayName } at } } }`;
    const d = (await t.ok(q, { id: s.id }, w.memberUser.token)).researchSession;
    expect(d.events.map((e: any) => [e.seq, e.type])).toEqual([
      [1, 'SESSION_STARTED'],
      [2, 'CHECKED_IN'],
      [3, 'NOTE_POSTED'],
      [4, 'AGENDA_ADVANCED'],
      [5, 'SESSION_ENDED'],
    ]);
    expect(d.lastSeq).toBe(5);
    expect(d.events[2].payload).toEqual({ text: '<b>重点</b>：分数单位的理解 & “平均分”', name: '陈雨萱' }); // stored as given
    expect(d.events[2].actor.id).toBe(w.memberUser.id);
    const actorEmail = await t.ok(`query($id: ID!) { researchSession(id: $id) { events(afterSeq: 2, first: 1) { actor { id email } } } }`, { id: s.id }, w.leadUser.token);
    expect(actorEmail.researchSession.events[0].actor).toEqual({ id: w.memberUser.id, email: null }); // another user's login email stays private
    expect(d.events[3].payload).toEqual({ index: 1, title: '观课' });
    expect(d.attendance.map((a: any) => a.teacher.id)).toEqual([w.memberTeacher.id]);
    const after = (await t.ok(`query($id: ID!) { researchSession(id: $id) { events(afterSeq: 3) { seq } } }`, { id: s.id }, w.leadUser.token)).researchSession;
    expect(after.events).toEqual([{ seq: 4 }, { seq: 5 }]);

    // hidden from outsiders exactly like an unknown id: null, no error
    const unknown = await t.gql(q, { id: '00000000-0000-4000-8000-000000000000' }, w.outsideUser.token);
    for (const token of [w.outsideUser.token, w.outsideAdmin.token]) {
      const r = await t.gql(q, { id: s.id }, token);
      expect([codeOf(r), r.data]).toEqual(['OK', { researchSession: null }]);
      expect([r.data, r.errors]).toEqual([unknown.data, unknown.errors]);
    }
    const list = `query($f: ResearchSessionFilter) { researchSessions(filter: $f, first: 100) { totalCount edges { node { id } } } }`;
    expect((await t.ok(list, {}, w.outsideUser.token)).researchSessions.totalCount).toBe(0);
    const mine = (await t.ok(list, { f: { groupId: w.group.id, status: 'ENDED' } }, w.memberUser.token)).researchSessions;
    expect(mine.edges.map((e: any) => e.node.id)).toContain(s.id);
    const none = (await t.ok(list, { f: { from: '2027-01-01' } }, w.manager.token)).researchSessions;
    expect(none.totalCount).toBe(0);
    const day = (await t.ok(list, { f: { from: '2026-12-01', to: '2026-12-01', type: 'JOINT_RESEARCH' } }, w.manager.token)).researchSessions;
    expect(day.totalCount).toBeGreaterThan(0);
  });

  it('finds sessions by words of their title or topic (a subject, a lesson), literally, within what the viewer sees', async () => {
    const list = `query($f: ResearchSessionFilter) { researchSessions(filter: $f, first: 100) { edges { node { id } } } }`;
    const ids = async (f: Record<string, unknown>, token = w.manager.token) => (await t.ok(list, { f }, token)).researchSessions.edges.map((e: any) => e.node.id);
    const science = await schedule({ title: '四年级科学“植物的一生”同课异构', topic: '围绕“种子发芽”的实验设计研讨' });
    const music = await schedule({ title: '乡村小学音乐专递课堂', topic: '100%_同步授课' });
    expect(await ids({ search: '植物的一生' })).toEqual([science.id]);
    expect(await ids({ search: '“种子发芽”' })).toEqual([science.id]);
    expect(await ids({ search: '100%_' })).toEqual([music.id]); // % and _ are literal
    expect(await ids({ search: '0%' })).toEqual([music.id]);
    expect(await ids({ search: '%' })).toEqual([music.id]);
    expect(await ids({ search: '植物' }, w.outsideUser.token)).toEqual([]);
    const tooLong = await t.gql(list, { f: { search: '数'.repeat(51) } }, w.manager.token);
    expect([codeOf(tooLong), tooLong.errors?.[0]?.extensions?.field]).toEqual(['BAD_USER_INPUT', 'search']);
  });

  it('lets the managers record an invited teacher as present (a paper sign-in sheet), once, while live', async () => {
    const RECORD = `mutation($s: ID!, $t: ID!) { recordResearchSessionAttendance(sessionId: $s, teacherId: $t) { teacher { id } school { id } } }`;
    const s = await schedule();
    expect(codeOf(await t.gql(RECORD, { s: s.id, t: w.memberTeacher.id }, w.manager.token))).toBe('CONFLICT'); // not started
    await t.ok(START, { id: s.id }, w.manager.token);
    const ok = await t.ok(RECORD, { s: s.id, t: w.memberTeacher.id }, w.manager.token);
    expect(ok.recordResearchSessionAttendance).toEqual({ teacher: { id: w.memberTeacher.id }, school: { id: w.member.id } });
    expect(codeOf(await t.gql(RECORD, { s: s.id, t: w.memberTeacher.id }, w.hostAdmin.token))).toBe('CONFLICT'); // once
    const outsider = await t.gql(RECORD, { s: s.id, t: w.outsideTeacher.id }, w.manager.token);
    expect([codeOf(outsider), outsider.errors?.[0]?.extensions?.field]).toEqual(['BAD_USER_INPUT', 'teacherId']); // not invited
    expect(codeOf(await t.gql(RECORD, { s: s.id, t: w.leadTeacher.id }, w.leadUser.token))).toBe('FORBIDDEN'); // teachers check themselves in
    expect(codeOf(await t.gql(RECORD, { s: s.id, t: w.leadTeacher.id }, w.outsideAdmin.token))).toBe('NOT_FOUND'); // a session it cannot see
    expect(await t.sql(`SELECT teacher_id FROM research_attendance WHERE session_id = $1`, [s.id])).toEqual([{ teacher_id: w.memberTeacher.id }]);
  });

  it('shows a session still scheduled after its end time as overdue (it never started), and its group in a summary', async () => {
    const Q = `query($id: ID!) { researchSession(id: $id) { status overdue } }`;
    const past = await schedule({ startsAt: '2025-03-12T06:30:00.000Z', endsAt: '2025-03-12T08:30:00.000Z' });
    const coming = await schedule({ startsAt: new Date(Date.now() + 86_400_000).toISOString(), endsAt: new Date(Date.now() + 90_000_000).toISOString() });
    expect((await t.ok(Q, { id: past.id }, w.manager.token)).researchSession).toEqual({ status: 'SCHEDULED', overdue: true });
    expect((await t.ok(Q, { id: coming.id }, w.manager.token)).researchSession).toEqual({ status: 'SCHEDULED', overdue: false });
    await t.ok(CANCEL, { id: past.id, r: '未按时开展' }, w.manager.token);
    expect((await t.ok(Q, { id: past.id }, w.manager.token)).researchSession.overdue).toBe(false);
    const sum = await t.ok(`query($g: ID!) { groupActivitySummary(groupId: $g, from: "2025-01-01", to: "2025-12-31") { groupId group { id name } } }`, { g: w.group.id }, w.manager.token);
    expect(sum.groupActivitySummary.group).toEqual({ id: w.group.id, name: expect.any(String) });
  });

  it('lists the latest first when asked (past sessions), with the same cursor paging', async () => {
    const list = `query($f: ResearchSessionFilter, $after: String) { researchSessions(filter: $f, first: 2, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id startsAt } } } }`;
    const all = async (f: Record<string, unknown>) => {
      const out: { id: string; startsAt: string }[] = [];
      for (let after: string | null = null, more = true; more; ) {
        const page: any = (await t.ok(list, { f, after }, w.manager.token)).researchSessions;
        out.push(...page.edges.map((e: any) => e.node));
        ({ hasNextPage: more, endCursor: after } = page.pageInfo);
      }
      return out;
    };
    const earliest = await all({ groupId: w.group.id });
    const latest = await all({ groupId: w.group.id, newestFirst: true });
    expect(earliest.length).toBeGreaterThan(2);
    expect(latest).toEqual([...earliest].reverse());
    expect(latest.map((s) => s.startsAt)).toEqual(earliest.map((s) => s.startsAt).sort().reverse());
  });

  it('schedules at the request clock with the ids the context supplies, and logs events at the database time to the microsecond', async () => {
    const svc = t.app.get(ResearchService);
    const manager = (await t.app.get(IdentityService).resolve(w.manager.id))!;
    const [sessionId, hostInvitation, memberInvitation] = [randomUUID(), randomUUID(), randomUUID()];
    const ids = new ExpectedIds().expect('research_session', sessionId).expect('research_session_school', hostInvitation, memberInvitation);
    const ctx = new RequestContext(t.db.manager, manager).withClock(fixedClock('2026-11-12T02:00:00Z')).withIds(ids);
    const input = sessionInput(w, { startsAt: new Date('2026-12-01T01:00:00.000Z'), endsAt: new Date('2026-12-01T03:00:00.000Z') });
    expect((await svc.schedule(ctx, input as any)).id).toBe(sessionId);
    expect(ids.left()).toEqual([]);
    expect((await t.sql(`SELECT created_by, created_at, updated_at FROM research_session WHERE id = $1`, [sessionId]))[0]).toEqual({
      created_by: w.manager.id,
      created_at: new Date('2026-11-12T02:00:00Z'),
      updated_at: new Date('2026-11-12T02:00:00Z'),
    });
    // the host school first, then the invited ones
    expect(await t.sql(`SELECT id, school_id FROM research_session_school WHERE session_id = $1 ORDER BY school_id = $2 DESC`, [sessionId, w.lead.id])).toEqual([
      { id: hostInvitation, school_id: w.lead.id },
      { id: memberInvitation, school_id: w.member.id },
    ]);
    const [logged, now] = await t.db.transaction(async (em) => {
      await svc.start(new RequestContext(em, manager), sessionId);
      const [{ at }] = await em.query(`SELECT at::text FROM session_event WHERE session_id = $1 AND seq = 1`, [sessionId]);
      const [{ now }] = await em.query(`SELECT now()::text AS now`);
      return [at, now];
    });
    expect(logged).toBe(now);
  });

  it('limits notes in size and rate, with a clear error, and keeps what was accepted', async () => {
    const s = await schedule();
    await t.ok(START, { id: s.id }, w.manager.token);
    const writer = await t.user('TEACHER', null, { teacherId: (await t.teacher(w.member.id, { name: '李明' })).id });
    const long = await t.gql(NOTE, { id: s.id, t: '字'.repeat(2001) }, writer.token);
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    for (let i = 0; i < 10; i++) await t.ok(NOTE, { id: s.id, t: `第${i + 1}条` }, writer.token);
    const limited = await t.gql(NOTE, { id: s.id, t: '第11条' }, writer.token);
    expect(limited.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(limited.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    await t.ok(NOTE, { id: s.id, t: '另一位老师' }, w.leadUser.token); // per user
    const [{ n }] = await t.sql(`SELECT count(*)::int n FROM session_event WHERE session_id = $1 AND type = 'NOTE_POSTED'`, [s.id]);
    expect(n).toBe(11);
    expect(codeOf(await t.gql(NOTE, { id: s.id, t: '旁听' }, w.outsideUser.token))).toBe('NOT_FOUND'); // hidden: answered like an unknown id
  });
});
