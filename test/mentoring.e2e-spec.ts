import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { ExpectedIds, fixedClock, Principal, RequestContext, Role } from '#app/core';
import { IdentityService } from '#app/identity';
import { MentoringService } from '#app/mentoring';
import { codeOf, TestApp } from './support/test-app';

const REQUEST = `mutation($i: RequestMentorshipInput!) { requestMentorship(input: $i) { id status proposedBy mentor { id } apprentice { id } } }`;
const RESPOND = `mutation($id: ID!, $a: Boolean!, $n: String) { respondToMentorship(pairId: $id, accept: $a, note: $n) { status activatedOn plannedEndOn responseNote } }`;
const LOG = `mutation($i: LogMentoringActivityInput!) { logMentoringActivity(input: $i) { id kind notes } }`;

describe('mentoring pairs (师徒结对)', () => {
  let t: TestApp;
  let w: any;
  const mk = async (schoolId: string, name: string, o: { subjects?: string[]; years?: number; title?: string; honours?: string[] } = {}) => {
    const tch = await t.teacher(schoolId, { name, subjects: o.subjects ?? ['数学'] });
    await t.sql(`UPDATE teacher SET years_of_experience = $2, title = $3, honours = $4 WHERE id = $1`, [tch.id, o.years ?? 10, o.title ?? null, o.honours ?? []]);
    const user = await t.user('TEACHER', null, { teacherId: tch.id });
    return { id: tch.id, token: user.token };
  };

  beforeAll(async () => {
    t = await TestApp.start();
    const county = await t.region({ name: '随县', level: 'COUNTY' });
    const lead = await t.school(county.id, { name: '随县炎帝学校' });
    const rural = await t.school(county.id, { name: '随县三河小学', locale: 'RURAL' });
    const outside = await t.school(county.id, { name: '随县草店小学' });
    const group = await t.group(county.id, lead.id, { name: '随县炎帝学校教联体' });
    await t.sql(`INSERT INTO group_membership (group_id, school_id, group_kind, role, pairing, joined_on) VALUES ($1, $2, 'CONSORTIUM', 'MEMBER', 'STRONG_RURAL', '2024-01-01')`, [group.id, rural.id]);
    w = {
      group,
      lead,
      rural,
      famous: await mk(lead.id, '周文华', { years: 25, title: 'SENIOR', honours: ['FAMOUS_TEACHER'] }),
      backbone: await mk(rural.id, '吴刚', { years: 12, title: 'FIRST_GRADE', honours: ['BACKBONE'] }),
      chinese: await mk(lead.id, '李静', { subjects: ['语文'], years: 20 }),
      novice: await mk(rural.id, '陈雨萱', { years: 1, honours: ['NEW_TEACHER'] }),
      novice2: await mk(rural.id, '王小明', { years: 2 }),
      outsider: await mk(outside.id, '赵六', { years: 15 }),
      manager: await t.user('GROUP_MANAGER', group.id),
      otherManager: await t.user('GROUP_MANAGER', (await t.group(county.id, outside.id, { kind: 'EDUCATION_GROUP' })).id),
    };
  });
  afterAll(async () => {
    await t?.stop();
  });

  const input = (over: Record<string, unknown> = {}) => ({ groupId: w.group.id, mentorTeacherId: w.famous.id, apprenticeTeacherId: w.novice.id, subject: '数学', goals: ['站稳讲台', '独立设计单元教学'], ...over });

  it('enforces who pairs with whom, and changes nothing on error', async () => {
    const count = async () => (await t.sql(`SELECT count(*)::int n FROM mentoring_pair`))[0].n;
    const before = await count();
    const bad = async (over: Record<string, unknown>, field: string, token = w.manager.token) =>
      expect((await t.gql(REQUEST, { i: input(over) }, token)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    await bad({ mentorTeacherId: w.novice.id }, 'apprenticeTeacherId');
    await bad({ mentorTeacherId: w.outsider.id }, 'mentorTeacherId');
    await bad({ apprenticeTeacherId: w.outsider.id }, 'apprenticeTeacherId');
    await bad({ mentorTeacherId: w.chinese.id }, 'subject');
    expect(codeOf(await t.gql(REQUEST, { i: input() }, w.otherManager.token))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(REQUEST, { i: input() }, w.backbone.token))).toBe('FORBIDDEN'); // a third teacher
    expect(codeOf(await t.gql(REQUEST, { i: input() }))).toBe('UNAUTHENTICATED');
    expect(await count()).toBe(before);
  });

  it('runs the lifecycle: proposed, answered by the other side, active, logged, evaluated, completed', async () => {
    const p = (await t.ok(REQUEST, { i: input() }, w.novice.token)).requestMentorship;
    expect(p).toMatchObject({ status: 'PROPOSED', proposedBy: 'APPRENTICE' });
    expect(codeOf(await t.gql(REQUEST, { i: input() }, w.manager.token))).toBe('CONFLICT'); // one open pair per mentor, apprentice, subject
    expect(codeOf(await t.gql(RESPOND, { id: p.id, a: true }, w.novice.token))).toBe('FORBIDDEN'); // the mentor answers
    const active = (await t.ok(RESPOND, { id: p.id, a: true, n: '欢迎！' }, w.famous.token)).respondToMentorship;
    expect(active.status).toBe('ACTIVE');
    expect(Number(active.plannedEndOn.slice(0, 4)) - Number(active.activatedOn.slice(0, 4))).toBe(3);
    expect(codeOf(await t.gql(RESPOND, { id: p.id, a: true }, w.famous.token))).toBe('CONFLICT');

    await t.ok(LOG, { i: { pairId: p.id, kind: 'LESSON_OBSERVATION', occurredOn: active.activatedOn, durationMinutes: 40, notes: '听《分数的意义》，导入环节可以更简洁' } }, w.novice.token);
    await t.ok(LOG, { i: { pairId: p.id, kind: 'FEEDBACK', occurredOn: active.activatedOn, notes: '评课：板书清晰' } }, w.famous.token);
    expect(codeOf(await t.gql(LOG, { i: { pairId: p.id, kind: 'MEETING', occurredOn: active.activatedOn } }, w.manager.token))).toBe('FORBIDDEN');
    const q = `query($g: ID) { mentoringPairs(filter: { groupId: $g, status: ACTIVE }) { edges { node { id activityCount activities { kind notes } } } } }`;
    const forManager = (await t.ok(q, { g: w.group.id }, w.manager.token)).mentoringPairs.edges[0].node;
    expect(forManager.activityCount).toBe(2);
    expect(forManager.activities.map((a: any) => a.notes)).toEqual([null, null]); // counts, not notes
    const forApprentice = (await t.ok(q, { g: w.group.id }, w.novice.token)).mentoringPairs.edges[0].node;
    expect(forApprentice.activities[0].notes).toContain('分数的意义');
    expect((await t.ok(q, { g: w.group.id }, w.outsider.token)).mentoringPairs.edges).toEqual([]);

    const EVAL = `mutation($i: EvaluateMentoringPairInput!) { evaluateMentoringPair(input: $i) { period scores { goal score } } }`;
    const scores = [{ goal: '站稳讲台', score: 4 }, { goal: '独立设计单元教学', score: 3 }];
    expect((await t.ok(EVAL, { i: { pairId: p.id, period: '2026-2027-1', scores, comment: '进步明显' } }, w.famous.token)).evaluateMentoringPair.scores).toEqual(scores);
    expect(codeOf(await t.gql(EVAL, { i: { pairId: p.id, period: '2026-2027-1', scores } }, w.famous.token))).toBe('CONFLICT');
    expect((await t.gql(EVAL, { i: { pairId: p.id, period: '2026-2027-2', scores: [{ goal: '站稳讲台', score: 6 }] } }, w.famous.token)).errors?.[0]?.extensions?.field).toBe('scores.0.score');
    expect((await t.gql(EVAL, { i: { pairId: p.id, period: '2026-2027-2', scores: [{ goal: '别的目标', score: 3 }] } }, w.famous.token)).errors?.[0]?.extensions?.field).toBe('scores.0.goal');
    expect(codeOf(await t.gql(EVAL, { i: { pairId: p.id, period: '2026-2027-2', scores } }, w.novice.token))).toBe('FORBIDDEN');

    const done = await t.ok(`mutation($id: ID!) { completeMentoringPair(pairId: $id, evaluation: "已能独立上好常态课") { status endedOn evaluation } }`, { id: p.id }, w.famous.token);
    expect(done.completeMentoringPair.status).toBe('COMPLETED');
    expect(codeOf(await t.gql(LOG, { i: { pairId: p.id, kind: 'MEETING', occurredOn: active.activatedOn } }, w.novice.token))).toBe('CONFLICT');
  });

  it('lets a manager propose (the mentor answers) and a mentor invite (the apprentice answers); declines and dissolutions keep a reason', async () => {
    const byManager = (await t.ok(REQUEST, { i: input({ mentorTeacherId: w.backbone.id, apprenticeTeacherId: w.novice2.id }) }, w.manager.token)).requestMentorship;
    expect(byManager.proposedBy).toBe('MANAGER');
    expect(codeOf(await t.gql(RESPOND, { id: byManager.id, a: true }, w.novice2.token))).toBe('FORBIDDEN');
    expect((await t.ok(RESPOND, { id: byManager.id, a: false, n: '本学期课务太重' }, w.backbone.token)).respondToMentorship).toMatchObject({ status: 'DECLINED', responseNote: '本学期课务太重' });

    const invite = (await t.ok(REQUEST, { i: input({ apprenticeTeacherId: w.novice2.id }) }, w.famous.token)).requestMentorship;
    expect(invite.proposedBy).toBe('MENTOR');
    expect(codeOf(await t.gql(RESPOND, { id: invite.id, a: true }, w.famous.token))).toBe('FORBIDDEN');
    await t.ok(RESPOND, { id: invite.id, a: true }, w.novice2.token);
    expect(codeOf(await t.gql(`mutation($id: ID!) { dissolveMentoringPair(pairId: $id, reason: " ") { status } }`, { id: invite.id }, w.novice2.token))).toBe('BAD_USER_INPUT');
    const d = await t.ok(`mutation($id: ID!) { dissolveMentoringPair(pairId: $id, reason: "徒弟调往外县") { status dissolveReason } }`, { id: invite.id }, w.novice2.token);
    expect(d.dissolveMentoringPair).toEqual({ status: 'DISSOLVED', dissolveReason: '徒弟调往外县' });
  });

  it("keeps a mentor within the group's capacity when ten acceptances race for the last place", async () => {
    await t.ok(`mutation($g: ID!) { setMentorCapacity(groupId: $g, capacity: 3) { mentorCapacity } }`, { g: w.group.id }, w.manager.token);
    const mentor = await mk(w.lead.id, '刘洋', { years: 18, honours: ['BACKBONE'] });
    const apprentices = [];
    for (let i = 0; i < 12; i++) apprentices.push(await mk(w.rural.id, `新教师${i}`, { years: 0 }));
    // two places taken
    for (const a of apprentices.slice(0, 2)) {
      const p = (await t.ok(REQUEST, { i: input({ mentorTeacherId: mentor.id, apprenticeTeacherId: a.id }) }, a.token)).requestMentorship;
      await t.ok(RESPOND, { id: p.id, a: true }, mentor.token);
    }
    const pending = [];
    for (const a of apprentices.slice(2)) pending.push((await t.ok(REQUEST, { i: input({ mentorTeacherId: mentor.id, apprenticeTeacherId: a.id }) }, a.token)).requestMentorship.id);
    const results = await Promise.all(pending.map((id) => t.gql(RESPOND, { id, a: true }, mentor.token)));
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => r.errors).map(codeOf)).toEqual(Array(9).fill('CONFLICT'));
    const [{ n }] = await t.sql(`SELECT count(*)::int n FROM mentoring_pair WHERE mentor_teacher_id = $1 AND status = 'ACTIVE'`, [mentor.id]);
    expect(n).toBe(3);
    expect(results.find((r) => r.errors)!.errors![0].message).toContain('刘洋');
  });

  it('suggests mentors with scores and reasons, and an optimal set of pairs without creating any', async () => {
    const s = (await t.ok(`query($g: ID!, $a: ID!) { suggestMentors(groupId: $g, apprenticeTeacherId: $a, subject: "数学", first: 5) { teacher { name } score reasons } }`, { g: w.group.id, a: w.novice2.id }, w.manager.token)).suggestMentors;
    expect(s[0].teacher.name).toBe('周文华');
    expect(s[0].reasons.join(' ')).toMatch(/名师.*\+25/);
    expect(s[0].reasons.join(' ')).toMatch(/牵头校带乡村学校/);
    expect(s.map((x: any) => x.score)).toEqual([...s.map((x: any) => x.score)].sort((a: number, b: number) => b - a));
    expect(s.map((x: any) => x.teacher.name)).not.toContain('李静'); // does not teach 数学
    const again = (await t.ok(`query($g: ID!, $a: ID!) { suggestMentors(groupId: $g, apprenticeTeacherId: $a, subject: "数学", first: 5) { teacher { name } score } }`, { g: w.group.id, a: w.novice2.id }, w.novice2.token)).suggestMentors;
    expect(again.map((x: any) => [x.teacher.name, x.score])).toEqual(s.map((x: any) => [x.teacher.name, x.score])); // deterministic
    expect(codeOf(await t.gql(`query($g: ID!, $a: ID!) { suggestMentors(groupId: $g, apprenticeTeacherId: $a, subject: "数学") { score } }`, { g: w.group.id, a: w.novice2.id }, w.outsider.token))).toBe('FORBIDDEN');

    const before = (await t.sql(`SELECT count(*)::int n FROM mentoring_pair`))[0].n;
    const pairs = (await t.ok(`query($g: ID!) { suggestMentoringPairs(groupId: $g, subject: "数学") { mentor { id name } apprentice { id } subject score reasons } }`, { g: w.group.id }, w.manager.token)).suggestMentoringPairs;
    expect(pairs.length).toBeGreaterThan(0);
    expect(new Set(pairs.map((p: any) => p.apprentice.id)).size).toBe(pairs.length);
    const [{ cap }] = await t.sql(`SELECT mentor_capacity AS cap FROM school_group WHERE id = $1`, [w.group.id]);
    for (const m of new Set(pairs.map((p: any) => p.mentor.id))) {
      const [{ active }] = await t.sql(`SELECT count(*)::int active FROM mentoring_pair WHERE mentor_teacher_id = $1 AND status = 'ACTIVE'`, [m]);
      expect(pairs.filter((p: any) => p.mentor.id === m).length + active).toBeLessThanOrEqual(cap);
    }
    expect((await t.sql(`SELECT count(*)::int n FROM mentoring_pair`))[0].n).toBe(before);
    expect(codeOf(await t.gql(`query($g: ID!) { suggestMentoringPairs(groupId: $g) { score } }`, { g: w.group.id }, w.famous.token))).toBe('FORBIDDEN');
  });

  it('counts pairs formed, active and completed in the group summary, exactly as the base tables say', async () => {
    // the day the earlier tests formed their pairs (China time), not the wall clock's now, which may be past midnight
    const [{ today }] = await t.sql(`SELECT max(activated_on)::text today FROM mentoring_pair WHERE group_id = $1`, [w.group.id]);
    const sum = (await t.ok(`query($g: ID!, $d: Date!) { groupActivitySummary(groupId: $g, from: $d, to: $d) { mentoringPairsFormed mentoringPairsActive mentoringPairsCompleted } }`, { g: w.group.id, d: today }, w.manager.token)).groupActivitySummary;
    const [base] = await t.sql(`SELECT count(*) FILTER (WHERE activated_on = $2)::int formed, count(*) FILTER (WHERE status = 'ACTIVE')::int active,
      count(*) FILTER (WHERE status = 'COMPLETED' AND ended_on = $2)::int completed FROM mentoring_pair WHERE group_id = $1`, [w.group.id, today]);
    expect(sum).toEqual({ mentoringPairsFormed: base.formed, mentoringPairsActive: base.active, mentoringPairsCompleted: base.completed });
    expect(base.formed).toBeGreaterThanOrEqual(5);
  });

  it('dates requests, answers, evaluations and endings by the request clock, with the ids the context supplies', async () => {
    const svc = t.app.get(MentoringService);
    const teacher = (id: string) => Principal.withoutAccount(id, [{ role: Role.TEACHER, scopeId: null }]);
    const manager = (await t.app.get(IdentityService).resolve(w.manager.id))!;
    const at = (p: Principal, instant: string, ids?: ExpectedIds) => {
      const ctx = new RequestContext(t.db.manager, p).withClock(fixedClock(instant));
      return ids ? ctx.withIds(ids) : ctx;
    };
    const mentor = await mk(w.lead.id, '黄海', { years: 16, honours: ['BACKBONE'] });
    const [a1, a2, a3] = [await mk(w.rural.id, '新教师甲', { years: 0 }), await mk(w.rural.id, '新教师乙', { years: 0 }), await mk(w.rural.id, '新教师丙', { years: 0 })];
    const row = async (id: string) => (await t.sql(`SELECT status, activated_on::text, ended_on::text, planned_end_on::text, created_at, updated_at FROM mentoring_pair WHERE id = $1`, [id]))[0];
    const pairIn = (apprenticeTeacherId: string) => ({ groupId: w.group.id, mentorTeacherId: mentor.id, apprenticeTeacherId, subject: '数学', goals: ['站稳讲台'] });

    // 09:00 in China on 3 March 2025; a planned end that is in the future on that day (not on the wall clock's)
    const id = randomUUID();
    const p = await svc.request(at(teacher(a1.id), '2025-03-03T01:00:00Z', new ExpectedIds().expect('mentoring_pair', id)), { ...pairIn(a1.id), plannedEndOn: '2025-07-04' });
    expect(p.id).toBe(id);
    // 23:30 in UTC is the next morning in China: accepted on 11 March
    await svc.respond(at(teacher(mentor.id), '2025-03-10T23:30:00Z'), id, true, '欢迎');
    expect(await row(id)).toMatchObject({ status: 'ACTIVE', activated_on: '2025-03-11', planned_end_on: '2025-07-04', created_at: new Date('2025-03-03T01:00:00Z'), updated_at: new Date('2025-03-10T23:30:00Z') });
    const evaluationId = randomUUID();
    await svc.evaluate(at(manager, '2025-06-30T02:00:00Z', new ExpectedIds().expect('mentoring_evaluation', evaluationId)), { pairId: id, period: '2024-2025-2', scores: [{ goal: '站稳讲台', score: 4 }] });
    const [e] = await t.sql(`SELECT id, evaluated_by, created_at FROM mentoring_evaluation WHERE pair_id = $1`, [id]);
    expect(e).toEqual({ id: evaluationId, evaluated_by: w.manager.id, created_at: new Date('2025-06-30T02:00:00Z') });
    await svc.complete(at(teacher(mentor.id), '2025-07-03T08:00:00Z'), id, '已能独立上好常态课');
    expect(await row(id)).toMatchObject({ status: 'COMPLETED', ended_on: '2025-07-03', updated_at: new Date('2025-07-03T08:00:00Z') });

    const declined = await svc.request(at(manager, '2025-04-01T02:00:00Z'), pairIn(a2.id));
    await svc.respond(at(teacher(mentor.id), '2025-04-02T02:00:00Z'), declined.id, false, '本学期课务太重');
    expect(await row(declined.id)).toMatchObject({ status: 'DECLINED', updated_at: new Date('2025-04-02T02:00:00Z') });
    const dissolved = await svc.request(at(teacher(a3.id), '2025-04-01T03:00:00Z'), pairIn(a3.id));
    await svc.dissolve(at(teacher(a3.id), '2025-04-20T03:00:00Z'), dissolved.id, '徒弟调往外县');
    expect(await row(dissolved.id)).toMatchObject({ status: 'DISSOLVED', ended_on: '2025-04-20', updated_at: new Date('2025-04-20T03:00:00Z') });
  });
});
