import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { consortiumWorld, type ConsortiumWorld } from './support/consortium-world';
import { ADD_MEMBER, COMMENT, CONTENT_V1, CONTENT_V2, count, CREATE_PLAN, CREATE_TEAM, DIFF, field, PLAN, planInput, PLANS, PUBLISH, REMOVE_MEMBER, RESOLVE, REVIEW, SUBMIT, TEAM, teamInput, UPDATE_PLAN } from './support/lesson-prep';
import { codeOf, TestApp } from './support/test-app';

/**
 * Collective lesson preparation (集体备课), end to end over HTTP and websockets on a real Postgres:
 * teams, versioned plans with optimistic locking, diffs, comments, review, publication and who sees what. The
 * story goes on in lesson-prep-adaptations (二次备课, 同上课, search) and lesson-prep-live (plan events, archive).
 */

describe('collective lesson preparation (集体备课): teams, plans, comments, review', () => {
  let t: TestApp;
  let w: ConsortiumWorld;
  beforeAll(async () => {
    t = await TestApp.start();
    w = await consortiumWorld(t);
  });
  afterAll(async () => {
    await t?.stop();
  });

  let teamId: string;
  let planId: string;

  describe('teams', () => {
    it('are formed by group managers from teachers of the group’s member schools only', async () => {
      expect(codeOf(await t.gql(CREATE_TEAM, { i: teamInput(w) }, w.leader.token))).toBe('FORBIDDEN'); // teachers do not form teams
      expect(codeOf(await t.gql(CREATE_TEAM, { i: teamInput(w) }, w.otherManager.token))).toBe('FORBIDDEN'); // another group's manager
      expect(codeOf(await t.gql(CREATE_TEAM, { i: teamInput(w) }, w.otherCountyAdmin.token))).toBe('FORBIDDEN');
      const outsider = await t.gql(CREATE_TEAM, { i: teamInput(w, { memberTeacherIds: [w.preparer.id, w.outsider.id] }) }, w.manager.token);
      expect(codeOf(outsider)).toBe('BAD_USER_INPUT');
      expect(field(outsider)).toBe('memberTeacherIds.1');
      const badLeader = await t.gql(CREATE_TEAM, { i: teamInput(w, { leaderTeacherId: w.farTeacher.id }) }, w.manager.token);
      expect([codeOf(badLeader), field(badLeader)]).toEqual(['BAD_USER_INPUT', 'leaderTeacherId']);
      const invalid = await t.gql(CREATE_TEAM, { i: teamInput(w, { name: '', memberTeacherIds: ['not-a-uuid'] }) }, w.manager.token);
      expect(codeOf(invalid)).toBe('BAD_USER_INPUT');
      expect(await count(t, 'lesson_prep_team')).toBe(0); // nothing half-made

      const r = await t.ok(CREATE_TEAM, { i: teamInput(w) }, w.manager.token);
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
      const base = planInput(teamId);
      expect(codeOf(await t.gql(CREATE_PLAN, { i: base }, w.reader.token))).toBe('FORBIDDEN'); // in the group, not in the team
      expect(codeOf(await t.gql(CREATE_PLAN, { i: base }, w.manager.token))).toBe('FORBIDDEN'); // teachers write plans
      const badGrade = await t.gql(CREATE_PLAN, { i: { ...base, grade: '六年级' } }, w.preparer.token);
      expect([codeOf(badGrade), field(badGrade)]).toEqual(['BAD_USER_INPUT', 'grade']);
      const badPreparer = await t.gql(CREATE_PLAN, { i: { ...base, mainPreparerTeacherId: w.reader.id } }, w.preparer.token);
      expect([codeOf(badPreparer), field(badPreparer)]).toEqual(['BAD_USER_INPUT', 'mainPreparerTeacherId']);
      const badUrl = await t.gql(CREATE_PLAN, { i: { ...base, resources: [{ title: '课件', url: 'javascript:alert(1)' }] } }, w.preparer.token);
      expect(codeOf(badUrl)).toBe('BAD_USER_INPUT');
      expect(await count(t, 'lesson_plan')).toBe(0);

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
      expect(await count(t, 'lesson_plan_revision')).toBe(2);
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
      expect(await count(t, 'lesson_plan_comment')).toBe(3);

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
});
