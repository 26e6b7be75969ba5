import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { consortiumWorld, type ConsortiumWorld } from './support/consortium-world';
import { codeOf, TestApp } from './support/test-app';

/**
 * STYLE habit 11: each scope rule is one predicate, used both to require access to an id and to filter lists.
 * For every rule and every kind of principal, the ids a list returns are exactly the ids the single-object
 * access lets through. The world has two regions under a city, two groups, a named reviewer who is not a team
 * member, a teacher transferred out of the group and a school that left it.
 */
const CREATE_TEAM = `mutation($i: CreateLessonPrepTeamInput!) { createLessonPrepTeam(input: $i) { id } }`;
const CREATE_PLAN = `mutation($i: CreateLessonPlanInput!) { createLessonPlan(input: $i) { id } }`;
const SCHEDULE = `mutation($i: ScheduleResearchSessionInput!) { scheduleResearchSession(input: $i) { id } }`;
const REQUEST = `mutation($i: RequestMentorshipInput!) { requestMentorship(input: $i) { id } }`;
const RESPOND = `mutation($id: ID!) { respondToMentorship(pairId: $id, accept: true) { status } }`;
const DISSOLVE = `mutation($id: ID!) { dissolveMentoringPair(pairId: $id, reason: "调整结对") { status } }`;
const EVALUATE = `mutation($id: ID!) { evaluateMentoringPair(input: { pairId: $id, period: "2026-2027-1", scores: [{ goal: "站稳讲台", score: 4 }] }) { period } }`;

const ids = (conn: { edges: { node: { id: string } }[] }) => conn.edges.map((e) => e.node.id).sort();

