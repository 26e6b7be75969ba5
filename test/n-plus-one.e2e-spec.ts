import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { consortiumWorld } from './support/consortium-world';
import { TestApp } from './support/test-app';

describe('no N+1: nested fields are batched per request', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await TestApp.start();
    token = (await t.user()).token;
  });
  afterAll(async () => {
    await t?.stop();
  });

  async function groupWith(members: number) {
    const province = await t.region({ level: 'PROVINCE' });
    const counties = [await t.region({ parentId: province.id }), await t.region({ parentId: province.id })];
    const lead = await t.school(counties[0].id);
    const g = await t.group(province.id, lead.id, { kind: 'EDUCATION_GROUP' });
    for (let i = 0; i < members - 1; i++) await t.member(g.id, (await t.school(counties[i % 2].id)).id);
    return g.id;
  }

  const QUERY = `query($id: ID!) { schoolGroup(id: $id) { name leadSchool { name } members { role pairing school { name region { name parent { name } } } } } }`;

  it('runs the same small number of SQL statements for 5 and for 50 members', async () => {
    await t.gql(`{ me { id } }`, {}, token); // the principal is cached from here on (a cold request counts its read too)
    const small = await t.gql(QUERY, { id: await groupWith(5) }, token);
    const large = await t.gql(QUERY, { id: await groupWith(50) }, token);
    expect(small.data.schoolGroup.members).toHaveLength(5);
    expect(large.data.schoolGroup.members).toHaveLength(50);
    expect(large.data.schoolGroup.members[7].school.region.parent.name).toBeTruthy();
    const [s, l] = [small.extensions!.sqlStatements, large.extensions!.sqlStatements];
    expect(s).toBeGreaterThan(0);
    expect(l).toBe(s);
    expect(l).toBeLessThanOrEqual(6);
  });

  it('counts a list (totalCount) only when asked for: one COUNT statement more, the same page either way', async () => {
    const region = await t.region({ level: 'COUNTY' });
    for (let i = 0; i < 3; i++) await t.school(region.id);
    await t.gql(`{ me { id } }`, {}, token); // the principal is cached
    const page = `query($r: ID) { schools(first: 2, filter: { regionId: $r }) { edges { node { id } } pageInfo { hasNextPage } } }`;
    const counted = `query($r: ID) { schools(first: 2, filter: { regionId: $r }) { totalCount edges { node { id } } pageInfo { hasNextPage } } }`;
    const without = await t.gql(page, { r: region.id }, token);
    const withCount = await t.gql(counted, { r: region.id }, token);
    expect(withCount.data.schools.totalCount).toBe(3);
    expect(withCount.data.schools.edges).toEqual(without.data.schools.edges);
    expect(without.data.schools.pageInfo.hasNextPage).toBe(true);
    expect(withCount.extensions!.sqlStatements).toBe(without.extensions!.sqlStatements + 1);
  });

  it('links a list of adaptations to their sources (adaptedFrom, with the diff since) in the same few statements for 2 and for 6', async () => {
    const w = await consortiumWorld(t);
    const team = await t.ok(
      `mutation($i: CreateLessonPrepTeamInput!) { createLessonPrepTeam(input: $i) { id } }`,
      { i: { groupId: w.group.id, name: '五年级语文集体备课组', subject: '语文', grade: '五年级', leaderTeacherId: w.leader.id, memberTeacherIds: [w.preparer.id] } },
      w.manager.token,
    );
    const teamId = team.createLessonPrepTeam.id;
    const publish = async (id: string) => {
      await t.ok(`mutation($id: ID!) { submitLessonPlanForReview(id: $id) { id } }`, { id }, w.preparer.token);
      await t.ok(`mutation($id: ID!) { reviewLessonPlan(id: $id, approve: true) { id } }`, { id }, w.leader.token);
      await t.ok(`mutation($id: ID!) { publishLessonPlan(id: $id) { id } }`, { id }, w.leader.token);
    };
    // a published team plan adapted by the reader; every other one gets a newer published version afterwards
    const adapted = async (i: number) => {
      const plan = await t.ok(`mutation($i: CreateLessonPlanInput!) { createLessonPlan(input: $i) { id } }`, { i: { teamId, title: `第${i}课`, content: `第${i}课\n导入` } }, w.preparer.token);
      const id = plan.createLessonPlan.id;
      await publish(id);
      await t.ok(`mutation($id: ID!) { adaptLessonPlan(planId: $id) { id } }`, { id }, w.reader.token);
      if (i % 2) return;
      await t.ok(`mutation($id: ID!, $i: UpdateLessonPlanInput!) { updateLessonPlan(id: $id, expectedVersion: 1, input: $i) { id } }`, { id, i: { content: `第${i}课\n导入\n小结` } }, w.preparer.token);
      await publish(id);
    };
    const LIST = `{ lessonPlans(filter: { kind: ADAPTATION }, first: 50) { edges { node { id adaptedFrom { plan { id title } version latestPublishedVersion hasNewerVersion diffSinceAdapted { linesAdded } } } } } }`;
    for (let i = 0; i < 2; i++) await adapted(i);
    const small = await t.gql(LIST, {}, w.reader.token);
    for (let i = 2; i < 6; i++) await adapted(i);
    const large = await t.gql(LIST, {}, w.reader.token);
    const links = large.data.lessonPlans.edges.map((e: any) => e.node.adaptedFrom);
    expect(small.data.lessonPlans.edges).toHaveLength(2);
    expect(links).toHaveLength(6);
    expect(links.filter((l: any) => l.hasNewerVersion).map((l: any) => [l.version, l.latestPublishedVersion, l.diffSinceAdapted.linesAdded])).toEqual([[1, 2, 1], [1, 2, 1], [1, 2, 1]]);
    expect(links.filter((l: any) => !l.hasNewerVersion).map((l: any) => l.diffSinceAdapted)).toEqual([null, null, null]);
    const [s, l] = [small.extensions!.sqlStatements, large.extensions!.sqlStatements];
    expect(l).toBe(s);
    expect(l).toBeLessThanOrEqual(8);
  });
});
