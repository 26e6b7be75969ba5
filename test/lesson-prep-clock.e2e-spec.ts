import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fixedClock, RequestContext } from '#app/core';
import { IdentityService } from '#app/identity';
import { LessonPlansService, PlanAdoptionsService } from '#app/lesson-prep';
import { TeamsService } from '#app/lesson-prep';
import { consortiumWorld, type ConsortiumWorld } from './support/consortium-world';
import { TestApp } from './support/test-app';

/**
 * Lesson preparation records the time of its facts from the request's clock (ctx.now(), ctx.today() in China), so
 * history can be played at its own dates (the demo) instead of back-dating rows.
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
});