describe('access rules: require(id) succeeds exactly for the ids the list returns', () => {
  let t: TestApp;
  let w: ConsortiumWorld;
  let principals: [string, string][];
  const teams: string[] = [];
  const plans: string[] = [];
  const sessions: string[] = [];
  const pairs: string[] = [];

  beforeAll(async () => {
    t = await TestApp.start();
    w = await consortiumWorld(t);
    const teacher = async (schoolId: string, name: string) => {
      const x = await t.teacher(schoolId, { name });
      const u = await t.user('TEACHER', null, { teacherId: x.id });
      return { id: x.id, token: u.token };
    };
    // a school that will leave the group, and a teacher who will move out of it
    const leaving = await t.school(w.county.id, { name: '随县殷店镇中心小学' });
    await t.member(w.group.id, leaving.id);
    const left = await teacher(leaving.id, '陈晓');
    const mover = await teacher(w.member.id, '孙立');
    const reviewerAdmin = await t.user('SCHOOL_ADMIN', w.member2.id);
    const platform = await t.user('PLATFORM_ADMIN');
    const farLeader = await teacher(w.far.id, '周敏');

    // teams: one in the group (reader is the named reviewer, not a member; mover and left are members), one in the other group
    const m = w.manager.token;
    teams.push(
      (
        await t.ok(
          CREATE_TEAM,
          { i: { groupId: w.group.id, name: '四年级数学', subject: '数学', grade: '四年级', leaderTeacherId: w.leader.id, memberTeacherIds: [w.preparer.id, mover.id, left.id], reviewerTeacherId: w.reader.id } },
          m,
        )
      ).createLessonPrepTeam.id,
    );
    teams.push(
      (await t.ok(CREATE_TEAM, { i: { groupId: w.otherGroup.id, name: '五年级数学', subject: '数学', grade: '五年级', leaderTeacherId: farLeader.id, memberTeacherIds: [w.farTeacher.id] } }, w.otherManager.token))
        .createLessonPrepTeam.id,
    );
    // plans: a published one and a draft in each team
    for (const [teamId, author, lead] of [
      [teams[0], w.preparer.token, w.leader.token],
      [teams[1], w.farTeacher.token, farLeader.token],
    ]) {
      const published = (await t.ok(CREATE_PLAN, { i: { teamId, title: '三角形的认识', content: '一、导入' } }, author)).createLessonPlan.id;
      await t.ok(`mutation($id: ID!) { submitLessonPlanForReview(id: $id) { status } }`, { id: published }, author);
      await t.ok(`mutation($id: ID!) { reviewLessonPlan(id: $id, approve: true) { status } }`, { id: published }, lead);
      await t.ok(`mutation($id: ID!) { publishLessonPlan(id: $id) { status } }`, { id: published }, lead);
      plans.push(published, (await t.ok(CREATE_PLAN, { i: { teamId, title: '平行四边形', content: '草稿' } }, author)).createLessonPlan.id);
    }
    // research sessions: invited by school, invited by name, hosted by a member school, in the other group
    const session = (over: Record<string, unknown>, token: string) =>
      t.ok(
        SCHEDULE,
        {
          i: {
            groupId: w.group.id,
            hostSchoolId: w.lead.id,
            title: '联合教研',
            type: 'JOINT_RESEARCH',
            mode: 'ONLINE',
            startsAt: '2026-12-01T01:00:00.000Z',
            endsAt: '2026-12-01T03:00:00.000Z',
            invitedSchoolIds: [],
            ...over,
          },
        },
        token,
      );
    sessions.push((await session({ invitedSchoolIds: [w.member.id] }, m)).scheduleResearchSession.id);
    sessions.push((await session({ invitedTeacherIds: [w.reader.id] }, m)).scheduleResearchSession.id);
    sessions.push((await session({ hostSchoolId: w.member2.id, invitedSchoolIds: [leaving.id] }, m)).scheduleResearchSession.id);
    sessions.push((await session({ groupId: w.otherGroup.id, hostSchoolId: w.far.id }, w.otherManager.token)).scheduleResearchSession.id);
    // mentoring pairs, accepted then dissolved: evaluating one is a CONFLICT (or FORBIDDEN) for whoever sees it, and changes nothing
    const pair = async (mentor: { id: string; token: string }, apprentice: { id: string; token: string }, groupId: string) => {
      const id = (await t.ok(REQUEST, { i: { groupId, mentorTeacherId: mentor.id, apprenticeTeacherId: apprentice.id, subject: '数学' } }, apprentice.token)).requestMentorship.id;
      await t.ok(RESPOND, { id }, mentor.token);
      await t.ok(DISSOLVE, { id }, apprentice.token);
      pairs.push(id);
    };
    await pair(w.leader, w.preparer, w.group.id);
    await pair(w.leader, mover, w.group.id);
    await pair(w.colleague, w.reader, w.group.id);
    await pair(farLeader, w.farTeacher, w.otherGroup.id);

    // now the transfer out of the group and the school leaving it
    await t.ok(`mutation($id: ID!, $to: ID!) { transferTeacher(teacherId: $id, toSchoolId: $to) { id } }`, { id: mover.id, to: w.outside.id }, w.countyAdmin.token);
    await t.ok(`mutation($g: ID!, $s: ID!) { removeGroupMember(groupId: $g, schoolId: $s) { id } }`, { g: w.group.id, s: leaving.id }, m);

    principals = [
      ['platform admin', platform.token],
      ['city admin', w.cityAdmin.token],
      ['county admin', w.countyAdmin.token],
      ['other county admin', w.otherCountyAdmin.token],
      ['group manager', w.manager.token],
      ['other group manager', w.otherManager.token],
      ['member school admin', reviewerAdmin.token],
      ['outside school admin', w.outsideAdmin.token],
      ['team leader', w.leader.token],
      ['team member', w.preparer.token],
      ['named reviewer', w.reader.token],
      ['teacher of the group', w.colleague.token],
      ['transferred teacher', mover.token],
      ['teacher of a school that left', left.token],
      ['outside teacher', w.outsider.token],
      ['teacher of the other group', w.farTeacher.token],
    ];
  }, 120_000);

  afterAll(async () => {
    await t?.stop();
  });

  const listed = (field: string) => async (token: string) => ids((await t.ok(`{ ${field}(first: 100) { edges { node { id } } } }`, {}, token))[field]);
  const opens = (field: string) => async (token: string, id: string) => {
    const r = await t.gql(`query($id: ID!) { ${field}(id: $id) { id } }`, { id }, token);
    return codeOf(r) === 'OK' && !!r.data?.[field];
  };

  const compare = async (list: (token: string) => Promise<string[]>, single: (token: string, id: string) => Promise<boolean>, all: string[], skip: string[] = []) => {
    const seen: Record<string, { list: string[]; single: string[] }> = {};
    for (const [who, token] of principals) {
      if (skip.includes(who)) continue;
      const allowed: string[] = [];
      for (const id of all) if (await single(token, id)) allowed.push(id);
      seen[who] = { list: await list(token), single: allowed.sort() };
    }
    for (const [who, s] of Object.entries(seen)) expect({ who, ids: s.list }).toEqual({ who, ids: s.single });
    return seen;
  };

  it('lesson preparation teams: lessonPrepTeams lists exactly the teams lessonPrepTeam(id) opens', async () => {
    const seen = await compare(listed('lessonPrepTeams'), opens('lessonPrepTeam'), teams);
    expect(seen['named reviewer'].list).toEqual([teams[0]]);
    expect(seen['transferred teacher'].list).toEqual([]);
    expect(seen['teacher of a school that left'].list).toEqual([]);
  });

  it('lesson plans: lessonPlans lists exactly the plans lessonPlan(id) shows', async () => {
    const seen = await compare(listed('lessonPlans'), opens('lessonPlan'), plans);
    expect(seen['named reviewer'].list).toEqual([plans[0], plans[1]].sort()); // the draft too
    expect(seen['teacher of the group'].list).toEqual([plans[0]]); // the published one only
  });

  it('research sessions: researchSessions lists exactly the sessions researchSession(id) shows', async () => {
    const seen = await compare(listed('researchSessions'), opens('researchSession'), sessions);
    expect(seen['named reviewer'].list).toEqual([sessions[1], sessions[2]].sort()); // by name, and through the host school
    expect(seen['member school admin'].list).toEqual([sessions[2]]);
  });

  // Pair mutations are for teachers, region admins and group managers (@Allow): platform and school admins only list.
  it('mentoring pairs: mentoringPairs lists exactly the pairs a pair mutation finds (others answer NOT_FOUND)', async () => {
    const seen = await compare(
      listed('mentoringPairs'),
      async (token, id) => {
        const code = codeOf(await t.gql(EVALUATE, { id }, token));
        expect(['CONFLICT', 'FORBIDDEN', 'NOT_FOUND']).toContain(code); // the pairs are DISSOLVED: nothing changes
        return code !== 'NOT_FOUND';
      },
      pairs,
      ['platform admin', 'member school admin', 'outside school admin'],
    );
    expect(seen['transferred teacher'].list).toEqual([pairs[1]]); // still one side of the pair
    expect(seen['county admin'].list).toEqual(pairs.slice(0, 3).sort());
    const schoolAdmin = principals.find(([who]) => who === 'member school admin')![1];
    expect(await listed('mentoringPairs')(schoolAdmin)).toEqual([pairs[2]]);
  });

  it('mentoring pairs: mentoringPair(id) opens exactly the pairs mentoringPairs lists, for everyone (null otherwise)', async () => {
    const seen = await compare(listed('mentoringPairs'), opens('mentoringPair'), pairs);
    expect(seen['transferred teacher'].single).toEqual([pairs[1]]);
    expect(seen['outside teacher'].single).toEqual([]);
    expect(seen['platform admin'].single).toEqual([...pairs].sort());
  });
});
