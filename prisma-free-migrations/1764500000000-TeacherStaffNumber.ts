import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * teacher.staff_no (教职工号): the number a county's staff records know a teacher by; the natural key of the teachers
 * import (with name + school for teachers without one). Unique where given.
 */
export class TeacherStaffNumber1764500000000 implements MigrationInterface {
  name = 'TeacherStaffNumber1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE teacher ADD COLUMN staff_no varchar(30)`);
    await q.query(`CREATE UNIQUE INDEX teacher_staff_no_key ON teacher (staff_no) WHERE staff_no IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX teacher_staff_no_key`);
    await q.query(`ALTER TABLE teacher DROP COLUMN staff_no`);
  }
}
