import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { todayInChina } from '../libs/core/src';
import { consortiumWorld, type ConsortiumWorld } from './support/consortium-world';
import { LiveClient, type LiveEvent } from './support/live-client';
import { codeOf, TestApp, type GqlResult } from './support/test-app';

/**
 * Collective lesson preparation (集体备课), end to end over HTTP and websockets on a real Postgres:
 * teams, versioned plans with optimistic locking, diffs, comments, review, publication and who sees what,
 * personal adaptations (二次备课), adoptions (同上课), Chinese search, and plan events.
 */

const CREATE_TEAM = `mutation($i: CreateLessonPrepTeamInput!) { createLessonPrepTeam(input: $i) { id name leaderTeacherId members { id } memberships { teacherId leftAt } } }`;
const ADD_MEMBER = `mutation($team: ID!, $t: ID!) { addLessonPrepTeamMember(teamId: $team, teacherId: $t) { id members { id } } }`;
const REMOVE_MEMBER = `mutation($team: ID!, $t: ID!) { removeLessonPrepTeamMember(teamId: $team, teacherId: $t) { id members { id } memberships { teacherId joinedAt leftAt } } }`;
const TEAM = `query($id: ID!) { lessonPrepTeam(id: $id) { id name members { id } } }`;
const CREATE_PLAN = `mutation($i: CreateLessonPlanInput!) { createLessonPlan(input: $i) { id version status title content mainPreparer { id } school { id } kind } }`;
const UPDATE_PLAN = `mutation($id: ID!, $v: Int!, $i: UpdateLessonPlanInput!) { updateLessonPlan(id: $id, expectedVersion: $v, input: $i) { id version status content } }`;
const PLAN = `query($id: ID!) { lessonPlan(id: $id) { id title version status content publishedVersion viewerSeesDrafts
  revisions { version author { id } createdAt content publishedAt note }
  comments { id text version anchor { section fromLine toLine } resolved replies { id text } }
  adoptions { school { id } taughtOn teacher { id } className reflection } adaptationCount } }`;
const SUBMIT = `mutation($id: ID!) { submitLessonPlanForReview(id: $id) { id status } }`;
const REVIEW = `mutation($id: ID!, $ok: Boolean!, $note: String) { reviewLessonPlan(id: $id, approve: $ok, note: $note) { id status reviewNote } }`;
const PUBLISH = `mutation($id: ID!) { publishLessonPlan(id: $id) { id status publishedVersion } }`;
const DIFF = `query($id: ID!, $a: Int!, $b: Int!) { lessonPlanDiff(id: $id, fromVersion: $a, toVersion: $b) { changedFields contentDiff linesAdded linesRemoved contentLines { op text fromLine toLine } fieldChanges { field before after } } }`;
const COMMENT = `mutation($i: CommentOnLessonPlanInput!) { commentOnLessonPlan(input: $i) { id version text parentId anchor { section fromLine toLine } } }`;
const RESOLVE = `mutation($id: ID!) { resolveLessonPlanComment(commentId: $id) { id resolved } }`;
const ADAPT = `mutation($id: ID!) { adaptLessonPlan(planId: $id) { id kind version status ownerTeacherId content adaptedFrom { plan { id } version hasNewerVersion latestPublishedVersion } } }`;
const ADAPTED_FROM = `query($id: ID!) { lessonPlan(id: $id) { id adaptedFrom { version hasNewerVersion latestPublishedVersion diffSinceAdapted { fromVersion toVersion changedFields contentDiff } } } }`;
const ADOPT = `mutation($i: RecordAdoptionInput!) { recordLessonPlanAdoption(input: $i) { id version taughtOn school { id } adaptationId } }`;
const ADOPTIONS = `query($f: LessonPlanAdoptionFilter) { lessonPlanAdoptions(filter: $f) { totalCount edges { node { planId school { id } taughtOn reflection } } } }`;
const PLANS = `query($f: LessonPlanFilter, $first: Int, $after: String) { lessonPlans(filter: $f, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id title status version } } } }`;

const CONTENT_V1 = ['# 分数的意义', '一、复习导入：把一个蛋糕平均分成4份', '二、探究新知：单位“1”', '三、巩固练习'].join('\n');
const CONTENT_V2 = ['# 分数的意义', '一、情境导入：分月饼', '二、探究新知：单位“1”', '三、巩固练习', '四、课堂小结'].join('\n');

const field = (r: GqlResult) => r.errors?.[0]?.extensions?.field;

