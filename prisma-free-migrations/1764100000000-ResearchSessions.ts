import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Joint research sessions, invitations, attendance and the live event log (issue: research sessions). */
export class ResearchSessions1764100000000 implements MigrationInterface {
  name = 'ResearchSessions1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE research_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        group_id uuid NOT NULL REFERENCES school_group(id),
        host_school_id uuid NOT NULL REFERENCES school(id),
        title varchar(200) NOT NULL,
        topic varchar(1000),
        type varchar(30) NOT NULL CHECK (type IN ('JOINT_RESEARCH','COLLECTIVE_PREP','DEMO_LESSON','SPECIAL_DELIVERY_CLASS','FAMOUS_TEACHER_CLASS','FAMOUS_SCHOOL_ONLINE','LECTURE')),
        mode varchar(10) NOT NULL CHECK (mode IN ('ONSITE','ONLINE','HYBRID')),
        status varchar(10) NOT NULL CHECK (status IN ('SCHEDULED','LIVE','ENDED','CANCELLED')),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        agenda jsonb NOT NULL DEFAULT '[]',
        agenda_index int,
        lesson_plan_ids uuid[] NOT NULL DEFAULT '{}',
        minutes text,
        cancel_reason varchar(1000),
        started_at timestamptz,
        ended_at timestamptz,
        cancelled_at timestamptz,
        last_seq int NOT NULL DEFAULT 0,
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at)
      )`);
    await q.query(`CREATE INDEX research_session_group_idx ON research_session (group_id, starts_at, id)`);
    await q.query(`CREATE INDEX research_session_host_idx ON research_session (host_school_id)`);
    await q.query(`CREATE INDEX research_session_starts_idx ON research_session (starts_at, id)`);

    await q.query(`
      CREATE TABLE research_session_school (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES research_session(id),
        school_id uuid NOT NULL REFERENCES school(id),
        UNIQUE (session_id, school_id)
      )`);
    await q.query(`CREATE INDEX research_session_school_school_idx ON research_session_school (school_id)`);
    await q.query(`
      CREATE TABLE research_session_teacher (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES research_session(id),
        teacher_id uuid NOT NULL REFERENCES teacher(id),
        UNIQUE (session_id, teacher_id)
      )`);
    await q.query(`CREATE INDEX research_session_teacher_teacher_idx ON research_session_teacher (teacher_id)`);

    await q.query(`
      CREATE TABLE research_attendance (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES research_session(id),
        teacher_id uuid NOT NULL REFERENCES teacher(id),
        school_id uuid NOT NULL REFERENCES school(id),
        checked_in_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (session_id, teacher_id)
      )`);

    await q.query(`
      CREATE TABLE session_event (
        session_id uuid NOT NULL REFERENCES research_session(id),
        seq int NOT NULL CHECK (seq > 0),
        type varchar(30) NOT NULL,
        actor_user_id uuid,
        actor_teacher_id uuid,
        payload jsonb NOT NULL DEFAULT '{}',
        at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (session_id, seq)
      )`);
    // Rate limits look back a few seconds per user across instances.
    await q.query(`CREATE INDEX session_event_actor_idx ON session_event (actor_user_id, at) WHERE type IN ('CHAT_MESSAGE','NOTE_POSTED')`);

    // Who is in a live session now, shared by all API instances (rows of a dead instance expire by last_seen).
    await q.query(`
      CREATE TABLE session_presence (
        session_id uuid NOT NULL REFERENCES research_session(id),
        user_id uuid NOT NULL REFERENCES app_user(id),
        instance_id varchar(64) NOT NULL,
        connections int NOT NULL,
        teacher_id uuid,
        name varchar(100) NOT NULL,
        last_seen timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (session_id, user_id, instance_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['session_presence', 'session_event', 'research_attendance', 'research_session_teacher', 'research_session_school', 'research_session']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
