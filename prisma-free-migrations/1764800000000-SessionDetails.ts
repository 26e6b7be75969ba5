import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A session's subject and grade (so a teacher's list shows their own), its place and its meeting link (ONLINE/HYBRID),
 * and the minutes' history: a correction after the end keeps every earlier text (会议纪要更正).
 */
export class SessionDetails1764800000000 implements MigrationInterface {
  name = 'SessionDetails1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE research_session ADD COLUMN subject varchar(20), ADD COLUMN grade varchar(20), ADD COLUMN location varchar(200), ADD COLUMN meeting_url varchar(500)`);
    await q.query(`CREATE INDEX research_session_subject_idx ON research_session (subject, starts_at) WHERE subject IS NOT NULL`);
    await q.query(`
      CREATE TABLE research_session_minutes (
        session_id uuid NOT NULL REFERENCES research_session(id),
        version int NOT NULL CHECK (version >= 1),
        minutes text,
        written_by uuid,
        written_at timestamptz NOT NULL,
        PRIMARY KEY (session_id, version)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE research_session_minutes`);
    await q.query(`DROP INDEX research_session_subject_idx`);
    await q.query(`ALTER TABLE research_session DROP COLUMN subject, DROP COLUMN grade, DROP COLUMN location, DROP COLUMN meeting_url`);
  }
}
