import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { consortiumWorld, type ConsortiumWorld } from './support/consortium-world';
import { LiveClient } from './support/live-client';
import { codeOf, TestApp, type GqlResult } from './support/test-app';

/**
 * Input and information leaks (issue 11): text that cannot be stored exactly, loose date-times, subscriptions over
 * HTTP, unbounded arguments, hidden objects that answer differently from unknown ones, other users' role grants,
 * non-string query parameters, and team rights that outlive a transfer. Schema hints in production: hardening.e2e-spec.ts.
 */

const CREATE_SCHOOL = `mutation($i: CreateSchoolInput!) { createSchool(input: $i) { id name } }`;
const CREATE_TEACHER = `mutation($i: CreateTeacherInput!) { createTeacher(input: $i) { id } }`;
const SCHEDULE = `mutation($i: ScheduleResearchSessionInput!) { scheduleResearchSession(input: $i) { id startsAt endsAt } }`;
const CREATE_TEAM = `mutation($i: CreateLessonPrepTeamInput!) { createLessonPrepTeam(input: $i) { id } }`;
const CREATE_PLAN = `mutation($i: CreateLessonPlanInput!) { createLessonPlan(input: $i) { id version } }`;
const UPDATE_PLAN = `mutation($id: ID!, $v: Int!, $i: UpdateLessonPlanInput!) { updateLessonPlan(id: $id, expectedVersion: $v, input: $i) { id version } }`;
const PLAN = `query($id: ID!) { lessonPlan(id: $id) { id version viewerSeesDrafts revisions { version author { id } } } }`;
const PLANS = `query($f: LessonPlanFilter) { lessonPlans(filter: $f) { totalCount } }`;
const COMMENT = `mutation($i: CommentOnLessonPlanInput!) { commentOnLessonPlan(input: $i) { id } }`;
const AUTHOR_ROLES = `query($id: ID!) { lessonPlan(id: $id) { comments { author { id roles { role scopeId } } } } }`;
const DISSOLVE = `mutation($id: ID!) { dissolveMentoringPair(pairId: $id, reason: "调动") { status } }`;
const SUGGEST = `query($g: ID!, $a: ID!, $s: String!) { suggestMentors(groupId: $g, apprenticeTeacherId: $a, subject: $s) { score } }`;

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const field = (r: GqlResult) => r.errors?.[0]?.extensions?.field;
/** BAD_USER_INPUT naming the field, below 500, no stack trace. */
const expectBadInput = (r: GqlResult, name: string) => {
  expect(r.status).toBeLessThan(500);
  expect([name, r.errors?.[0]?.extensions]).toEqual([name, expect.objectContaining({ code: 'BAD_USER_INPUT', field: name })]);
  expect(JSON.stringify(r)).not.toMatch(/stacktrace|at .*\.(js|ts):\d+/);
};

