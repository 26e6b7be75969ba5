import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Teacher exchanges (交流轮岗 / 走教送教 / 支教), joint student activities (学生活动) and rotation quotas
 * (issue: mentoring, exchanges, student activities).
 */
export class ExchangesAndActivities1764180000000 implements MigrationInterface {
  name = 'ExchangesAndActivities1764180000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE teacher_exchange (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        group_id uuid NOT NULL REFERENCES school_group(id),
        teacher_id uuid NOT NULL REFERENCES teacher(id),
        from_school_id uuid NOT NULL REFERENCES school(id),
        to_school_id uuid NOT NULL REFERENCES school(id),
        kind varchar(12) NOT NULL CHECK (kind IN ('ROTATION','TRAVELING','SUPPORT')),
        starts_on date NOT NULL,
        ends_on date,
        note varchar(1000),
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (from_school_id <> to_school_id),
        CHECK (ends_on IS NULL OR ends_on >= starts_on)
      )`);
    // A teacher has at most one open-ended exchange; overlapping periods are refused by the service.
    await q.query(`CREATE UNIQUE INDEX teacher_exchange_open_uq ON teacher_exchange (teacher_id) WHERE ends_on IS NULL`);
    await q.query(`CREATE INDEX teacher_exchange_teacher_idx ON teacher_exchange (teacher_id, starts_on)`);
    await q.query(`CREATE INDEX teacher_exchange_group_idx ON teacher_exchange (group_id, starts_on, id)`);
    await q.query(`CREATE INDEX teacher_exchange_from_idx ON teacher_exchange (from_school_id)`);
    await q.query(`CREATE INDEX teacher_exchange_to_idx ON teacher_exchange (to_school_id)`);
    await q.query(`CREATE INDEX teacher_exchange_starts_idx ON teacher_exchange (starts_on, id)`);

    await q.query(`
      CREATE TABLE student_activity (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        group_id uuid NOT NULL REFERENCES school_group(id),
        title varchar(200) NOT NULL,
        type varchar(20) NOT NULL CHECK (type IN ('SPORTS','ARTS','SCIENCE','READING','LABOUR','STUDY_TRIP','CLUB','OTHER')),
        participant_count int NOT NULL CHECK (participant_count >= 1),
        held_on date NOT NULL,
        description varchar(2000),
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX student_activity_group_idx ON student_activity (group_id, held_on, id)`);
    await q.query(`CREATE INDEX student_activity_held_idx ON student_activity (held_on, id)`);
    await q.query(`
      CREATE TABLE student_activity_school (
        activity_id uuid NOT NULL REFERENCES student_activity(id),
        school_id uuid NOT NULL REFERENCES school(id),
        PRIMARY KEY (activity_id, school_id)
      )`);
    await q.query(`CREATE INDEX student_activity_school_school_idx ON student_activity_school (school_id)`);

    // Rotation quotas per year, set for one group or one region (applies to the groups of its subtree).
    await q.query(`
      CREATE TABLE rotation_quota (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        group_id uuid REFERENCES school_group(id),
        region_id uuid REFERENCES region(id),
        year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        min_rotation_ratio double precision NOT NULL DEFAULT 0.1 CHECK (min_rotation_ratio >= 0 AND min_rotation_ratio <= 1),
        min_backbone_ratio double precision NOT NULL DEFAULT 0.2 CHECK (min_backbone_ratio >= 0 AND min_backbone_ratio <= 1),
        set_by uuid REFERENCES app_user(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (num_nonnulls(group_id, region_id) = 1)
      )`);
    await q.query(`CREATE UNIQUE INDEX rotation_quota_group_uq ON rotation_quota (group_id, year) WHERE group_id IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX rotation_quota_region_uq ON rotation_quota (region_id, year) WHERE region_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['rotation_quota', 'student_activity_school', 'student_activity', 'teacher_exchange']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
