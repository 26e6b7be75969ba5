import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A group's profile history (mode and level from a date: a provincial pilot becomes a provincial demonstration, 省级
 *试点 → 省级示范), its dissolution date (撤销, history kept), and cross-region co-built consortia (跨区域共建型教联体),
 * whose members may be schools of other regions (each counted in its own region's coverage).
 */
export class GroupProfiles1764700000000 implements MigrationInterface {
  name = 'GroupProfiles1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE school_group_profile (
        group_id uuid NOT NULL REFERENCES school_group(id),
        valid_from date NOT NULL,
        mode varchar(20) CHECK (mode IN ('FUSED','CO_BUILT','FUSED_AND_CO_BUILT')),
        level varchar(30) CHECK (level IN ('PROVINCIAL_DEMONSTRATION','PROVINCIAL_PILOT','MUNICIPAL_DEMONSTRATION','MUNICIPAL_PILOT','COUNTY_PILOT')),
        changed_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (group_id, valid_from)
      )`);
    await q.query(`INSERT INTO school_group_profile (group_id, valid_from, mode, level, created_at) SELECT id, founded_on, mode, level, created_at FROM school_group`);
    await q.query(`ALTER TABLE school_group ADD COLUMN dissolved_on date`);
    await q.query(`UPDATE school_group SET dissolved_on = founded_on WHERE status = 'DISSOLVED'`);
    await q.query(`ALTER TABLE school_group ADD CONSTRAINT school_group_dissolved_check CHECK ((status = 'DISSOLVED') = (dissolved_on IS NOT NULL) AND (dissolved_on IS NULL OR dissolved_on >= founded_on))`);
    await q.query(`ALTER TABLE school_group ADD COLUMN cross_region boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE school_group ADD CONSTRAINT school_group_cross_region_check CHECK (NOT cross_region OR (kind = 'CONSORTIUM' AND mode IN ('CO_BUILT','FUSED_AND_CO_BUILT')))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE school_group DROP CONSTRAINT school_group_cross_region_check`);
    await q.query(`ALTER TABLE school_group DROP COLUMN cross_region`);
    await q.query(`ALTER TABLE school_group DROP CONSTRAINT school_group_dissolved_check`);
    await q.query(`ALTER TABLE school_group DROP COLUMN dissolved_on`);
    await q.query(`DROP TABLE school_group_profile`);
  }
}