describe('collective lesson preparation (集体备课)', () => {
  let t: TestApp;
  let w: ConsortiumWorld;
  const sockets: LiveClient[] = [];
  const wsClients: Client[] = [];

  beforeAll(async () => {
    t = await TestApp.start();
    w = await consortiumWorld(t);
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await Promise.all(wsClients.map((c) => c.dispose()));
    await t?.stop();
  });

  const count = async (table: string) => (await t.sql(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
  const teamInput = (over: Record<string, unknown> = {}) => ({
    groupId: w.group.id,
    name: '五年级数学集体备课组',
    subject: '数学',
    grade: '五年级',
    leaderTeacherId: w.leader.id,
    memberTeacherIds: [w.preparer.id],
    ...over,
  });
  let teamId: string;
  let planId: string;

  describe('teams', () => {
    it('are formed by group managers from teachers of the group’s member schools only', async () => {
      expect(codeOf(await t.gql(CREATE_TEAM, { i: teamInput() }, w.leader.token))).toBe('FORBIDDEN'); // teachers do not form teams
      expect(codeOf(await t.gql(CREATE_TEAM, { i: teamInput() }, w.otherManager.token))).toBe('FORBIDDEN'); // another group's manager
      expect(codeOf(await t.gql(CREATE_TEAM, { i: teamInput() }, w.otherCountyAdmin.token))).toBe('FORBIDDEN');
      const outsider = await t.gql(CREATE_TEAM, { i: teamInput({ memberTeacherIds: [w.preparer.id, w.outsider.id] }) }, w.manager.token);
      expect(codeOf(outsider)).toBe('BAD_USER_INPUT');
      expect(field(outsider)).toBe('memberTeacherIds.1');
      const badLeader = await t.gql(CREATE_TEAM, { i: teamInput({ leaderTeacherId: w.farTeacher.id }) }, w.manager.token);
      expect([codeOf(badLeader), field(badLeader)]).toEqual(['BAD_USER_INPUT', 'leaderTeacherId']);
      const invalid = await t.gql(CREATE_TEAM, { i: teamInput({ name: '', memberTeacherIds: ['not-a-uuid'] }) }, w.manager.token);
      expect(codeOf(invalid)).toBe('BAD_USER_INPUT');
      expect(await count('lesson_prep_team')).toBe(0); // nothing half-made

      const r = await t.ok(CREATE_TEAM, { i: teamInput() }, w.manager.token);
      teamId = r.createLessonPrepTeam.id;
      expect(r.createLessonPrepTeam.members.map((m: any) => m.id)).toEqual([w.leader.id, w.preparer.id]); // the leader is a member, listed first
    });

    it('change members with history, by the leader or a manager', async () => {
      expect(codeOf(await t.gql(ADD_MEMBER, { team: teamId, t: w.colleague.id }, w.preparer.token))).toBe('FORBIDDEN'); // a member is not the leader
      const out = await t.gql(ADD_MEMBER, { team: teamId, t: w.outsider.id }, w.leader.token);
      expect([codeOf(out), field(out)]).toEqual(['BAD_USER_INPUT', 'teacherId']);
      expect((await t.ok(ADD_MEMBER, { team: teamId, t: w.colleague.id }, w.leader.token)).addLessonPrepTeamMember.members).toHaveLength(3);
      expect(codeOf(await t.gql(ADD_MEMBER, { team: teamId, t: w.colleague.id }, w.leader.token))).toBe('CONFLICT');
      expect(codeOf(await t.gql(REMOVE_MEMBER, { team: teamId, t: w.leader.id }, w.manager.token))).toBe('CONFLICT'); // the leader stays
      const removed = (await t.ok(REMOVE_MEMBER, { team: teamId, t: w.colleague.id }, w.manager.token)).removeLessonPrepTeamMember;
      expect(removed.members.map((m: any) => m.id)).not.toContain(w.colleague.id);
      const history = removed.memberships.filter((m: any) => m.teacherId === w.colleague.id);
      expect(history).toHaveLength(1);
      expect(history[0].leftAt).not.toBeNull();
      // joins again: a second period, the first one kept
      await t.ok(ADD_MEMBER, { team: teamId, t: w.colleague.id }, w.leader.token);
      const again = await t.ok(`query($id: ID!) { lessonPrepTeam(id: $id) { memberships { teacherId leftAt } } }`, { id: teamId }, w.leader.token);
      expect(again.lessonPrepTeam.memberships.filter((m: any) => m.teacherId === w.colleague.id).map((m: any) => m.leftAt === null)).toEqual(expect.arrayContaining([true, false]));
    });

    it('take concurrent changes without losing one', async () => {
      const UPDATE_TEAM = `mutation($team: ID!, $i: UpdateLessonPrepTeamInput!) { updateLessonPrepTeam(teamId: $team, input: $i) { id } }`;
      const results = await Promise.all([
        t.gql(UPDATE_TEAM, { team: teamId, i: { name: '五年级数学组' } }, w.leader.token),
        t.gql(UPDATE_TEAM, { team: teamId, i: { reviewerTeacherId: w.colleague.id } }, w.manager.token),
      ]);
      expect(results.map(codeOf)).toEqual(['OK', 'OK']);
      const [row] = await t.sql(`SELECT name, reviewer_teacher_id FROM lesson_prep_team WHERE id = $1`, [teamId]);
      expect(row).toEqual({ name: '五年级数学组', reviewer_teacher_id: w.colleague.id });
      expect(codeOf(await t.gql(UPDATE_TEAM, { team: teamId, i: { reviewerTeacherId: w.reader.id } }, w.leader.token))).toBe('FORBIDDEN'); // managers name reviewers
      await t.ok(UPDATE_TEAM, { team: teamId, i: { clearReviewer: true, name: '五年级数学集体备课组' } }, w.manager.token);
    });

    it('are visible inside the group and above it, not outside', async () => {
      for (const token of [w.reader.token, w.member2Admin.token, w.manager.token, w.countyAdmin.token, w.cityAdmin.token])
        expect((await t.ok(TEAM, { id: teamId }, token)).lessonPrepTeam.id).toBe(teamId);
      for (const token of [w.outsider.token, w.outsideAdmin.token, w.otherManager.token, w.otherCountyAdmin.token, w.farTeacher.token])
        expect(codeOf(await t.gql(TEAM, { id: teamId }, token))).toBe('FORBIDDEN');
      const listed = await t.ok(`{ lessonPrepTeams { totalCount edges { node { id } } } }`, {}, w.outsider.token);
      expect(listed.lessonPrepTeams.totalCount).toBe(0);
    });
  });

  describe('plans, versions and optimistic locking', () => {
    it('are written by members; every change is a revision', async () => {
      const base = { teamId, title: '分数的意义', unit: '第四单元 分数的意义和性质', objectives: '理解单位“1”', keyPoints: '重点：分数的意义；难点：单位“1”', content: CONTENT_V1 };
      expect(codeOf(await t.gql(CREATE_PLAN, { i: base }, w.reader.token))).toBe('FORBIDDEN'); // in the group, not in the team
      expect(codeOf(await t.gql(CREATE_PLAN, { i: base }, w.manager.token))).toBe('FORBIDDEN'); // teachers write plans
      const badGrade = await t.gql(CREATE_PLAN, { i: { ...base, grade: '六年级' } }, w.preparer.token);
      expect([codeOf(badGrade), field(badGrade)]).toEqual(['BAD_USER_INPUT', 'grade']);
      const badPreparer = await t.gql(CREATE_PLAN, { i: { ...base, mainPreparerTeacherId: w.reader.id } }, w.preparer.token);
      expect([codeOf(badPreparer), field(badPreparer)]).toEqual(['BAD_USER_INPUT', 'mainPreparerTeacherId']);
      const badUrl = await t.gql(CREATE_PLAN, { i: { ...base, resources: [{ title: '课件', url: 'javascript:alert(1)' }] } }, w.preparer.token);
      expect(codeOf(badUrl)).toBe('BAD_USER_INPUT');
      expect(await count('lesson_plan')).toBe(0);

      const r = (await t.ok(CREATE_PLAN, { i: { ...base, resources: [{ title: '课件', url: 'https://example.cn/fenshu.pptx' }] } }, w.preparer.token)).createLessonPlan;
      planId = r.id;
      expect(r).toMatchObject({ version: 1, status: 'DRAFT', kind: 'TEAM', mainPreparer: { id: w.preparer.id }, school: { id: w.member.id } });
      const u = (await t.ok(UPDATE_PLAN, { id: planId, v: 1, i: { content: CONTENT_V2, note: '改为分月饼情境' } }, w.leader.token)).updateLessonPlan;
      expect(u.version).toBe(2);
      const plan = (await t.ok(PLAN, { id: planId }, w.preparer.token)).lessonPlan;
      expect(plan.revisions.map((x: any) => [x.version, x.author.id, x.note])).toEqual([
        [1, w.preparer.id, null],
        [2, w.leader.id, '改为分月饼情境'],
      ]);
      expect(plan.revisions[0].content).toBe(CONTENT_V1);
      expect(plan.revisions[1].content).toBe(CONTENT_V2);
    });

    it('refuses a stale or empty update and changes nothing', async () => {
      const stale = await t.gql(UPDATE_PLAN, { id: planId, v: 1, i: { title: '分数的意义（第二课时）' } }, w.preparer.token);
      expect(codeOf(stale)).toBe('CONFLICT');
      expect(stale.errors![0].extensions).toMatchObject({ currentVersion: 2, expectedVersion: 1 });
      const same = await t.gql(UPDATE_PLAN, { id: planId, v: 2, i: { content: CONTENT_V2 } }, w.preparer.token);
      expect([codeOf(same), field(same)]).toEqual(['BAD_USER_INPUT', 'input']);
      expect(codeOf(await t.gql(UPDATE_PLAN, { id: planId, v: 2, i: { title: 'x'.repeat(201) } }, w.preparer.token))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(UPDATE_PLAN, { id: planId, v: 2, i: { title: '改' } }, w.reader.token))).toBe('NOT_FOUND'); // hidden: answered like an unknown id
      const [row] = await t.sql(`SELECT version, title FROM lesson_plan WHERE id = $1`, [planId]);
      expect(row).toEqual({ version: 2, title: '分数的意义' });
      expect(await count('lesson_plan_revision')).toBe(2);
    });

    it('lets exactly one of 20 concurrent updates from the same version through; no revision is lost', async () => {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          t.gql(UPDATE_PLAN, { id: planId, v: 2, i: { objectives: `理解单位“1”（修改 ${i}）`, note: `并发 ${i}` } }, i % 2 ? w.leader.token : w.preparer.token),
        ),
      );
      const codes = results.map(codeOf);
      expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
      expect(codes.filter((c) => c === 'CONFLICT')).toHaveLength(19);
      const winner = results.findIndex((r) => !r.errors);
      const revisions = await t.sql(`SELECT version, objectives, note FROM lesson_plan_revision WHERE plan_id = $1 ORDER BY version`, [planId]);
      expect(revisions.map((r) => r.version)).toEqual([1, 2, 3]);
      expect(revisions[2]).toMatchObject({ objectives: `理解单位“1”（修改 ${winner}）`, note: `并发 ${winner}` });
      const [plan] = await t.sql(`SELECT version, objectives FROM lesson_plan WHERE id = $1`, [planId]);
      expect(plan).toEqual({ version: 3, objectives: revisions[2].objectives });
    });

    it('diffs any two versions: changed fields and a line diff of the content', async () => {
      const d = (await t.ok(DIFF, { id: planId, a: 1, b: 3 }, w.preparer.token)).lessonPlanDiff;
      expect(d.changedFields.sort()).toEqual(['content', 'objectives']);
      expect(d.contentDiff.split('\n')).toEqual([' # 分数的意义', '-一、复习导入：把一个蛋糕平均分成4份', '+一、情境导入：分月饼', ' 二、探究新知：单位“1”', ' 三、巩固练习', '+四、课堂小结']);
      expect([d.linesAdded, d.linesRemoved]).toEqual([2, 1]);
      expect(d.contentLines[5]).toEqual({ op: 'ADDED', text: '四、课堂小结', fromLine: null, toLine: 5 });
      expect(d.fieldChanges.find((f: any) => f.field === 'objectives')).toMatchObject({ before: '理解单位“1”' });
      const backwards = (await t.ok(DIFF, { id: planId, a: 2, b: 1 }, w.preparer.token)).lessonPlanDiff;
      expect(backwards.contentDiff).toContain('+一、复习导入');
      const missing = await t.gql(DIFF, { id: planId, a: 1, b: 9 }, w.preparer.token);
      expect([codeOf(missing), field(missing)]).toEqual(['BAD_USER_INPUT', 'toVersion']);
      expect(codeOf(await t.gql(DIFF, { id: planId, a: 1, b: 2 }, w.reader.token))).toBe('NOT_FOUND'); // drafts: the team only; hidden, like an unknown id
    });
  });

  describe('comments', () => {
    it('anchor to a section or a line range of a version, take replies and get resolved', async () => {
      const anchored = (await t.ok(COMMENT, { i: { planId, version: 2, text: '导入可以更贴近农村孩子的生活', anchor: { section: 'CONTENT', fromLine: 2, toLine: 2 } } }, w.leader.token)).commentOnLessonPlan;
      expect(anchored.anchor).toEqual({ section: 'CONTENT', fromLine: 2, toLine: 2 });
      await t.ok(COMMENT, { i: { planId, version: 3, text: '目标表述再具体些', anchor: { section: 'OBJECTIVES' } } }, w.preparer.token);
      const reply = (await t.ok(COMMENT, { i: { planId, version: 2, parentId: anchored.id, text: '已改为分月饼' } }, w.preparer.token)).commentOnLessonPlan;
      expect(reply.parentId).toBe(anchored.id);

      const bad = [
        [{ planId, version: 2, text: '超出', anchor: { section: 'CONTENT', fromLine: 2, toLine: 9 } }, 'anchor.toLine'],
        [{ planId, version: 2, text: '倒序', anchor: { section: 'CONTENT', fromLine: 3, toLine: 2 } }, 'anchor.toLine'],
        [{ planId, version: 2, text: '一半', anchor: { section: 'CONTENT', fromLine: 3 } }, 'anchor.toLine'],
        [{ planId, version: 2, text: '标题无行', anchor: { section: 'TITLE', fromLine: 1, toLine: 1 } }, 'anchor.fromLine'],
        [{ planId, version: 7, text: '不存在的版本' }, 'version'],
        [{ planId, version: 3, parentId: anchored.id, text: '版本不符' }, 'version'],
        [{ planId, version: 2, text: '   ' }, 'text'],
      ] as const;
      for (const [input, f] of bad) {
        const r = await t.gql(COMMENT, { i: input }, w.preparer.token);
        expect([codeOf(r), field(r), (input as any).text]).toEqual(['BAD_USER_INPUT', f, (input as any).text]);
      }
      expect(codeOf(await t.gql(COMMENT, { i: { planId, version: 2, text: '路过' } }, w.reader.token))).toBe('NOT_FOUND'); // drafts: team only; hidden, like an unknown id
      expect(await count('lesson_plan_comment')).toBe(3);

      expect(codeOf(await t.gql(RESOLVE, { id: reply.id }, w.leader.token))).toBe('BAD_USER_INPUT'); // a thread resolves at its first comment
      expect(codeOf(await t.gql(RESOLVE, { id: anchored.id }, w.outsider.token))).toBe('NOT_FOUND'); // hidden: answered like an unknown id
      expect((await t.ok(RESOLVE, { id: anchored.id }, w.preparer.token)).resolveLessonPlanComment.resolved).toBe(true);
      expect(codeOf(await t.gql(RESOLVE, { id: anchored.id }, w.preparer.token))).toBe('CONFLICT');

      const plan = (await t.ok(PLAN, { id: planId }, w.leader.token)).lessonPlan;
      expect(plan.comments.map((c: any) => [c.version, c.text, c.resolved, c.replies.map((x: any) => x.text)])).toEqual([
        [2, '导入可以更贴近农村孩子的生活', true, ['已改为分月饼']],
        [3, '目标表述再具体些', false, []],
      ]);
      const open = await t.ok(`query($id: ID!) { lessonPlan(id: $id) { comments(includeResolved: false) { text } } }`, { id: planId }, w.leader.token);
      expect(open.lessonPlan.comments.map((c: any) => c.text)).toEqual(['目标表述再具体些']);
    });
  });

  describe('review and publication', () => {
    it('goes DRAFT → IN_REVIEW → (returned with a note) → APPROVED → PUBLISHED, each step by whom it belongs to', async () => {
      expect(codeOf(await t.gql(PUBLISH, { id: planId }, w.leader.token))).toBe('CONFLICT'); // not approved
      expect(codeOf(await t.gql(SUBMIT, { id: planId }, w.reader.token))).toBe('NOT_FOUND'); // hidden: answered like an unknown id
      expect((await t.ok(SUBMIT, { id: planId }, w.preparer.token)).submitLessonPlanForReview.status).toBe('IN_REVIEW');
      expect(codeOf(await t.gql(UPDATE_PLAN, { id: planId, v: 3, i: { title: '审核中改' } }, w.preparer.token))).toBe('CONFLICT'); // frozen in review
      expect(codeOf(await t.gql(REVIEW, { id: planId, ok: true }, w.preparer.token))).toBe('FORBIDDEN'); // not the leader nor the reviewer
      const noNote = await t.gql(REVIEW, { id: planId, ok: false }, w.leader.token);
      expect([codeOf(noNote), field(noNote)]).toEqual(['BAD_USER_INPUT', 'note']);
      const returned = (await t.ok(REVIEW, { id: planId, ok: false, note: '请补充课堂小结的板书设计' }, w.leader.token)).reviewLessonPlan;
      expect(returned).toEqual({ id: planId, status: 'DRAFT', reviewNote: '请补充课堂小结的板书设计' });
      await t.ok(UPDATE_PLAN, { id: planId, v: 3, i: { content: CONTENT_V2 + '\n板书：分数的意义', note: '补充板书设计' } }, w.preparer.token);
      await t.ok(SUBMIT, { id: planId }, w.preparer.token);

      // a reviewer named by the group approves; the leader publishes
      await t.ok(`mutation($team: ID!, $r: ID!) { updateLessonPrepTeam(teamId: $team, input: { reviewerTeacherId: $r }) { id } }`, { team: teamId, r: w.reader.id }, w.manager.token);
      // the reviewer is not a member, but works on the drafts: resolves a thread
      const [open] = await t.sql(`SELECT id FROM lesson_plan_comment WHERE plan_id = $1 AND parent_id IS NULL AND resolved_at IS NULL`, [planId]);
      expect((await t.ok(RESOLVE, { id: open.id }, w.reader.token)).resolveLessonPlanComment.resolved).toBe(true);
      expect((await t.ok(REVIEW, { id: planId, ok: true, note: '同意发布' }, w.reader.token)).reviewLessonPlan.status).toBe('APPROVED');
      expect(codeOf(await t.gql(REVIEW, { id: planId, ok: true }, w.reader.token))).toBe('CONFLICT'); // already approved
      // an error found after approval: the reviewer returns it before it is published
      expect((await t.ok(REVIEW, { id: planId, ok: false, note: '板书中“单位1”加引号' }, w.reader.token)).reviewLessonPlan.status).toBe('DRAFT');
      await t.ok(SUBMIT, { id: planId }, w.preparer.token);
      await t.ok(REVIEW, { id: planId, ok: true }, w.reader.token);
      expect(codeOf(await t.gql(PUBLISH, { id: planId }, w.preparer.token))).toBe('FORBIDDEN');
      expect((await t.ok(PUBLISH, { id: planId }, w.leader.token)).publishLessonPlan).toEqual({ id: planId, status: 'PUBLISHED', publishedVersion: 4 });
      await t.ok(`mutation($team: ID!) { updateLessonPrepTeam(teamId: $team, input: { clearReviewer: true }) { id } }`, { team: teamId }, w.manager.token);
    });

    it('shows the published version to the whole group and above it, drafts to the team only, nothing outside', async () => {
      // the team works on a new version after publication: readers keep seeing version 4
      await t.ok(UPDATE_PLAN, { id: planId, v: 4, i: { title: '分数的意义（修订中）' } }, w.preparer.token);
      const team = (await t.ok(PLAN, { id: planId }, w.preparer.token)).lessonPlan;
      expect([team.version, team.status, team.title, team.viewerSeesDrafts, team.publishedVersion]).toEqual([5, 'DRAFT', '分数的意义（修订中）', true, 4]);
      expect(team.revisions).toHaveLength(5);
      for (const token of [w.reader.token, w.member2Admin.token, w.manager.token, w.countyAdmin.token, w.cityAdmin.token]) {
        const p = (await t.ok(PLAN, { id: planId }, token)).lessonPlan;
        expect([p.version, p.status, p.title, p.viewerSeesDrafts]).toEqual([4, 'PUBLISHED', '分数的意义', false]);
        expect(p.revisions.map((r: any) => r.version)).toEqual([4]); // published versions only
        expect(p.content).toBe(CONTENT_V2 + '\n板书：分数的意义');
        expect(p.comments).toEqual([]); // the team's comments were on drafts
      }
      for (const token of [w.outsider.token, w.outsideAdmin.token, w.otherManager.token, w.otherCountyAdmin.token, w.farTeacher.token])
        expect(await t.gql(PLAN, { id: planId }, token)).toMatchObject({ data: { lessonPlan: null } }); // hidden: answered like an unknown id
      expect(codeOf(await t.gql(DIFF, { id: planId, a: 4, b: 5 }, w.reader.token))).toBe('BAD_USER_INPUT'); // version 5 is not published
      expect((await t.ok(PLANS, { f: {} }, w.outsider.token)).lessonPlans.totalCount).toBe(0);
      expect((await t.ok(PLANS, { f: {} }, w.reader.token)).lessonPlans.edges.map((e: any) => [e.node.id, e.node.version])).toEqual([[planId, 4]]);

      // a draft nobody published stays with the team
      const draft = (await t.ok(CREATE_PLAN, { i: { teamId, title: '分数的基本性质', content: '草稿' } }, w.preparer.token)).createLessonPlan;
      expect((await t.ok(PLAN, { id: draft.id }, w.reader.token)).lessonPlan).toBeNull(); // hidden: answered like an unknown id
      expect((await t.ok(PLAN, { id: draft.id }, w.manager.token)).lessonPlan).toBeNull();
      expect((await t.ok(PLANS, { f: { teamId } }, w.reader.token)).lessonPlans.totalCount).toBe(1);
      expect((await t.ok(PLANS, { f: { teamId } }, w.colleague.token)).lessonPlans.totalCount).toBe(2);
      // a former member no longer sees the drafts
      await t.ok(REMOVE_MEMBER, { team: teamId, t: w.colleague.id }, w.leader.token);
      expect((await t.ok(PLAN, { id: draft.id }, w.colleague.token)).lessonPlan).toBeNull(); // hidden: answered like an unknown id
      expect((await t.ok(PLAN, { id: planId }, w.colleague.token)).lessonPlan.version).toBe(4);
    });
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
      expect(await count('lesson_plan_adoption')).toBe(0);

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

  describe('live', () => {
    const subscribe = (token: string, id: string) => {
      const client = createClient({ url: t.url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
      wsClients.push(client);
      const got: any[] = [];
      const errors: any[] = [];
      client.subscribe(
        { query: `subscription($id: ID!) { lessonPlanEvents(planId: $id) { planId type version status commentId actorUserId } }`, variables: { id } },
        { next: (m) => (m.errors ? errors.push(m.errors) : got.push(m.data!.lessonPlanEvents)), error: (e) => errors.push(e), complete: () => undefined },
      );
      return { got, errors };
    };
    const until = async (what: () => boolean, label: string) => {
      for (let i = 0; i < 500 && !what(); i++) await new Promise((r) => setTimeout(r, 20));
      if (!what()) throw new Error(`timed out waiting for ${label}`);
    };
    /** Comments on the published version until the subscriber sees one: from then on, it is attached. */
    /**
     * Comments on the published version until the subscriber sees an event: from then on, it is attached. Every
     * subscriber of the plan gets these probes too, at its own pace (access is checked per event), so the
     * assertions below look at `seen(sub)`, the events other than probes.
     */
    const probes = new Set<string>();
    const attach = async (sub: { got: any[] }, token: string, version: number) => {
      for (let i = 0; i < 50 && !sub.got.length; i++) {
        probes.add((await t.ok(COMMENT, { i: { planId, version, text: `连接确认 ${i}` } }, token)).commentOnLessonPlan.id);
        await until(() => sub.got.length > 0, 'the first event').catch(() => undefined);
      }
      expect(sub.got.length).toBeGreaterThan(0);
    };
    const seen = (sub: { got: any[] }) => sub.got.filter((e) => !probes.has(e.commentId));

    it('streams plan changes: the team sees everything, readers what concerns published versions, outsiders nothing', async () => {
      const team = subscribe(w.preparer.token, planId);
      const reader = subscribe(w.reader.token, planId);
      await attach(team, w.preparer.token, 6);
      await attach(reader, w.reader.token, 6);

      const v = (await t.ok(UPDATE_PLAN, { id: planId, v: 6, i: { objectives: '理解分数的意义，会用分数表示' } }, w.leader.token)).updateLessonPlan.version;
      const c = (await t.ok(COMMENT, { i: { planId, version: v, text: '目标改得好' } }, w.preparer.token)).commentOnLessonPlan;
      await t.ok(SUBMIT, { id: planId }, w.preparer.token);
      await t.ok(REVIEW, { id: planId, ok: true }, w.leader.token);
      await t.ok(PUBLISH, { id: planId }, w.leader.token);
      await until(() => seen(team).length >= 5 && seen(reader).length >= 1, 'the events');
      expect(seen(team).map((e) => [e.type, e.version, e.status])).toEqual([
        ['PLAN_UPDATED', 7, 'DRAFT'],
        ['COMMENT_ADDED', 7, 'DRAFT'],
        ['STATUS_CHANGED', 7, 'IN_REVIEW'],
        ['STATUS_CHANGED', 7, 'APPROVED'],
        ['STATUS_CHANGED', 7, 'PUBLISHED'],
      ]);
      expect(seen(team)[0].actorUserId).toBe(w.leader.userId);
      expect(seen(team)[1].commentId).toBe(c.id);
      expect(seen(reader).map((e) => [e.type, e.version, e.status])).toEqual([['STATUS_CHANGED', 7, 'PUBLISHED']]);

      const outsider = subscribe(w.outsider.token, planId);
      await until(() => outsider.errors.length > 0, 'the refusal');
      expect(JSON.stringify(outsider.errors)).toContain('NOT_FOUND'); // hidden: answered like an unknown id
    });

    it('stops sending draft events to a member who left the team (access is checked per event)', async () => {
      await t.ok(ADD_MEMBER, { team: teamId, t: w.colleague.id }, w.leader.token);
      const sub = subscribe(w.colleague.token, planId);
      await attach(sub, w.colleague.token, 7);
      await t.ok(UPDATE_PLAN, { id: planId, v: 7, i: { unit: '第四单元 分数的意义和性质（修订）' } }, w.leader.token);
      await until(() => seen(sub).length >= 1, 'the draft event while a member');
      expect(seen(sub).map((e) => e.type)).toEqual(['PLAN_UPDATED']);
      await t.ok(REMOVE_MEMBER, { team: teamId, t: w.colleague.id }, w.leader.token);
      await t.ok(UPDATE_PLAN, { id: planId, v: 8, i: { unit: '第四单元 分数的意义和性质' } }, w.leader.token); // a draft event: no longer theirs
      await t.ok(COMMENT, { i: { planId, version: 7, text: '发布版的评论' } }, w.reader.token); // on the published version: still theirs
      await until(() => seen(sub).length >= 2, 'the published event');
      expect(seen(sub).map((e) => [e.type, e.version])).toEqual([
        ['PLAN_UPDATED', 8],
        ['COMMENT_ADDED', 9],
      ]);
    });

    it('reaches the room of a live collective-preparation session the plan is linked to', async () => {
      const session = {
        groupId: w.group.id,
        hostSchoolId: w.lead.id,
        title: '五年级数学集体备课：分数的意义',
        type: 'COLLECTIVE_PREP',
        mode: 'ONLINE',
        startsAt: '2027-03-02T06:00:00.000Z',
        endsAt: '2027-03-02T08:00:00.000Z',
        invitedSchoolIds: [w.member.id],
      };
      const SCHEDULE = `mutation($i: ScheduleResearchSessionInput!) { scheduleResearchSession(input: $i) { id lessonPlans { id } } }`;
      const foreign = (await t.ok(CREATE_TEAM, { i: { ...teamInput(), groupId: w.otherGroup.id, leaderTeacherId: w.farTeacher.id, memberTeacherIds: [] } }, w.otherManager.token)).createLessonPrepTeam;
      const foreignPlan = (await t.ok(CREATE_PLAN, { i: { teamId: foreign.id, title: '分数的意义', content: '广水' } }, w.farTeacher.token)).createLessonPlan;
      const bad = await t.gql(SCHEDULE, { i: { ...session, lessonPlanIds: [planId, foreignPlan.id] } }, w.manager.token);
      expect([codeOf(bad), field(bad)]).toEqual(['BAD_USER_INPUT', 'lessonPlanIds.1']);
      const s = (await t.ok(SCHEDULE, { i: { ...session, lessonPlanIds: [planId] } }, w.manager.token)).scheduleResearchSession;
      expect(s.lessonPlans).toEqual([{ id: planId }]);
      await t.ok(`mutation($id: ID!) { startResearchSession(id: $id) { status } }`, { id: s.id }, w.manager.token);

      const room = await LiveClient.connect(t.url, w.preparer.token);
      sockets.push(room);
      expect((await room.request('session:join', { sessionId: s.id, afterSeq: 0 })).ok).toBe(true);
      await t.ok(UPDATE_PLAN, { id: planId, v: 9, i: { keyPoints: '重点：分数的意义；难点：单位“1”的理解' } }, w.leader.token);
      const events = await room.waitFor((es) => es.some((e) => e.type === 'LESSON_PLAN_EVENT'));
      const e = events.find((x: LiveEvent) => x.type === 'LESSON_PLAN_EVENT')!;
      expect(e.payload).toMatchObject({ planId, event: 'PLAN_UPDATED', version: 10, status: 'DRAFT', title: '分数的意义' });
      // the event is in the session's log, in order with the rest
      const [logged] = await t.sql(`SELECT count(*)::int AS n FROM session_event WHERE session_id = $1 AND type = 'LESSON_PLAN_EVENT'`, [s.id]);
      expect(logged.n).toBe(1);
    });
  });

  describe('archive', () => {
    it('is for the leader or a group manager; an archived plan is read-only', async () => {
      expect(codeOf(await t.gql(`mutation($id: ID!) { archiveLessonPlan(id: $id) { status } }`, { id: planId }, w.preparer.token))).toBe('FORBIDDEN');
      expect((await t.ok(`mutation($id: ID!) { archiveLessonPlan(id: $id) { status } }`, { id: planId }, w.manager.token)).archiveLessonPlan.status).toBe('ARCHIVED');
      const frozen = await t.gql(UPDATE_PLAN, { id: planId, v: 10, i: { title: '归档后' } }, w.leader.token);
      expect(codeOf(frozen)).toBe('CONFLICT');
      expect(codeOf(await t.gql(ADAPT, { id: planId }, w.colleague.token))).toBe('CONFLICT');
      expect((await t.sql(`SELECT version FROM lesson_plan WHERE id = $1`, [planId]))[0].version).toBe(10);
    });
  });
});
