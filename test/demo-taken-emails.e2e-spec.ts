import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { seedDemo } from '../apps/api/src/demo/seed-demo';
import { TestApp } from './support/test-app';

/**
 * Accounts someone already created with demo emails are left alone; the lesson preparation story is then played
 * for those people without an account (nothing they write records one, and the comments they signed are left out).
 */
describe('demo data where demo emails are taken', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('loads, and plays the story of 周文华 (teacher@) and the group manager (manager@) without their demo accounts', async () => {
    const teacher = await t.user('TEACHER', null, { email: 'teacher@demo.school-groups.cn' });
    const manager = await t.user(undefined, null, { email: 'manager@demo.school-groups.cn' });
    const summary = await seedDemo(t.app);
    expect(summary).toMatchObject({ created: true, lessonPrepTeams: 4, lessonPlans: 20, lessonPlanAdoptions: 35 });
    const [zhou] = await t.sql(`SELECT id FROM teacher WHERE name = '周文华'`);
    const [rows] = await t.sql(
      `SELECT (SELECT count(*) FROM lesson_plan_revision WHERE author_teacher_id = $1)::int revisions,
              (SELECT count(*) FROM lesson_plan_revision WHERE author_teacher_id = $1 AND author_user_id IS NOT NULL)::int signed,
              (SELECT count(*) FROM lesson_plan_comment WHERE author_user_id = ANY($2::uuid[]))::int taken,
              (SELECT count(*) FROM lesson_plan_comment)::int comments,
              (SELECT count(*) FROM lesson_prep_team WHERE created_by IS NOT NULL)::int created_by_account`,
      [zhou.id, [teacher.id, manager.id]],
    );
    // his revisions are there, unsigned; none of the other accounts' rows; only the comments of 陈雨萱 (teacher2@) remain
    expect(rows).toMatchObject({ signed: 0, taken: 0, created_by_account: 0 });
    expect(rows.revisions).toBeGreaterThan(0);
    expect(rows.comments).toBeGreaterThan(0);
    expect(rows.comments).toBeLessThan(8);
  });
});
