import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Mentoring pairs (师徒结对), their activity log and evaluations; the group's mentor capacity. */
export class Mentoring1764170000000 implements MigrationInterface {
  name = 'Mentoring1764170000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE school_group ADD COLUMN mentor_capacity int NOT NULL DEFAULT 3 CHECK (mentor_capacity BETWEEN 1 AND 20)`);
    await q.query(`
      CREATE TABLE mentoring_pair (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        group_id uuid NOT NULL REFERENCES school_group(id),
        mentor_teacher_id uuid NOT NULL REFERENCES teacher(id),
        apprentice_teacher_id uuid NOT NULL REFERENCES teacher(id),
        subject varchar(20) NOT NULL,
        status varchar(12) NOT NULL CHECK (status IN ('PROPOSED','ACTIVE','DECLINED','COMPLETED','DISSOLVED')),
        proposed_by varchar(12) NOT NULL CHECK (proposed_by IN ('APPRENTICE','MENTOR','MANAGER')),
        proposed_by_user uuid REFERENCES app_user(id),
        goals varchar(200)[] NOT NULL DEFAULT '{}',
        planned_end_on date,
        response_note varchar(1000),
        activated_on date,
        ended_on date,
        evaluation text,
        dissolve_reason varchar(1000),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (mentor_teacher_id <> apprentice_teacher_id)
      )`);
    // one pending or active pair per mentor, apprentice and subject
    await q.query(`CREATE UNIQUE INDEX mentoring_pair_open_uq ON mentoring_pair (mentor_teacher_id, apprentice_teacher_id, subject) WHERE status IN ('PROPOSED','ACTIVE')`);
    await q.query(`CREATE INDEX mentoring_pair_group_idx ON mentoring_pair (group_id, status)`);
    await q.query(`CREATE INDEX mentoring_pair_mentor_idx ON mentoring_pair (mentor_teacher_id, status)`);
    await q.query(`CREATE INDEX mentoring_pair_apprentice_idx ON mentoring_pair (apprentice_teacher_id, status)`);
    await q.query(`
      CREATE TABLE mentoring_activity (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        pair_id uuid NOT NULL REFERENCES mentoring_pair(id),
        kind varchar(20) NOT NULL CHECK (kind IN ('MEETING','LESSON_OBSERVATION','FEEDBACK','DEMO_LESSON','OTHER')),
        occurred_on date NOT NULL,
        duration_minutes int CHECK (duration_minutes BETWEEN 1 AND 1440),
        notes text,
        logged_by_teacher_id uuid NOT NULL REFERENCES teacher(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX mentoring_activity_pair_idx ON mentoring_activity (pair_id, occurred_on)`);
    await q.query(`
      CREATE TABLE mentoring_evaluation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        pair_id uuid NOT NULL REFERENCES mentoring_pair(id),
        period varchar(20) NOT NULL,
        scores jsonb NOT NULL,
        comment varchar(2000),
        evaluated_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (pair_id, period)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS mentoring_evaluation`);
    await q.query(`DROP TABLE IF EXISTS mentoring_activity`);
    await q.query(`DROP TABLE IF EXISTS mentoring_pair`);
    await q.query(`ALTER TABLE school_group DROP COLUMN IF EXISTS mentor_capacity`);
  }
}
