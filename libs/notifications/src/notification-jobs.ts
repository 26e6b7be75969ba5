import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RequestContext, TransactionService } from '#app/core';
import { ResearchSessions, ResearchSessionStatus } from '#app/research';
import { NotificationKind } from './enums';
import { invitedTeachers, recipients } from './recipients';
import { NotificationsService } from './notifications.service';

interface JobRow {
  id: string;
  kind: NotificationKind;
  key: string;
  payload: Record<string, any>;
  attempts: number;
}

/** A job that failed is tried again this much later per attempt, and given up after MAX_ATTEMPTS (kept, with its error). */
const RETRY_MS = 30_000;
const MAX_ATTEMPTS = 5;

export interface JobRun {
  claimed: number;
  notified: number;
  skipped: number;
  failed: number;
}

/**
 * Notifications due later, as rows of notification_job. `run` claims due jobs with FOR UPDATE SKIP LOCKED in one
 * transaction, writes their notifications and marks them done in that same transaction: across any number of API
 * instances each job is done once (a second worker skips the locked rows, and finds them done afterwards). What a
 * job says is checked again when it fires: a cancelled or rescheduled session's reminders are done without notifying.
 * A job that throws is rolled back alone (a savepoint), counted and retried later.
 */
@Injectable()
export class NotificationJobs {
  private readonly logger = new Logger('NotificationJobs');

  constructor(
    private readonly tx: TransactionService,
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
  ) {}

  /** In the caller's transaction; a job with the same key (the same fact recorded again) is kept once. */
  async add(tx: RequestContext, kind: NotificationKind, dueAt: Date, key: string, payload: Record<string, unknown>): Promise<void> {
    await tx.em.query(`INSERT INTO notification_job (kind, due_at, key, payload, created_at) VALUES ($1, $2, $3, $4::jsonb, $5) ON CONFLICT (key) DO NOTHING`, [
      kind,
      dueAt,
      key,
      JSON.stringify(payload),
      tx.now(),
    ]);
  }

  /** Claims up to `limit` due jobs and does them, in one transaction. */
  run(limit = 50): Promise<JobRun> {
    const result: JobRun = { claimed: 0, notified: 0, skipped: 0, failed: 0 };
    return this.tx.run(new RequestContext(this.dataSource.manager, null), async (tx) => {
      const jobs: JobRow[] = await tx.em.query(
        `SELECT id, kind, key, payload, attempts FROM notification_job WHERE done_at IS NULL AND due_at <= now()
          ORDER BY due_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      result.claimed = jobs.length;
      for (const job of jobs) {
        const hooks = tx.afterCommit.length;
        await tx.em.query('SAVEPOINT notification_job');
        try {
          const told = await this.fire(tx, job);
          await tx.em.query(`UPDATE notification_job SET done_at = now(), attempts = attempts + 1 WHERE id = $1`, [job.id]);
          await tx.em.query('RELEASE SAVEPOINT notification_job');
          if (told) result.notified++;
          else result.skipped++;
        } catch (err) {
          await tx.em.query('ROLLBACK TO SAVEPOINT notification_job');
          tx.afterCommit.length = hooks; // nothing of the failed job is announced
          const message = (err as Error).message ?? String(err);
          this.logger.warn(`job ${job.key} failed (attempt ${job.attempts + 1}): ${message}`);
          await tx.em.query(
            `UPDATE notification_job SET attempts = attempts + 1, last_error = $2,
                    due_at = now() + ($3::int * interval '1 millisecond'), done_at = CASE WHEN attempts + 1 >= $4 THEN now() END
              WHERE id = $1`,
            [job.id, message.slice(0, 1000), RETRY_MS * (job.attempts + 1), MAX_ATTEMPTS],
          );
          result.failed++;
        }
      }
      return result;
    });
  }

  /** Writes the job's notifications; false when there is nobody (left) to tell. */
  private async fire(tx: RequestContext, job: JobRow): Promise<boolean> {
    const p = job.payload;
    switch (job.kind) {
      case NotificationKind.SESSION_REMINDER_24H:
      case NotificationKind.SESSION_REMINDER_1H: {
        const s = (await ResearchSessions.noticeFacts(tx, [p.sessionId])).get(p.sessionId);
        // cancelled, started, moved to another time (its new jobs carry the new start), or gone: skipped
        if (!s || s.status !== ResearchSessionStatus.SCHEDULED || s.startsAt.toISOString() !== p.startsAt || s.startsAt.getTime() <= Date.now()) return false;
        const users = await recipients(tx, await invitedTeachers(tx, s.invitedSchoolIds, s.invitedTeacherIds));
        const ids = await this.notifications.notify(tx, users, job.kind, { sessionId: s.id, title: s.title, startsAt: p.startsAt, endsAt: s.endsAt.toISOString() });
        return ids.length > 0;
      }
      case NotificationKind.EXCHANGE_STARTING: {
        const { teacherId, ...rest } = p;
        const ids = await this.notifications.notify(tx, await recipients(tx, [teacherId]), job.kind, rest);
        return ids.length > 0;
      }
      default:
        throw new Error(`no job handler for ${job.kind}`);
    }
  }
}
