import { describe, expect, it } from '@jest/globals';
import { SCHEDULE, sessionInput, useResearchWorld } from './support/research-world';
import { codeOf } from './support/test-app';

const FIELDS = `id status title mode startsAt endsAt subject grade location meetingUrl agenda { title } minutes`;
const UPDATE = `mutation($i: UpdateResearchSessionInput!) { updateResearchSession(input: $i) { ${FIELDS} } }`;
const CORRECT = `mutation($id: ID!, $m: String!) { correctResearchSessionMinutes(sessionId: $id, minutes: $m) { minutes minutesHistory { version minutes writtenAt } } }`;
const SESSION = `query($id: ID!) { researchSession(id: $id) { ${FIELDS} minutesHistory { version minutes } absentees { id name } } }`;

/** The everyday changes to sessions (issue 15): reschedule, agenda before the start, minutes corrected with history, subject and grade, absentees. */
describe('research sessions: changes before and after', () => {
  const f = useResearchWorld();
  const schedule = async (over: Record<string, unknown> = {}) => (await f.t.ok(SCHEDULE, { i: sessionInput(f.w, over) }, f.w.manager.token)).scheduleResearchSession.id as string;
  const row = async (id: string) => (await f.t.sql(`SELECT title, starts_at, ends_at, mode, subject, grade, location, meeting_url, agenda, minutes FROM research_session WHERE id = $1`, [id]))[0];

  it('schedules with subject, grade, place and link, and lists a subject’s sessions', async () => {
    const id = await schedule({ subject: '数学', grade: '三年级', location: '炎帝学校三楼录播室', meetingUrl: 'https://meeting.example.cn/j/421321' });
    await schedule({ subject: '物理', grade: '八年级', mode: 'ONSITE' });
    const s = (await f.t.ok(SESSION, { id }, f.w.manager.token)).researchSession;
    expect([s.subject, s.grade, s.location, s.meetingUrl]).toEqual(['数学', '三年级', '炎帝学校三楼录播室', 'https://meeting.example.cn/j/421321']);
    const list = await f.t.ok(`query($f: ResearchSessionFilter) { researchSessions(filter: $f, first: 50) { edges { node { subject } } } }`, { f: { subject: '数学' } }, f.w.memberUser.token);
    expect(list.researchSessions.edges.map((e: any) => e.node.subject)).toEqual(['数学']);
    // a link for an onsite session, a place for an online one, a link that is not one: refused with the field
    for (const [over, field] of [[{ mode: 'ONSITE', meetingUrl: 'https://meeting.example.cn/j/1' }, 'meetingUrl'], [{ mode: 'ONLINE', location: '报告厅' }, 'location'], [{ meetingUrl: 'meeting.example.cn' }, 'meetingUrl']] as const) {
      const r = await f.t.gql(SCHEDULE, { i: sessionInput(f.w, over) }, f.w.manager.token);
      expect([codeOf(r), r.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', field]);
    }
  });

  it('reschedules a session not yet started (keeping its length), edits its agenda, and refuses what is wrong with nothing changed', async () => {
    const id = await schedule();
    const r = (await f.t.ok(UPDATE, { i: { sessionId: id, startsAt: '2027-01-12T01:30:00.000Z', location: '三河小学阶梯教室', agenda: [{ title: '说课' }, { title: '上课' }] } }, f.w.manager.token)).updateResearchSession;
    expect([r.startsAt, r.endsAt, r.location, r.agenda.map((a: any) => a.title)]).toEqual(['2027-01-12T01:30:00.000Z', '2027-01-12T03:30:00.000Z', '三河小学阶梯教室', ['说课', '上课']]);
    // the host school's admin may change it too; a member's teacher and an outside admin may not
    await f.t.ok(UPDATE, { i: { sessionId: id, grade: '三年级' } }, f.w.hostAdmin.token);
    const before = await row(id);
    expect(codeOf(await f.t.gql(UPDATE, { i: { sessionId: id, title: '改名' } }, f.w.memberUser.token))).toBe('FORBIDDEN');
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(codeOf(await f.t.gql(UPDATE, { i: { sessionId: id, title: '改名' } }, f.w.outsideAdmin.token)));
    for (const [i, field] of [
      [{ startsAt: '2026-01-05T01:00:00.000Z' }, 'startsAt'],
      [{ startsAt: '2027-01-12T05:00:00.000Z', endsAt: '2027-01-12T04:00:00.000Z' }, 'endsAt'],
      [{ mode: 'ONSITE', meetingUrl: 'https://meeting.example.cn/j/2' }, 'meetingUrl'],
      [{}, 'sessionId'],
      [{ agenda: [{ title: '' }] }, 'agenda.0.title'],
    ] as const) {
      const bad = await f.t.gql(UPDATE, { i: { sessionId: id, ...i } }, f.w.manager.token);
      expect([field, codeOf(bad), bad.errors![0].extensions!.field]).toEqual([field, 'BAD_USER_INPUT', field]);
    }
    expect(await row(id)).toEqual(before);
    // once it started it no longer changes
    await f.t.ok(`mutation($id: ID!) { startResearchSession(id: $id) { id } }`, { id }, f.w.manager.token);
    expect(codeOf(await f.t.gql(UPDATE, { i: { sessionId: id, title: '改名' } }, f.w.manager.token))).toBe('CONFLICT');
  });

  it('corrects the minutes after the end and keeps every earlier text; lists the invited teachers who did not come', async () => {
    const id = await schedule({ invitedTeacherIds: [f.w.leadTeacher.id, f.w.memberTeacher.id] });
    await f.t.ok(`mutation($id: ID!) { startResearchSession(id: $id) { id } }`, { id }, f.w.manager.token);
    await f.t.ok(`mutation($id: ID!) { checkInResearchSession(sessionId: $id) { checkedInAt } }`, { id }, f.w.leadUser.token);
    expect(codeOf(await f.t.gql(CORRECT, { id, m: '太早' }, f.w.manager.token))).toBe('CONFLICT'); // not ended yet
    await f.t.ok(`mutation($id: ID!, $m: String) { endResearchSession(id: $id, minutes: $m) { id } }`, { id, m: '形成共识：以操作活动理解分数单位。' }, f.w.manager.token);

    const ended = (await f.t.ok(SESSION, { id }, f.w.manager.token)).researchSession;
    expect(ended.minutesHistory).toEqual([{ version: 1, minutes: '形成共识：以操作活动理解分数单位。' }]);
    expect(ended.absentees.map((x: any) => x.name)).toEqual(['陈雨萱']);
    // a teacher sees no one's absence
    expect((await f.t.ok(SESSION, { id }, f.w.memberUser.token)).researchSession.absentees).toEqual([]);

    const c1 = (await f.t.ok(CORRECT, { id, m: '形成共识：以操作活动理解分数单位；下次由三河小学执教。' }, f.w.manager.token)).correctResearchSessionMinutes;
    const c2 = (await f.t.ok(CORRECT, { id, m: '形成共识：以操作活动理解分数单位；下次（1 月 12 日）由三河小学执教。' }, f.w.hostAdmin.token)).correctResearchSessionMinutes;
    expect(c1.minutesHistory.map((v: any) => v.version)).toEqual([1, 2]);
    expect(c2.minutesHistory.map((v: any) => [v.version, v.minutes])).toEqual([
      [1, '形成共识：以操作活动理解分数单位。'],
      [2, '形成共识：以操作活动理解分数单位；下次由三河小学执教。'],
      [3, '形成共识：以操作活动理解分数单位；下次（1 月 12 日）由三河小学执教。'],
    ]);
    expect(c2.minutes).toBe(c2.minutesHistory[2].minutes);
    expect(codeOf(await f.t.gql(CORRECT, { id, m: '改' }, f.w.memberUser.token))).toBe('FORBIDDEN');
    const same = await f.t.gql(CORRECT, { id, m: c2.minutes }, f.w.manager.token);
    expect([codeOf(same), same.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'minutes']);
    expect((await f.t.sql(`SELECT count(*)::int AS n FROM research_session_minutes WHERE session_id = $1`, [id]))[0].n).toBe(3);
  });
});
