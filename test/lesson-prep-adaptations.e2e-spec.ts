import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { todayInChina } from '#app/core';
import { consortiumWorld, type ConsortiumWorld } from './support/consortium-world';
import { ADAPT, ADAPTED_FROM, ADOPT, ADOPTIONS, CONTENT_V2, count, CREATE_PLAN, field, formTeam, PLAN, PLANS, PUBLISH, publishedPlan, REVIEW, SUBMIT, UPDATE_PLAN } from './support/lesson-prep';
import { codeOf, TestApp } from './support/test-app';

/** Collective lesson preparation after publication: personal adaptations (二次备课), adoptions (同上课) and Chinese search. */

describe('collective lesson preparation (集体备课): adaptations, adoptions, search', () => {
  let t: TestApp;
  let w: ConsortiumWorld;
  let teamId: string;
  let planId: string;
  beforeAll(async () => {
    t = await TestApp.start();
    w = await consortiumWorld(t);
    // the story as lesson-prep.e2e-spec.ts leaves it: version 4 published, the team on a draft 5, a draft nobody published
    teamId = await formTeam(t, w);
    planId = await publishedPlan(t, w, teamId, [{ content: CONTENT_V2 }, { objectives: '理解单位“1”（修改）' }, { content: CONTENT_V2 + '\n板书：分数的意义' }]);
    await t.ok(UPDATE_PLAN, { id: planId, v: 4, i: { title: '分数的意义（修订中）' } }, w.preparer.token);
    await t.ok(CREATE_PLAN, { i: { teamId, title: '分数的基本性质', content: '草稿' } }, w.preparer.token);
  });
  afterAll(async () => {
    await t?.stop();
  });

  describe('personal adaptations (二次备课)', () => {
    let adaptationId: string;
    it('copy a published version for one teacher, and tell when the team publishes a newer one', async () => {
      expect(codeOf(await t.gql(ADAPT, { id: planId }, w.outsider.token))).toBe('NOT_FOUND'); // hidden: answered like an unknown id
      expect(codeOf(await t.gql(ADAPT, { id: planId }, w.manager.token))).toBe('FORBIDDEN'); // teachers adapt
      const a = (await t.ok(ADAPT, { id: planId }, w.reader.token)).adaptLessonPlan;
      adaptationId = a.id;
      expect(a).toMatchObject({ kind: 'ADAPTATION', version: 1, ownerTeacherId: w.reader.id, content: CONTENT_V2 + '\n板书：分数的意义', adaptedFrom: { plan: { id: planId }, version: 4, hasNewerVersion: false, latestPublishedVersion: 4 } });
      expect(codeOf(await t.gql(ADAPT, { id: planId }, w.reader.token))).toBe('CONFLICT'); // one each
      await t.ok(UPDATE_PLAN, { id: adaptationId, v: 1, i: { content: CONTENT_V2 + '\n结合本班学生：用学校菜园分地引入' } }, w.reader.token);
      expect((await t.ok(PLAN, { id: adaptationId }, w.preparer.token)).lessonPlan).toBeNull(); // the owner's only; hidden like an unknown id
      expect((await t.ok(PLAN, { id: adaptationId }, w.manager.token)).lessonPlan).toBeNull();
      expect(codeOf(await t.gql(SUBMIT, { id: adaptationId }, w.reader.token))).toBe('BAD_USER_INPUT'); // adaptations are not reviewed

      // the team publishes version 6
      await t.ok(UPDATE_PLAN, { id: planId, v: 5, i: { title: '分数的意义', content: CONTENT_V2 + '\n板书：分数的意义\n作业：课本第46页' } }, w.preparer.token);
      await t.ok(SUBMIT, { id: planId }, w.preparer.token);
      await t.ok(REVIEW, { id: planId, ok: true }, w.leader.token);
      await t.ok(PUBLISH, { id: planId }, w.leader.token);
      const linked = (await t.ok(ADAPTED_FROM, { id: adaptationId }, w.reader.token)).lessonPlan.adaptedFrom;
      expect(linked).toMatchObject({ version: 4, hasNewerVersion: true, latestPublishedVersion: 6 });
      expect(linked.diffSinceAdapted).toMatchObject({ fromVersion: 4, toVersion: 6, changedFields: ['content'] });
      expect(linked.diffSinceAdapted.contentDiff).toContain('+作业：课本第46页');
      const count = await t.ok(`query($id: ID!) { lessonPlan(id: $id) { adaptationCount } }`, { id: planId }, w.leader.token);
      expect(count.lessonPlan.adaptationCount).toBe(1);
    });

    it('records adoptions (同上课) by a teacher of a member school, listed per plan and per school', async () => {
      const today = todayInChina();
      const input = { planId, schoolId: w.member2.id, teacherId: w.reader.id, taughtOn: today, className: '五(2)班', reflection: '学生对单位“1”理解较好，分月饼情境效果明显' };
      expect(codeOf(await t.gql(ADOPT, { i: input }, w.outsider.token))).toBe('NOT_FOUND'); // hidden: answered like an unknown id
      const wrongSchool = await t.gql(ADOPT, { i: { ...input, schoolId: w.outside.id } }, w.reader.token);
      expect([codeOf(wrongSchool), field(wrongSchool)]).toEqual(['BAD_USER_INPUT', 'schoolId']);
      const wrongTeacher = await t.gql(ADOPT, { i: { ...input, teacherId: w.preparer.id } }, w.reader.token);
      expect([codeOf(wrongTeacher), field(wrongTeacher)]).toEqual(['BAD_USER_INPUT', 'teacherId']);
      const future = await t.gql(ADOPT, { i: { ...input, taughtOn: '2099-01-01' } }, w.reader.token);
      expect([codeOf(future), field(future)]).toEqual(['BAD_USER_INPUT', 'taughtOn']);
      const beforePublished = await t.gql(ADOPT, { i: { ...input, taughtOn: '2020-01-01' } }, w.reader.token);
      expect([codeOf(beforePublished), field(beforePublished)]).toEqual(['BAD_USER_INPUT', 'taughtOn']);
      const draftOnly = (await t.sql(`SELECT id FROM lesson_plan WHERE published_version IS NULL AND kind = 'TEAM'`))[0].id;
      expect(codeOf(await t.gql(ADOPT, { i: { ...input, planId: draftOnly } }, w.reader.token))).toBe('NOT_FOUND'); // a draft is not readable to them: hidden, like an unknown id
      expect(await count(t, 'lesson_plan_adoption')).toBe(0);

      const viaAdaptation = (await t.ok(ADOPT, { i: { ...input, planId: adaptationId } }, w.reader.token)).recordLessonPlanAdoption;
      expect(viaAdaptation).toMatchObject({ adaptationId, version: 4, taughtOn: today, school: { id: w.member2.id } }); // the version copied
      expect(codeOf(await t.gql(ADOPT, { i: input }, w.reader.token))).toBe('CONFLICT'); // the same lesson twice
      // the member school's admin records one for a colleague; the group manager too
      const byManager = (await t.ok(ADOPT, { i: { planId, schoolId: w.member.id, teacherId: w.preparer.id, taughtOn: today, className: '五(1)班' } }, w.manager.token)).recordLessonPlanAdoption;
      expect(byManager.version).toBe(6); // in force today
      // taught last week, recorded now: the version published by then (version 4 dated back for this case)
      const weekAgo = new Date(Date.now() - 7 * 86400_000 + 8 * 3600_000).toISOString().slice(0, 10);
      await t.sql(`UPDATE lesson_plan_revision SET published_at = now() - interval '10 days' WHERE plan_id = $1 AND version = 4`, [planId]);
      await t.sql(`UPDATE lesson_plan SET first_published_at = now() - interval '10 days' WHERE id = $1`, [planId]);
      const late = (await t.ok(ADOPT, { i: { planId, schoolId: w.member.id, teacherId: w.preparer.id, taughtOn: weekAgo, className: '五(1)班' } }, w.preparer.token)).recordLessonPlanAdoption;
      expect(late.version).toBe(4);
      expect(codeOf(await t.gql(ADOPT, { i: { planId, schoolId: w.member.id, teacherId: w.colleague.id, taughtOn: today } }, w.member2Admin.token))).toBe('FORBIDDEN');
      // a teacher on an exchange (支教) teaches at the host school: recorded there, by the host school's admin too
      await t.ok(
        `mutation($i: RecordTeacherExchangeInput!) { recordTeacherExchange(input: $i) { id } }`,
        { i: { groupId: w.group.id, teacherId: w.leader.id, fromSchoolId: w.lead.id, toSchoolId: w.member2.id, kind: 'SUPPORT', startsOn: weekAgo } },
        w.manager.token,
      );
      const yesterday = new Date(Date.now() - 86400_000 + 8 * 3600_000).toISOString().slice(0, 10);
      const beforeExchange = await t.gql(ADOPT, { i: { planId, schoolId: w.member2.id, teacherId: w.leader.id, taughtOn: new Date(Date.now() - 8 * 86400_000 + 8 * 3600_000).toISOString().slice(0, 10) } }, w.leader.token);
      expect([codeOf(beforeExchange), field(beforeExchange)]).toEqual(['BAD_USER_INPUT', 'teacherId']);
      const onExchange = (await t.ok(ADOPT, { i: { planId, schoolId: w.member2.id, teacherId: w.leader.id, taughtOn: yesterday, className: '五(1)班' } }, w.member2Admin.token)).recordLessonPlanAdoption;
      expect(onExchange.school.id).toBe(w.member2.id);

      const perPlan = (await t.ok(PLAN, { id: planId }, w.reader.token)).lessonPlan.adoptions;
      expect(perPlan.map((a: any) => [a.school.id, a.teacher.id, a.taughtOn])).toEqual([
        [w.member.id, w.preparer.id, weekAgo],
        [w.member2.id, w.leader.id, yesterday],
        [w.member2.id, w.reader.id, today],
        [w.member.id, w.preparer.id, today],
      ]);
      const perSchool = (await t.ok(ADOPTIONS, { f: { schoolId: w.member2.id } }, w.member2Admin.token)).lessonPlanAdoptions;
      expect(perSchool.totalCount).toBe(2);
      expect(perSchool.edges[0].node).toMatchObject({ planId, reflection: input.reflection });
      expect((await t.ok(ADOPTIONS, { f: { planId } }, w.outsideAdmin.token)).lessonPlanAdoptions.totalCount).toBe(0);
      // counted for the managers' dashboards
      const s = await t.ok(`query($g: ID!, $d: Date!) { groupActivitySummary(groupId: $g, from: $d, to: $d) { lessonPlansPublished lessonPlanAdoptions } }`, { g: w.group.id, d: today }, w.manager.token);
      expect(s.groupActivitySummary).toEqual({ lessonPlansPublished: 1, lessonPlanAdoptions: 2 });
    });
  });

  describe('search', () => {
    it('finds Chinese phrases in the title and the content, within what the caller may read', async () => {
      const other = (await t.ok(CREATE_PLAN, { i: { teamId, title: '小数的加法', content: '复习：分数的意义与小数的关系\n新授：小数加法' } }, w.preparer.token)).createLessonPlan;
      await t.ok(CREATE_PLAN, { i: { teamId, title: '图形的运动', content: '轴对称与平移' } }, w.preparer.token);
      const ids = async (search: string, token: string, extra: Record<string, unknown> = {}) =>
        (await t.ok(PLANS, { f: { search, ...extra } }, token)).lessonPlans.edges.map((e: any) => e.node.id).sort();
      expect(await ids('分数的意义', w.preparer.token)).toEqual([planId, other.id].sort());
      expect(await ids('分数的意义', w.preparer.token, { status: 'PUBLISHED' })).toEqual([planId]);
      expect(await ids('小数加法', w.preparer.token)).toEqual([other.id]);
      expect(await ids('单位“1”', w.preparer.token)).toEqual([planId]);
      expect(await ids('分月饼 板书', w.preparer.token)).toEqual([planId]); // words: all of them
      expect(await ids('意义分数', w.preparer.token)).toEqual([]); // a phrase, not a bag of characters
      expect(await ids('分数的意义', w.reader.token)).toEqual([planId]); // readers: published only
      expect(await ids('分数的意义', w.outsider.token)).toEqual([]);
      expect(await ids('分数的意义', w.preparer.token, { groupId: w.group.id, subject: '数学', grade: '五年级' })).toEqual([planId, other.id].sort());
      expect(await ids('分数的意义', w.preparer.token, { subject: '语文' })).toEqual([]);
      expect(await ids('分数的意义', w.preparer.token, { grade: '六年级' })).toEqual([]);
      expect(await ids('分数的意义', w.preparer.token, { groupId: w.otherGroup.id })).toEqual([]);
      const empty = await t.gql(PLANS, { f: { search: '  ，。' } }, w.preparer.token);
      expect([codeOf(empty), field(empty)]).toEqual(['BAD_USER_INPUT', 'filter.search']);
      // pages, newest first
      const p1 = (await t.ok(PLANS, { f: { teamId }, first: 2 }, w.preparer.token)).lessonPlans;
      const p2 = (await t.ok(PLANS, { f: { teamId }, first: 2, after: p1.pageInfo.endCursor }, w.preparer.token)).lessonPlans;
      expect(p1.totalCount).toBe(4);
      expect([...p1.edges, ...p2.edges].map((e: any) => e.node.title)).toEqual(['图形的运动', '小数的加法', '分数的基本性质', '分数的意义']);
      expect(p2.pageInfo.hasNextPage).toBe(false);
    });
  });
});
