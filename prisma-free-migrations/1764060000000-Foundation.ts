import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Organisations, teachers, accounts and role grants (issue: foundation). */
export class Foundation1764060000000 implements MigrationInterface {
  name = 'Foundation1764060000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(`
      CREATE TABLE region (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(100) NOT NULL,
        level varchar(16) NOT NULL CHECK (level IN ('PROVINCE','CITY','COUNTY')),
        parent_id uuid REFERENCES region(id),
        code varchar(20) UNIQUE,
        path uuid[] NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX region_parent_idx ON region (parent_id)`);
    await q.query(`CREATE INDEX region_path_gin ON region USING gin (path)`);

    await q.query(`
      CREATE TABLE school (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(100) NOT NULL,
        region_id uuid NOT NULL REFERENCES region(id),
        stage varchar(16) NOT NULL CHECK (stage IN ('PRIMARY','JUNIOR','NINE_YEAR','TWELVE_YEAR','SENIOR','TEACHING_POINT')),
        locale varchar(16) NOT NULL CHECK (locale IN ('URBAN','TOWNSHIP','RURAL')),
        student_count int NOT NULL CHECK (student_count >= 0),
        teacher_count int NOT NULL CHECK (teacher_count >= 0),
        campus_of_id uuid REFERENCES school(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (campus_of_id IS DISTINCT FROM id)
      )`);
    await q.query(`CREATE INDEX school_region_idx ON school (region_id)`);
    await q.query(`CREATE INDEX school_name_idx ON school (name, id)`);
    await q.query(`CREATE INDEX school_campus_of_idx ON school (campus_of_id) WHERE campus_of_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE school_group (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(100) NOT NULL,
        kind varchar(20) NOT NULL CHECK (kind IN ('EDUCATION_GROUP','CONSORTIUM','ALLIANCE','SCHOOL_DISTRICT','COMMUNITY')),
        mode varchar(20) CHECK (mode IN ('FUSED','CO_BUILT','FUSED_AND_CO_BUILT')),
        region_id uuid NOT NULL REFERENCES region(id),
        lead_school_id uuid NOT NULL REFERENCES school(id),
        level varchar(30) CHECK (level IN ('PROVINCIAL_DEMONSTRATION','PROVINCIAL_PILOT','MUNICIPAL_DEMONSTRATION','MUNICIPAL_PILOT','COUNTY_PILOT')),
        founded_on date NOT NULL,
        status varchar(12) NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE','DISSOLVED')),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (mode IS NULL OR kind = 'CONSORTIUM')
      )`);
    await q.query(`CREATE INDEX school_group_region_idx ON school_group (region_id)`);
    await q.query(`CREATE INDEX school_group_name_idx ON school_group (name, id)`);

    await q.query(`
      CREATE TABLE group_membership (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        group_id uuid NOT NULL REFERENCES school_group(id),
        school_id uuid NOT NULL REFERENCES school(id),
        group_kind varchar(20) NOT NULL,
        role varchar(10) NOT NULL CHECK (role IN ('LEAD','MEMBER')),
        pairing varchar(20) CHECK (pairing IN ('STRONG_WEAK','STRONG_NEW','STRONG_RURAL','STRONG_SUBURBAN','OTHER')),
        joined_on date NOT NULL,
        left_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (left_on IS NULL OR left_on >= joined_on)
      )`);
    // A school is in a group at most once at a time, and in at most one active consortium.
    await q.query(`CREATE UNIQUE INDEX group_membership_active_uq ON group_membership (group_id, school_id) WHERE left_on IS NULL`);
    await q.query(`CREATE UNIQUE INDEX group_membership_one_consortium_uq ON group_membership (school_id) WHERE left_on IS NULL AND group_kind = 'CONSORTIUM'`);
    await q.query(`CREATE INDEX group_membership_group_idx ON group_membership (group_id, joined_on)`);
    await q.query(`CREATE INDEX group_membership_school_idx ON group_membership (school_id)`);

    await q.query(`
      CREATE TABLE teacher (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(50) NOT NULL,
        school_id uuid NOT NULL REFERENCES school(id),
        subjects varchar(20)[] NOT NULL,
        stage varchar(16) NOT NULL,
        title varchar(20),
        years_of_experience int NOT NULL CHECK (years_of_experience BETWEEN 0 AND 60),
        honours varchar(20)[] NOT NULL DEFAULT '{}',
        email varchar(254),
        phone varchar(30),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX teacher_school_idx ON teacher (school_id, name, id)`);
    await q.query(`CREATE INDEX teacher_name_idx ON teacher (name, id)`);
    await q.query(`CREATE INDEX teacher_subjects_gin ON teacher USING gin (subjects)`);

    await q.query(`
      CREATE TABLE teacher_assignment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        teacher_id uuid NOT NULL REFERENCES teacher(id),
        school_id uuid NOT NULL REFERENCES school(id),
        from_date date NOT NULL,
        to_date date,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (to_date IS NULL OR to_date >= from_date)
      )`);
    await q.query(`CREATE UNIQUE INDEX teacher_assignment_current_uq ON teacher_assignment (teacher_id) WHERE to_date IS NULL`);
    await q.query(`CREATE INDEX teacher_assignment_teacher_idx ON teacher_assignment (teacher_id, from_date)`);

    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email varchar(254) NOT NULL,
        password_hash varchar(200) NOT NULL,
        display_name varchar(100) NOT NULL,
        teacher_id uuid UNIQUE REFERENCES teacher(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_login_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX app_user_email_uq ON app_user (lower(email))`);

    await q.query(`
      CREATE TABLE role_grant (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id),
        role varchar(20) NOT NULL CHECK (role IN ('PLATFORM_ADMIN','REGION_ADMIN','GROUP_MANAGER','SCHOOL_ADMIN','TEACHER')),
        scope_id uuid,
        granted_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        CHECK ((role IN ('PLATFORM_ADMIN','TEACHER')) = (scope_id IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX role_grant_active_uq ON role_grant (user_id, role, coalesce(scope_id, '00000000-0000-0000-0000-000000000000')) WHERE revoked_at IS NULL`);
    await q.query(`CREATE INDEX role_grant_scope_idx ON role_grant (scope_id) WHERE revoked_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['role_grant', 'app_user', 'teacher_assignment', 'teacher', 'group_membership', 'school_group', 'school', 'region']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
