import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two things the dashboards read faster with (issue: reports):
 * - a revision per group, changed in every transaction that changes the group's rollup rows (G, S, g, s), so an
 *   API instance may keep a group's figures in memory and know, with one indexed row read, whether they are still
 *   current. The value is the writing transaction's id: it never repeats.
 * - region rows per month (scope r, day = the 1st), as groups already have: a region's stock on a date (covered
 *   schools, consortia...) sums the month rows before that month and the day rows in it, not every day since
 *   records began. Existing region rows are copied.
 */
export class RollupRevisionsAndRegionMonths1764300000000 implements MigrationInterface {
  name = 'RollupRevisionsAndRegionMonths1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE group_rollup_revision (
        group_id uuid PRIMARY KEY,
        revision bigint NOT NULL
      )`);
    await q.query(`ALTER TABLE activity_rollup DROP CONSTRAINT activity_rollup_scope_check`);
    await q.query(`ALTER TABLE activity_rollup ADD CONSTRAINT activity_rollup_scope_check CHECK (scope IN ('G','S','R','g','s','r'))`);
    await q.query(`
      INSERT INTO activity_rollup (scope, scope_id, school_id, day, metric, key, value)
      SELECT 'r', scope_id, school_id, date_trunc('month', day)::date, metric, key, sum(value)
        FROM activity_rollup WHERE scope = 'R' GROUP BY 2, 3, 4, 5, 6`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM activity_rollup WHERE scope = 'r'`);
    await q.query(`ALTER TABLE activity_rollup DROP CONSTRAINT activity_rollup_scope_check`);
    await q.query(`ALTER TABLE activity_rollup ADD CONSTRAINT activity_rollup_scope_check CHECK (scope IN ('G','S','R','g','s'))`);
    await q.query(`DROP TABLE IF EXISTS group_rollup_revision`);
  }
}
