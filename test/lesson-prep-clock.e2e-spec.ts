import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ExpectedIds, fixedClock, Principal, RequestContext, Role } from '#app/core';
import { IdentityService } from '#app/identity';
import { LessonPlansService, PlanAdoptionsService, PlanCommentsService } from '#app/lesson-prep';
import { TeamsService } from '#app/lesson-prep';
import { consortiumWorld, type ConsortiumWorld } from './support/consortium-world';
import { codeOf, TestApp } from './support/test-app';

/**
 * Lesson preparation records the time of its facts from the request's clock (ctx.now(), ctx.today() in China), so
 * history can be played at its own dates (the demo) instead of back-dating rows; its rows take the ids the request
 * context supplies (the demo keeps its deterministic ids), and people without an account act through a principal
 * built for them.
 */
describe('lesson preparation on the request clock', () => {
  let t: TestApp;
  let w: ConsortiumWorld;
  beforeAll(async () => {
    t = await TestApp.start();
    w = await consortiumWorld(t);
  });
  afterAll(async () => {
    await t?.stop();
  });

  /** A context for the user, its clock standing at `at`. */
  const as = async (userId: string, at: string) => new RequestContext(t.db.manager, await t.app.get(IdentityService).resolve(userId)).withClock(fixedClock(at));

  it('dates memberships, versions, review, publication and the future-check of adoptions by the clock', async () => {
    const teams = t.app.get(TeamsService);
    const plans = t.app.get(LessonPlansService);
    const adoptions = t.app.get(PlanAdoptionsService);
    const team = await teams.create(await as(w.manager.id, '2024-09-01T01:00:00Z'), {
      groupId: w.group.id,
      name: '四年级英语集体备课组',
      subject: '英语',
      grade: '四年级',
      leaderTeacherId: w.leader.id,
      memberTeacherIds: [w.preparer.id, w.colleague.id],
    });
    await teams.removeMember(await as(w.leader.userId, '2024-10-08T02:00:00Z'), team.id, w.colleague.id);
    const members = await t.sql(`SELECT teacher_id, joined_at, left_at FROM lesson_prep_team_member WHERE team_id = $1 ORDER BY left_at NULLS FIRST`, [team.id]);
    expect(members.map((m) => m.joined_at.toISOString())).toEqual(Array(3).fill('2024-09-01T01:00:00.000Z'));
    expect(members[2]).toMatchObject({ teacher_id: w.colleague.id, left_at: new Date('2024-10-08T02:00:00Z') });

    const plan = await plans.create(await as(w.preparer.userId, '2024-09-02T01:00:00Z'), { teamId: team.id, title: 'Unit 1 Our school', content: 'Warm-up' });
    await plans.update(await as(w.preparer.userId, '2024-09-03T01:00:00Z'), plan.id, 1, { content: 'Warm-up\nPresentation' });
    await plans.submit(await as(w.preparer.userId, '2024-09-03T02:00:00Z'), plan.id);
    await plans.review(await as(w.leader.userId, '2024-09-04T01:00:00Z'), plan.id, true);
    // 23:30 in UTC is the next morning in China: the plan counts as published on 9 September
    await plans.publish(await as(w.leader.userId, '2024-09-08T23:30:00Z'), plan.id);
    const [row] = await t.sql(`SELECT reviewed_at, first_published_at FROM lesson_plan WHERE id = $1`, [plan.id]);
    expect(row.reviewed_at).toEqual(new Date('2024-09-04T01:00:00Z'));
    expect(row.first_published_at).toEqual(new Date('2024-09-08T23:30:00Z'));
    const [rev] = await t.sql(`SELECT published_at FROM lesson_plan_revision WHERE plan_id = $1 AND version = 2`, [plan.id]);
    expect(rev.published_at).toEqual(new Date('2024-09-08T23:30:00Z'));

    const lesson = { planId: plan.id, schoolId: w.member.id, teacherId: w.preparer.id, className: '四年级（2）班' };
    const early = await as(w.preparer.userId, '2024-09-12T04:00:00Z'); // 12 September in China
    // the service checks the day before it opens a transaction: a synchronous throw
    const attempt = (taughtOn: string) => Promise.resolve().then(() => adoptions.recordAdoption(early, { ...lesson, taughtOn }));
    await expect(attempt('2024-09-13')).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'taughtOn' }); // after the clock's today
    await expect(attempt('2024-09-08')).rejects.toMatchObject({ field: 'taughtOn' }); // before it was published (China day)
    expect((await adoptions.recordAdoption(early, { ...lesson, taughtOn: '2024-09-12' })).version).toBe(2);
  });

  const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const ctxOf = (p: Principal, at: string, ids: ExpectedIds) => new RequestContext(t.db.manager, p).withClock(fixedClock(at)).withIds(ids);
  const account = async (userId: string) => (await t.app.get(IdentityService).resolve(userId))!;

  it('creates teams, members, plans, revisions, comments and adoptions with the ids given, at the clock’s instants', async () => {
    const teams = t.app.get(TeamsService);
    const plans = t.app.get(LessonPlansService);
    const comments = t.app.get(PlanCommentsService);
    const adoptions = t.app.get(PlanAdoptionsService);
    // a manager and a teacher who have no account
    const manager = Principal.withoutAccount(null, [{ role: Role.GROUP_MANAGER, scopeId: w.group.id }]);
    const preparer = Principal.withoutAccount(w.preparer.id, [{ role: Role.TEACHER, scopeId: null }]);

    const formed = new ExpectedIds().expect('lesson_prep_team', ID(1)).expect('lesson_prep_team_member', ID(2), ID(3));
    const team = await teams.create(ctxOf(manager, '2024-09-01T01:00:00Z', formed), {
      groupId: w.group.id,
      name: '三年级语文集体备课组',
      subject: '语文',
      grade: '三年级',
      leaderTeacherId: w.leader.id,
      memberTeacherIds: [w.preparer.id],
    });
    expect([team.id, formed.left()]).toEqual([ID(1), []]);
    const members = await t.sql(`SELECT id, teacher_id, added_by FROM lesson_prep_team_member WHERE team_id = $1 ORDER BY id`, [team.id]);
    expect(members).toEqual([
      { id: ID(2), teacher_id: w.leader.id, added_by: null },
      { id: ID(3), teacher_id: w.preparer.id, added_by: null },
    ]);
    const [teamRow] = await t.sql(`SELECT created_by, created_at, updated_at FROM lesson_prep_team WHERE id = $1`, [team.id]);
    expect(teamRow).toEqual({ created_by: null, created_at: new Date('2024-09-01T01:00:00Z'), updated_at: new Date('2024-09-01T01:00:00Z') });

    const plan = await plans.create(ctxOf(preparer, '2024-09-02T01:00:00Z', new ExpectedIds().expect('lesson_plan', ID(4))), { teamId: team.id, title: '秋天的雨', content: '一、导入\n二、朗读' });
    expect(plan.id).toBe(ID(4));
    await plans.submit(ctxOf(preparer, '2024-09-03T01:00:00Z', new ExpectedIds()), plan.id);
    const [planRow] = await t.sql(`SELECT created_by, created_at, updated_at FROM lesson_plan WHERE id = $1`, [plan.id]);
    expect(planRow).toEqual({ created_by: null, created_at: new Date('2024-09-02T01:00:00Z'), updated_at: new Date('2024-09-03T01:00:00Z') });
    const [rev] = await t.sql(`SELECT author_user_id, author_teacher_id, created_at FROM lesson_plan_revision WHERE plan_id = $1`, [plan.id]);
    expect(rev).toEqual({ author_user_id: null, author_teacher_id: w.preparer.id, created_at: new Date('2024-09-02T01:00:00Z') });

    // a comment is signed by an account: the teacher without one cannot comment, the leader can
    const note = { planId: plan.id, version: 1, text: '朗读部分再细化一些' };
    await expect(comments.comment(ctxOf(preparer, '2024-09-03T02:00:00Z', new ExpectedIds().expect('lesson_plan_comment', ID(5))), note)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const leader = await account(w.leader.userId);
    const comment = await comments.comment(ctxOf(leader, '2024-09-03T03:00:00Z', new ExpectedIds().expect('lesson_plan_comment', ID(5))), note);
    expect([comment.id, comment.createdAt]).toEqual([ID(5), new Date('2024-09-03T03:00:00Z')]);

    await plans.review(ctxOf(leader, '2024-09-04T01:00:00Z', new ExpectedIds()), plan.id, true);
    await plans.publish(ctxOf(leader, '2024-09-04T02:00:00Z', new ExpectedIds()), plan.id);
    const lesson = { planId: plan.id, schoolId: w.member.id, teacherId: w.preparer.id, taughtOn: '2024-09-05', className: '三(1)班' };
    const adoption = await adoptions.recordAdoption(ctxOf(preparer, '2024-09-05T09:30:00Z', new ExpectedIds().expect('lesson_plan_adoption', ID(6))), lesson);
    expect([adoption.id, adoption.createdAt, adoption.recordedBy]).toEqual([ID(6), new Date('2024-09-05T09:30:00Z'), null]);
  });

  it('refuses to create a row no id was given for, and writes nothing', async () => {
    const [{ id: teamId }] = await t.sql(`SELECT id FROM lesson_prep_team WHERE name = '三年级语文集体备课组'`);
    const preparer = Principal.withoutAccount(w.preparer.id, [{ role: Role.TEACHER, scopeId: null }]);
    const attempt = t.app.get(LessonPlansService).create(ctxOf(preparer, '2024-09-06T01:00:00Z', new ExpectedIds()), { teamId, title: '听听，秋的声音', content: '一、导入' });
    await expect(attempt).rejects.toThrow('no id expected for a new lesson_plan row');
    expect(await t.sql(`SELECT id FROM lesson_plan WHERE title = '听听，秋的声音'`)).toEqual([]);
  });

  it('records a lesson for the school the teacher worked at on the day taught (a transfer counts from its date)', async () => {
    const [plan] = await t.sql(`SELECT id FROM lesson_plan WHERE title = 'Unit 1 Our school'`);
    const today = new RequestContext(t.db.manager, null).today();
    await t.ok(`mutation($id: ID!, $to: ID!) { transferTeacher(teacherId: $id, toSchoolId: $to) { id } }`, { id: w.colleague.id, to: w.member2.id }, w.countyAdmin.token);
    const record = (schoolId: string, taughtOn: string) =>
      t.gql(`mutation($i: RecordAdoptionInput!) { recordLessonPlanAdoption(input: $i) { taughtOn } }`, { i: { planId: plan.id, schoolId, teacherId: w.colleague.id, taughtOn, className: '四(1)班' } }, w.colleague.token);
    // before the transfer: at the school they worked at then, not at the one they went to
    expect(codeOf(await record(w.member.id, '2024-09-20'))).toBe('OK');
    const early = await record(w.member2.id, '2024-09-20');
    expect([codeOf(early), early.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', 'teacherId']);
    // from the transfer's day: at the new school only
    expect(codeOf(await record(w.member2.id, today))).toBe('OK');
    expect(codeOf(await record(w.member.id, today))).toBe('BAD_USER_INPUT');
  });

  it('makes random ids by default', async () => {
    const ctx = new RequestContext(t.db.manager, await account(w.leader.userId));
    expect(ctx.newId('lesson_plan')).not.toBe(ctx.newId('lesson_plan'));
  });
});
