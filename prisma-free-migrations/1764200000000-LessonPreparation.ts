import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Collective lesson preparation (集体备课): teams with member history, lesson plans with every revision kept
 * (and a search vector per revision), comments, adoptions (同上课); personal adaptations (二次备课) are plans of
 * kind ADAPTATION linked to the published version they copy.
 */
export class LessonPreparation1764200000000 implements MigrationInterface {
  name = 'LessonPreparation1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE lesson_prep_team (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        group_id uuid NOT NULL REFERENCES school_group(id),
        name varchar(100) NOT NULL,
        subject varchar(20) NOT NULL,
        grade varchar(20) NOT NULL,
        leader_teacher_id uuid NOT NULL REFERENCES teacher(id),
        reviewer_teacher_id uuid REFERENCES teacher(id),
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX lesson_prep_team_group_idx ON lesson_prep_team (group_id, created_at, id)`);
    await q.query(`
      CREATE TABLE lesson_prep_team_member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        team_id uuid NOT NULL REFERENCES lesson_prep_team(id),
        teacher_id uuid NOT NULL REFERENCES teacher(id),
        joined_at timestamptz NOT NULL DEFAULT now(),
        left_at timestamptz,
        added_by uuid REFERENCES app_user(id),
        removed_by uuid REFERENCES app_user(id)
      )`);
    await q.query(`CREATE UNIQUE INDEX lesson_prep_team_member_active_uq ON lesson_prep_team_member (team_id, teacher_id) WHERE left_at IS NULL`);
    await q.query(`CREATE INDEX lesson_prep_team_member_teacher_idx ON lesson_prep_team_member (teacher_id) WHERE left_at IS NULL`);
    await q.query(`
      CREATE TABLE lesson_plan (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        group_id uuid NOT NULL REFERENCES school_group(id),
        kind varchar(12) NOT NULL CHECK (kind IN ('TEAM','ADAPTATION')),
        team_id uuid REFERENCES lesson_prep_team(id),
        owner_teacher_id uuid REFERENCES teacher(id),
        source_plan_id uuid REFERENCES lesson_plan(id),
        source_version int,
        school_id uuid NOT NULL REFERENCES school(id),
        main_preparer_teacher_id uuid NOT NULL REFERENCES teacher(id),
        title varchar(200) NOT NULL,
        subject varchar(20) NOT NULL,
        grade varchar(20) NOT NULL,
        unit varchar(200),
        objectives text,
        key_points text,
        content text NOT NULL,
        resources jsonb NOT NULL DEFAULT '[]',
        status varchar(12) NOT NULL CHECK (status IN ('DRAFT','IN_REVIEW','APPROVED','PUBLISHED','ARCHIVED')),
        version int NOT NULL DEFAULT 1,
        published_version int,
        first_published_at timestamptz,
        review_note varchar(2000),
        reviewed_by uuid REFERENCES app_user(id),
        reviewed_at timestamptz,
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'TEAM') = (team_id IS NOT NULL)),
        CHECK ((kind = 'ADAPTATION') = (source_plan_id IS NOT NULL AND owner_teacher_id IS NOT NULL AND source_version IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX lesson_plan_group_idx ON lesson_plan (group_id, created_at, id)`);
    await q.query(`CREATE INDEX lesson_plan_team_idx ON lesson_plan (team_id, created_at, id)`);
    await q.query(`CREATE INDEX lesson_plan_source_idx ON lesson_plan (source_plan_id) WHERE source_plan_id IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX lesson_plan_adaptation_uq ON lesson_plan (source_plan_id, owner_teacher_id) WHERE kind = 'ADAPTATION' AND status <> 'ARCHIVED'`);
    await q.query(`
      CREATE TABLE lesson_plan_revision (
        plan_id uuid NOT NULL REFERENCES lesson_plan(id),
        version int NOT NULL,
        title varchar(200) NOT NULL,
        unit varchar(200),
        objectives text,
        key_points text,
        content text NOT NULL,
        resources jsonb NOT NULL DEFAULT '[]',
        note varchar(500),
        author_user_id uuid REFERENCES app_user(id),
        author_teacher_id uuid REFERENCES teacher(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        search_vector tsvector NOT NULL,
        PRIMARY KEY (plan_id, version)
      )`);
    await q.query(`CREATE INDEX lesson_plan_revision_search_gin ON lesson_plan_revision USING gin (search_vector)`);
    await q.query(`
      CREATE TABLE lesson_plan_comment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES lesson_plan(id),
        version int NOT NULL,
        parent_id uuid REFERENCES lesson_plan_comment(id),
        anchor jsonb,
        text varchar(2000) NOT NULL,
        author_user_id uuid NOT NULL REFERENCES app_user(id),
        author_teacher_id uuid REFERENCES teacher(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        resolved_by uuid REFERENCES app_user(id),
        FOREIGN KEY (plan_id, version) REFERENCES lesson_plan_revision(plan_id, version)
      )`);
    await q.query(`CREATE INDEX lesson_plan_comment_plan_idx ON lesson_plan_comment (plan_id, created_at)`);
    await q.query(`
      CREATE TABLE lesson_plan_adoption (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES lesson_plan(id),
        version int NOT NULL,
        adaptation_id uuid REFERENCES lesson_plan(id),
        group_id uuid NOT NULL REFERENCES school_group(id),
        school_id uuid NOT NULL REFERENCES school(id),
        teacher_id uuid NOT NULL REFERENCES teacher(id),
        taught_on date NOT NULL,
        class_name varchar(50) NOT NULL DEFAULT '',
        reflection text,
        recorded_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX lesson_plan_adoption_uq ON lesson_plan_adoption (plan_id, teacher_id, taught_on, class_name)`);
    await q.query(`CREATE INDEX lesson_plan_adoption_plan_idx ON lesson_plan_adoption (plan_id, taught_on)`);
    await q.query(`CREATE INDEX lesson_plan_adoption_school_idx ON lesson_plan_adoption (school_id, taught_on)`);
    await q.query(`CREATE INDEX lesson_plan_adoption_group_idx ON lesson_plan_adoption (group_id, taught_on)`);
    // live collective-preparation sessions a plan is linked to (the plan's events go to their rooms)
    await q.query(`CREATE INDEX research_session_live_plans_gin ON research_session USING gin (lesson_plan_ids) WHERE status = 'LIVE'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS research_session_live_plans_gin`);
    await q.query(`DROP TABLE lesson_plan_adoption`);
    await q.query(`DROP TABLE lesson_plan_comment`);
    await q.query(`DROP TABLE lesson_plan_revision`);
    await q.query(`DROP TABLE lesson_plan`);
    await q.query(`DROP TABLE lesson_prep_team_member`);
    await q.query(`DROP TABLE lesson_prep_team`);
  }
}
