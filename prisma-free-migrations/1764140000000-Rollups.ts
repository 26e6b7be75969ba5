import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Counters for dashboards, kept in the transaction of the records they count (issue: reports). */
export class Rollups1764140000000 implements MigrationInterface {
  name = 'Rollups1764140000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE activity_rollup (
        -- G group totals, S group × school, R region (each ancestor); g and s: the same as G and S per month (day = the 1st)
        scope char(1) NOT NULL CHECK (scope IN ('G','S','R','g','s')),
        scope_id uuid NOT NULL,
        school_id uuid NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000',
        day date NOT NULL,
        metric varchar(40) NOT NULL,
        key varchar(40) NOT NULL DEFAULT '',
        value bigint NOT NULL,
        -- metric before day: every dashboard question is a day range of a few metrics of one scope
        PRIMARY KEY (scope, scope_id, metric, day, key, school_id)
      )`);
    await q.query(`
      CREATE TABLE coverage_target (
        region_id uuid NOT NULL REFERENCES region(id),
        year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        ratio double precision NOT NULL CHECK (ratio >= 0 AND ratio <= 1),
        set_by uuid REFERENCES app_user(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (region_id, year)
      )`);
    // uncovered-school lists: active consortium memberships by school
    await q.query(`CREATE INDEX group_membership_consortium_idx ON group_membership (school_id, joined_on, left_on) WHERE group_kind = 'CONSORTIUM'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS group_membership_consortium_idx`);
    await q.query(`DROP TABLE IF EXISTS coverage_target`);
    await q.query(`DROP TABLE IF EXISTS activity_rollup`);
  }
}
