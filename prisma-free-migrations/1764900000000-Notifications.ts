import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * In-app notifications (issue 15):
 * - notification: one per recipient account, stored so a user sees it after being offline; payload holds the ids and
 *   names needed to render it (session title, starts_at, plan title, …); read_at is set by markNotificationsRead.
 * - notification_job: notifications due later (session reminders 24 h and 1 h before, an exchange's start day). `key`
 *   is unique and names what the job is about and when (`session-reminder:24h:<sessionId>:<startsAt>`), so a fact
 *   recorded twice makes one job, and a rescheduled session gets new jobs while the old ones are skipped. Workers of
 *   every API instance claim due jobs with FOR UPDATE SKIP LOCKED: each job is done exactly once.
 */
export class Notifications1764900000000 implements MigrationInterface {
  name = 'Notifications1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id),
        kind varchar(40) NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await q.query(`CREATE INDEX notification_user_idx ON notification (user_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX notification_unread_idx ON notification (user_id, created_at DESC, id DESC) WHERE read_at IS NULL`);
    await q.query(`
      CREATE TABLE notification_job (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(40) NOT NULL,
        due_at timestamptz NOT NULL,
        key text NOT NULL UNIQUE,
        payload jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        done_at timestamptz,
        attempts int NOT NULL DEFAULT 0,
        last_error text
      )`);
    await q.query(`CREATE INDEX notification_job_due_idx ON notification_job (due_at) WHERE done_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_job`);
    await q.query(`DROP TABLE notification`);
  }
}