describe('input and information leaks', () => {
  let t: TestApp;
  let w: ConsortiumWorld & Record<'platform' | 'leadAdmin', { id: string; token: string }>;
  const sockets: LiveClient[] = [];

  beforeAll(async () => {
    t = await TestApp.start();
    const base = await consortiumWorld(t);
    w = { ...base, platform: await t.user('PLATFORM_ADMIN'), leadAdmin: await t.user('SCHOOL_ADMIN', base.lead.id) };
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await t?.stop();
  });

  const count = async (table: string) => (await t.sql(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
  const sessionInput = (over: Record<string, unknown> = {}) => ({
    groupId: w.group.id,
    hostSchoolId: w.lead.id,
    title: '四年级数学联合教研',
    type: 'JOINT_RESEARCH',
    mode: 'ONLINE',
    startsAt: '2027-03-02T01:00:00.000Z',
    endsAt: '2027-03-02T03:00:00.000Z',
    invitedSchoolIds: [w.member.id],
    ...over,
  });
  const schoolInput = (over: Record<string, unknown> = {}) => ({ name: '随县新街镇中心小学', regionId: w.county.id, stage: 'PRIMARY', locale: 'TOWNSHIP', studentCount: 400, teacherCount: 30, ...over });

  describe('text that cannot be stored exactly (NUL, lone surrogates)', () => {
    it('is BAD_USER_INPUT naming the field in every GraphQL argument, and nothing is written', async () => {
      const before = [await count('school'), await count('teacher'), await count('research_session')];
      expectBadInput(await t.gql(CREATE_SCHOOL, { i: schoolInput({ name: '随县\u0000小学' }) }, w.platform.token), 'name');
      expectBadInput(await t.gql(CREATE_SCHOOL, { i: schoolInput({ name: '随县\uD800小学' }) }, w.platform.token), 'name');
      expectBadInput(await t.gql(CREATE_SCHOOL, { i: schoolInput({ name: '随县\uDC00小学' }) }, w.platform.token), 'name');
      // inside lists and nested input objects: the path without the argument name and without indices
      const teacher = { name: '周敏', schoolId: w.lead.id, subjects: ['数学', '语\u0000文'], stage: 'PRIMARY', yearsOfExperience: 3 };
      expectBadInput(await t.gql(CREATE_TEACHER, { i: teacher }, w.platform.token), 'subjects');
      expectBadInput(await t.gql(SCHEDULE, { i: sessionInput({ agenda: [{ title: '说课' }, { title: '观\uD83D课' }] }) }, w.manager.token), 'agenda.title');
      // scalar arguments, an args class (login) and a literal in the query text
      expectBadInput(await t.gql(`mutation($e: String!) { login(email: $e, password: "password123") { token } }`, { e: 'a\u0000@example.cn' }), 'email');
      expectBadInput(await t.gql(`{ teachers(filter: { search: "王\\u0000" }) { totalCount } }`, {}, w.platform.token), 'search');
      expect([await count('school'), await count('teacher'), await count('research_session')]).toEqual(before);
      // a well-formed pair (an emoji) still round-trips exactly
      const ok = await t.ok(CREATE_SCHOOL, { i: schoolInput({ name: '随县😀小学' }) }, w.platform.token);
      expect(ok.createSchool.name).toBe('随县😀小学');
    });

    it('is refused in live chat and notes (socket.io and GraphQL), with nothing appended to the session', async () => {
      const s = (await t.ok(SCHEDULE, { i: sessionInput() }, w.manager.token)).scheduleResearchSession;
      await t.ok(`mutation($id: ID!) { startResearchSession(id: $id) { status } }`, { id: s.id }, w.manager.token);
      const events = async () => (await t.sql(`SELECT count(*)::int AS n FROM session_event WHERE session_id = $1`, [s.id]))[0].n;
      const before = await events();
      const room = await LiveClient.connect(t.url, w.preparer.token);
      sockets.push(room);
      expect(await room.request('session:chat', { sessionId: s.id, text: '大家好\u0000' })).toMatchObject({ ok: false, code: 'BAD_USER_INPUT', field: 'text' });
      expect(await room.request('session:note', { sessionId: s.id, text: '板书\uDFFF' })).toMatchObject({ ok: false, code: 'BAD_USER_INPUT', field: 'text' });
      expectBadInput(await t.gql(`mutation($id: ID!, $t: String!) { postSessionNote(sessionId: $id, text: $t) { seq } }`, { id: s.id, t: '记录\u0000' }, w.manager.token), 'text');
      expect(await events()).toBe(before);
      expect((await room.request('session:chat', { sessionId: s.id, text: '大家好' })).ok).toBe(true);
    });

    it('is refused in query parameters of the CSV reports', async () => {
      const res = await fetch(`${t.url}/reports/groups/${w.group.id}/activity.csv?from=2026-01-01%00&to=2026-12-31`, { headers: { authorization: `Bearer ${w.manager.token}` } });
      expect(res.status).toBe(400);
      const body: any = await res.json();
      expect(body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'from' });
      expect(body.errors[0].message).toMatch(/NUL/);
    });
  });

  describe('DateTime arguments', () => {
    it('are parsed strictly, as variables and as literals, naming the field', async () => {
      const before = await count('research_session');
      expectBadInput(await t.gql(SCHEDULE, { i: sessionInput({ startsAt: '2027-02-30T10:00:00Z', endsAt: '2027-03-02T12:00:00Z' }) }, w.manager.token), 'startsAt');
      expectBadInput(await t.gql(SCHEDULE, { i: sessionInput({ endsAt: '2027-03-02T03:00:00' }) }, w.manager.token), 'endsAt'); // no zone
      expectBadInput(await t.gql(SCHEDULE, { i: sessionInput({ startsAt: '2027-03-02' }) }, w.manager.token), 'startsAt');
      expectBadInput(await t.gql(SCHEDULE, { i: sessionInput({ startsAt: '2027-03-02T25:00:00Z' }) }, w.manager.token), 'startsAt');
      expectBadInput(await t.gql(SCHEDULE, { i: sessionInput({ startsAt: 'March 2, 2027 10:00' }) }, w.manager.token), 'startsAt');
      const literal = `mutation { scheduleResearchSession(input: { groupId: "${w.group.id}", hostSchoolId: "${w.lead.id}", title: "联合教研", type: JOINT_RESEARCH, mode: ONLINE,
        invitedSchoolIds: ["${w.member.id}"], startsAt: "2027-02-30T10:00:00Z", endsAt: "2027-03-02T12:00:00Z" }) { id } }`;
      expectBadInput(await t.gql(literal, {}, w.manager.token), 'startsAt');
      expect(await count('research_session')).toBe(before);
      // a zone offset is accepted; the output stays UTC in ISO form
      const s = (await t.ok(SCHEDULE, { i: sessionInput({ startsAt: '2027-03-02T09:00:00+08:00', endsAt: '2027-03-02T11:30:00.5+08:00' }) }, w.manager.token)).scheduleResearchSession;
      expect([s.startsAt, s.endsAt]).toEqual(['2027-03-02T01:00:00.000Z', '2027-03-02T03:30:00.500Z']);
    });
  });

  it('answers a subscription sent over HTTP with BAD_USER_INPUT pointing to graphql-ws', async () => {
    const r = await t.gql(`subscription($id: ID!) { lessonPlanEvents(planId: $id) { type } }`, { id: UNKNOWN }, w.preparer.token);
    expect(r.status).toBeLessThan(500);
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0].message).toMatch(/graphql-ws/);
  });

  describe('mentoring', () => {
    let pairId: string;
    beforeAll(async () => {
      const r = await t.ok(
        `mutation($i: RequestMentorshipInput!) { requestMentorship(input: $i) { id } }`,
        { i: { groupId: w.group.id, mentorTeacherId: w.leader.id, apprenticeTeacherId: w.colleague.id, subject: '数学' } },
        w.manager.token,
      );
      pairId = r.requestMentorship.id;
    });

    it('bounds the subject of the suggestion queries like every other subject', async () => {
      const args = { g: w.group.id, a: w.colleague.id };
      expectBadInput(await t.gql(SUGGEST, { ...args, s: 'x'.repeat(900_000) }, w.manager.token), 'subject');
      expectBadInput(await t.gql(SUGGEST, { ...args, s: '数'.repeat(21) }, w.manager.token), 'subject');
      expectBadInput(await t.gql(SUGGEST, { ...args, s: '   ' }, w.manager.token), 'subject');
      expectBadInput(await t.gql(`query($g: ID!, $s: String) { suggestMentoringPairs(groupId: $g, subject: $s) { score } }`, { g: w.group.id, s: '数'.repeat(21) }, w.manager.token), 'subject');
      expect(codeOf(await t.gql(SUGGEST, { ...args, s: '数学' }, w.manager.token))).toBe('OK');
      expect(codeOf(await t.gql(`query($g: ID!) { suggestMentoringPairs(groupId: $g) { score } }`, { g: w.group.id }, w.manager.token))).toBe('OK');
    });

    it('answers a pair the caller cannot see exactly like an unknown id, and changes nothing', async () => {
      const unknown = await t.gql(DISSOLVE, { id: UNKNOWN }, w.manager.token);
      expect(codeOf(unknown)).toBe('NOT_FOUND');
      const shape = (r: GqlResult, id: string) => [codeOf(r), r.errors?.[0]?.message.replace(id, '<id>')];
      for (const who of [w.outsider, w.preparer, w.reader]) {
        // not a side, not a manager, not an admin of either side's school: the pair is not theirs to know about
        expect(shape(await t.gql(DISSOLVE, { id: pairId }, who.token), pairId)).toEqual(shape(unknown, UNKNOWN));
        expect(codeOf(await t.gql(`mutation($id: ID!) { respondToMentorship(pairId: $id, accept: true) { status } }`, { id: pairId }, who.token))).toBe('NOT_FOUND');
      }
      expect(codeOf(await t.gql(`mutation($id: ID!) { respondToMentorship(pairId: $id, accept: true) { status } }`, { id: pairId }, w.colleague.token))).toBe('FORBIDDEN'); // a side: the mentor answers
      expect((await t.sql(`SELECT status FROM mentoring_pair WHERE id = $1`, [pairId]))[0].status).toBe('PROPOSED');
    });
  });

  describe('lesson preparation', () => {
    let teamId: string;
    let publishedId: string;
    let draftId: string;

    beforeAll(async () => {
      teamId = (
        await t.ok(
          CREATE_TEAM,
          { i: { groupId: w.group.id, name: '四年级数学集体备课组', subject: '数学', grade: '四年级', leaderTeacherId: w.leader.id, memberTeacherIds: [w.preparer.id, w.colleague.id, w.reader.id] } },
          w.manager.token,
        )
      ).createLessonPrepTeam.id;
      publishedId = (await t.ok(CREATE_PLAN, { i: { teamId, title: '三角形的认识', content: '一、导入' } }, w.preparer.token)).createLessonPlan.id;
      await t.ok(`mutation($id: ID!) { submitLessonPlanForReview(id: $id) { status } }`, { id: publishedId }, w.preparer.token);
      await t.ok(`mutation($id: ID!) { reviewLessonPlan(id: $id, approve: true) { status } }`, { id: publishedId }, w.leader.token);
      await t.ok(`mutation($id: ID!) { publishLessonPlan(id: $id) { status } }`, { id: publishedId }, w.leader.token);
      draftId = (await t.ok(CREATE_PLAN, { i: { teamId, title: '平行四边形', content: '草稿' } }, w.preparer.token)).createLessonPlan.id;
    });

    describe("other users' role grants", () => {
      const rolesSeenBy = async (token: string) => {
        const d = await t.ok(AUTHOR_ROLES, { id: publishedId }, token);
        return Object.fromEntries(d.lessonPlan.comments.map((c: any) => [c.author.id, c.author.roles.map((g: any) => g.role).sort()]));
      };

      it('are shown to the user, platform admins and admins whose scope covers the grant; an empty list to others', async () => {
        await t.ok(COMMENT, { i: { planId: publishedId, version: 1, text: '导入可以用三角板' } }, w.leader.token);
        await t.ok(COMMENT, { i: { planId: publishedId, version: 1, text: '下周集体研讨' } }, w.manager.token);
        const all = { [w.leader.userId]: ['TEACHER'], [w.manager.id]: ['GROUP_MANAGER'] };
        const none = { [w.leader.userId]: [], [w.manager.id]: [] };
        expect(await rolesSeenBy(w.platform.token)).toEqual(all);
        expect(await rolesSeenBy(w.countyAdmin.token)).toEqual(all); // the teacher's school and the group lie in the county
        expect(await rolesSeenBy(w.cityAdmin.token)).toEqual(all); // and in the city above it
        expect(await rolesSeenBy(w.leadAdmin.token)).toEqual({ [w.leader.userId]: ['TEACHER'], [w.manager.id]: [] }); // a teacher of their school
        expect(await rolesSeenBy(w.member2Admin.token)).toEqual(none); // another member school
        expect(await rolesSeenBy(w.leader.token)).toEqual({ [w.leader.userId]: ['TEACHER'], [w.manager.id]: [] }); // their own only
        expect(await rolesSeenBy(w.manager.token)).toEqual({ [w.leader.userId]: [], [w.manager.id]: ['GROUP_MANAGER'] }); // a group manager: their own only
        expect(await rolesSeenBy(w.preparer.token)).toEqual(none);
        expect((await t.ok(`{ me { roles { role } } }`, {}, w.preparer.token)).me.roles).toEqual([{ role: 'TEACHER' }]);
      });

      it('are read in one batch for all the authors of a list', async () => {
        const statements = async () => (await t.gql(AUTHOR_ROLES, { id: publishedId }, w.countyAdmin.token)).extensions!.sqlStatements;
        const two = await statements();
        await t.ok(COMMENT, { i: { planId: publishedId, version: 1, text: '同意' } }, w.countyAdmin.token);
        await t.ok(COMMENT, { i: { planId: publishedId, version: 1, text: '已阅' } }, w.cityAdmin.token);
        expect((await t.ok(AUTHOR_ROLES, { id: publishedId }, w.countyAdmin.token)).lessonPlan.comments).toHaveLength(4);
        expect(await statements()).toBe(two);
      });
    });

    describe('team rights follow the teacher’s current school', () => {
      const canRead = async (id: string, token: string) => !!(await t.gql(PLAN, { id }, token)).data?.lessonPlan?.viewerSeesDrafts;
      const teamPlans = async (token: string) => (await t.ok(PLANS, { f: { teamId } }, token)).lessonPlans.totalCount;
      const version = async (id: string) => (await t.sql(`SELECT version FROM lesson_plan WHERE id = $1`, [id]))[0].version as number;

      it('end when a member is transferred out of the group; history is kept', async () => {
        expect(await canRead(draftId, w.preparer.token)).toBe(true);
        await t.ok(`mutation($id: ID!, $to: ID!) { transferTeacher(teacherId: $id, toSchoolId: $to) { id } }`, { id: w.preparer.id, to: w.outside.id }, w.countyAdmin.token);

        expect(await canRead(draftId, w.preparer.token)).toBe(false);
        expect(await teamPlans(w.preparer.token)).toBe(0);
        expect(codeOf(await t.gql(UPDATE_PLAN, { id: draftId, v: 1, i: { content: '调走后修改' } }, w.preparer.token))).toBe('NOT_FOUND'); // hidden: answered like an unknown id
        expect(codeOf(await t.gql(CREATE_PLAN, { i: { teamId, title: '调走后新建', content: '……' } }, w.preparer.token))).toBe('FORBIDDEN');
        const named = await t.gql(CREATE_PLAN, { i: { teamId, title: '主备是调走的老师', content: '……', mainPreparerTeacherId: w.preparer.id } }, w.colleague.token);
        expect([codeOf(named), field(named)]).toEqual(['BAD_USER_INPUT', 'mainPreparerTeacherId']);
        expect(await version(draftId)).toBe(1);
        expect(await count('lesson_plan')).toBe(2);

        // a member still at a member school keeps working, and sees the history
        expect(await canRead(draftId, w.colleague.token)).toBe(true);
        expect((await t.ok(UPDATE_PLAN, { id: draftId, v: 1, i: { content: '草稿（修改）' } }, w.colleague.token)).updateLessonPlan.version).toBe(2);
        const plan = (await t.ok(PLAN, { id: draftId }, w.colleague.token)).lessonPlan;
        expect(plan.revisions.map((r: any) => [r.version, r.author.id])).toEqual([
          [1, w.preparer.id],
          [2, w.colleague.id],
        ]);
        const team = await t.ok(`query($id: ID!) { lessonPrepTeam(id: $id) { memberships { teacherId } } }`, { id: teamId }, w.colleague.token);
        expect(team.lessonPrepTeam.memberships.map((m: any) => m.teacherId)).toContain(w.preparer.id);
        expect(codeOf(await t.gql(CREATE_PLAN, { i: { teamId, title: '多边形的面积', content: '……' } }, w.colleague.token))).toBe('OK');
      });

      it('end when the member’s school leaves the group', async () => {
        expect(await canRead(draftId, w.reader.token)).toBe(true);
        await t.ok(`mutation($g: ID!, $s: ID!) { removeGroupMember(groupId: $g, schoolId: $s) { id } }`, { g: w.group.id, s: w.member2.id }, w.manager.token);
        const plans = await count('lesson_plan');
        expect(await canRead(draftId, w.reader.token)).toBe(false);
        expect(await teamPlans(w.reader.token)).toBe(0);
        expect(codeOf(await t.gql(UPDATE_PLAN, { id: draftId, v: 2, i: { content: '退出后修改' } }, w.reader.token))).toBe('NOT_FOUND'); // hidden: answered like an unknown id
        expect(codeOf(await t.gql(CREATE_PLAN, { i: { teamId, title: '退出后新建', content: '……' } }, w.reader.token))).toBe('FORBIDDEN');
        expect([await version(draftId), await count('lesson_plan')]).toEqual([2, plans]);
        expect(await canRead(draftId, w.colleague.token)).toBe(true);
        expect(await teamPlans(w.colleague.token)).toBe(3);
      });
    });
  });

  describe('query parameters of plain HTTP routes', () => {
    const get = (path: string) => fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${w.countyAdmin.token}` } });
    it('are single strings: an object or a repeated key is 400 BAD_USER_INPUT naming the parameter', async () => {
      for (const query of ['asOf[$gt]=1', 'asOf=2026-06-30&asOf=2026-07-01', 'asOf[]=2026-06-30']) {
        const res = await get(`/reports/regions/${w.county.id}/coverage.csv?${query}`);
        expect([query, res.status]).toEqual([query, 400]);
        expect(((await res.json()) as any).errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'asOf' });
      }
      const from = await get(`/reports/regions/${w.county.id}/activity.csv?from[$gte]=2026-01-01&to=2026-12-31`);
      expect([from.status, ((await from.json()) as any).errors[0].extensions.field]).toEqual([400, 'from']);
      expect((await get(`/reports/regions/${w.county.id}/coverage.csv?asOf=2026-06-30`)).status).toBe(200);
    });
  });
});
