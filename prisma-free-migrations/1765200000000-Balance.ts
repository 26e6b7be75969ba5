import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 优质均衡 (county balance, 教督〔2017〕6号): what its resource indicators are computed from. Teachers get their highest
 * education, backbone level and whether they are full-time teaching staff (专任教师); schools get facility figures per
 * school year and their students per term by stage part (a nine-year school counts its primary and junior parts
 * apart).
 */
export class Balance1765200000000 implements MigrationInterface {
  name = 'Balance1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE teacher
        ADD COLUMN education_level varchar(16) CHECK (education_level IN ('SECONDARY','JUNIOR_COLLEGE','BACHELOR','MASTER','DOCTOR')),
        ADD COLUMN backbone_level varchar(10) CHECK (backbone_level IN ('COUNTY','CITY','PROVINCE','NATIONAL')),
        ADD COLUMN full_time boolean NOT NULL DEFAULT true`);
    await q.query(`
      CREATE TABLE school_facilities (
        school_id uuid NOT NULL REFERENCES school(id),
        year int NOT NULL CHECK (year BETWEEN 1990 AND 2100),
        building_area numeric(12,2) NOT NULL CHECK (building_area >= 0),
        sports_area numeric(12,2) NOT NULL CHECK (sports_area >= 0),
        equipment_value numeric(14,2) NOT NULL CHECK (equipment_value >= 0),
        multimedia_rooms int NOT NULL CHECK (multimedia_rooms >= 0),
        updated_by uuid REFERENCES app_user(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (school_id, year)
      )`);
    await q.query(`
      CREATE TABLE school_enrolment (
        school_id uuid NOT NULL REFERENCES school(id),
        year int NOT NULL CHECK (year BETWEEN 1990 AND 2100),
        term varchar(6) NOT NULL CHECK (term IN ('AUTUMN','SPRING')),
        primary_students int NOT NULL CHECK (primary_students >= 0),
        junior_students int NOT NULL CHECK (junior_students >= 0),
        senior_students int NOT NULL CHECK (senior_students >= 0),
        source varchar(8) NOT NULL CHECK (source IN ('EDIT','IMPORT','SNAPSHOT')),
        updated_by uuid REFERENCES app_user(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (school_id, year, term)
      )`);
    // who counted at a school on a day: its assignment history and the exchanges hosted there
    await q.query(`CREATE INDEX teacher_assignment_school_idx ON teacher_assignment (school_id)`);
    await q.query(`CREATE INDEX teacher_exchange_host_idx ON teacher_exchange (to_school_id, starts_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX teacher_exchange_host_idx`);
    await q.query(`DROP INDEX teacher_assignment_school_idx`);
    await q.query(`DROP TABLE school_enrolment`);
    await q.query(`DROP TABLE school_facilities`);
    await q.query(`ALTER TABLE teacher DROP COLUMN full_time, DROP COLUMN backbone_level, DROP COLUMN education_level`);
  }
}
