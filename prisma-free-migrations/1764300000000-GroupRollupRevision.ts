import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A revision per group, changed in every transaction that changes the group's rollup rows (G, S, g, s), so an
 * API instance may keep a group's dashboard figures in memory and know, with one indexed row read, whether they
 * are still current (issue: reports). The value is the writing transaction's id: it never repeats.
 */
export class GroupRollupRevision1764300000000 implements MigrationInterface {
  name = 'GroupRollupRevision1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE group_rollup_revision (
        group_id uuid PRIMARY KEY,
        revision bigint NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS group_rollup_revision`);
  }
}
