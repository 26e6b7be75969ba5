import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ContextFactory, LiveBus, TransactionService, type RequestContext } from '#app/core';
import { SessionEventType } from './enums';
import { enforceLiveRateLimit } from './live-rate-limits';
import { SessionEventsService } from './session-events.service';

const HEARTBEAT_MS = 20_000;
const EXPIRY = `interval '60 seconds'`;

/**
 * Who is in a live session, shared by all instances through session_presence (one row per session, user
 * and instance, counting that user's connections there). A user's first connection anywhere emits
 * PARTICIPANT_JOINED, their last PARTICIPANT_LEFT. Rows are refreshed by a heartbeat; rows of an instance
 * that died expire and are swept by the others, which then emit the PARTICIPANT_LEFT.
 */
@Injectable()
export class PresenceService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Presence');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly tx: TransactionService,
    private readonly events: SessionEventsService,
    private readonly bus: LiveBus,
    private readonly contexts: ContextFactory,
  ) {}

  onModuleInit() {
    this.timer = setInterval(() => void this.heartbeat().catch((e) => this.logger.warn(`heartbeat: ${e.message}`)), HEARTBEAT_MS);
    this.timer.unref();
  }

  async onModuleDestroy() {
    clearInterval(this.timer);
    // Leave cleanly: others see PARTICIPANT_LEFT now rather than after expiry.
    const ctx = this.contexts.system();
    const rows: { session_id: string; user_id: string }[] = await ctx.em
      .query(`SELECT session_id, user_id FROM session_presence WHERE instance_id = $1`, [this.bus.instanceId])
      .catch(() => []);
    for (const r of rows) await this.leave(ctx, r.session_id, r.user_id, true).catch(() => undefined);
  }

  async join(ctx: RequestContext, sessionId: string, name: string): Promise<void> {
    const p = ctx.user;
    await this.tx.run(ctx, async (tx) => {
      await tx.em.query(`SELECT 1 FROM research_session WHERE id = $1 FOR UPDATE`, [sessionId]); // one presence change per session at a time
      await enforceLiveRateLimit(tx, 'join');
      const [{ others }] = await tx.em.query(
        `SELECT count(*)::int AS others FROM session_presence WHERE session_id = $1 AND user_id = $2 AND last_seen > now() - ${EXPIRY}`,
        [sessionId, p.userId],
      );
      await tx.em.query(
        `INSERT INTO session_presence (session_id, user_id, instance_id, connections, teacher_id, name) VALUES ($1, $2, $3, 1, $4, $5)
         ON CONFLICT (session_id, user_id, instance_id) DO UPDATE SET connections = session_presence.connections + 1, last_seen = now()`,
        [sessionId, p.userId, this.bus.instanceId, p.teacherId, name],
      );
      if (!others) await this.events.append(tx, sessionId, SessionEventType.PARTICIPANT_JOINED, { userId: p.userId, teacherId: p.teacherId, name });
    });
  }

  /** One connection of `userId` leaves (all of this instance's when `all`). */
  async leave(ctx: RequestContext, sessionId: string, userId: string, all = false): Promise<void> {
    await this.tx.run(ctx, async (tx) => {
      await tx.em.query(`SELECT 1 FROM research_session WHERE id = $1 FOR UPDATE`, [sessionId]);
      const [rows] = await tx.em.query(
        `UPDATE session_presence SET connections = ${all ? 0 : 'connections - 1'} WHERE session_id = $1 AND user_id = $2 AND instance_id = $3 RETURNING connections, teacher_id, name`,
        [sessionId, userId, this.bus.instanceId],
      );
      const row = rows[0];
      if (!row) return;
      if (row.connections > 0) return;
      await tx.em.query(`DELETE FROM session_presence WHERE session_id = $1 AND user_id = $2 AND instance_id = $3`, [sessionId, userId, this.bus.instanceId]);
      const [{ others }] = await tx.em.query(
        `SELECT count(*)::int AS others FROM session_presence WHERE session_id = $1 AND user_id = $2 AND last_seen > now() - ${EXPIRY}`,
        [sessionId, userId],
      );
      if (!others) {
        await this.events.append(tx, sessionId, SessionEventType.PARTICIPANT_LEFT, { userId, teacherId: row.teacher_id, name: row.name }, { userId, teacherId: row.teacher_id });
      }
    });
  }

  /** Refreshes this instance's rows and sweeps rows of instances that stopped refreshing theirs. */
  async heartbeat() {
    const ctx = this.contexts.system();
    await ctx.em.query(`UPDATE session_presence SET last_seen = now() WHERE instance_id = $1`, [this.bus.instanceId]);
    const [stale]: [{ session_id: string; user_id: string; teacher_id: string | null; name: string }[]] = await ctx.em.query(
      `DELETE FROM session_presence WHERE last_seen < now() - ${EXPIRY} RETURNING session_id, user_id, teacher_id, name`,
    );
    for (const r of stale) {
      await this.tx.run(ctx, async (tx) => {
        await tx.em.query(`SELECT 1 FROM research_session WHERE id = $1 FOR UPDATE`, [r.session_id]);
        const [{ others }] = await tx.em.query(`SELECT count(*)::int AS others FROM session_presence WHERE session_id = $1 AND user_id = $2`, [r.session_id, r.user_id]);
        if (!others) {
          await this.events.append(tx, r.session_id, SessionEventType.PARTICIPANT_LEFT, { userId: r.user_id, teacherId: r.teacher_id, name: r.name, expired: true }, { userId: r.user_id, teacherId: r.teacher_id });
        }
      });
    }
  }
}
