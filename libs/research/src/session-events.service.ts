import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventBus, LiveBus, type RequestContext } from '#app/core';
import { SessionEvent } from './entities/session-event.entity';
import { SessionEventType } from './enums';
import { writeSessionEvents } from './research-rows';

export const SESSION_CHANNEL = 'session';
export interface SessionNotice {
  s: string;
  q: number;
}

/**
 * The session event log. An event is written in the transaction of its effect, numbered by incrementing
 * research_session.last_seq (a row lock: numbers are strictly increasing with no gaps, and a rolled-back
 * effect leaves no number behind). Each append publishes `research.session.logged`; only after commit is a notice
 * ({session, seq}) sent to every instance (its after-commit handler), which then reads the events from the table.
 */
@Injectable()
export class SessionEventsService implements OnModuleInit {
  constructor(
    private readonly bus: LiveBus,
    private readonly events: EventBus,
  ) {}

  onModuleInit() {
    this.events.afterCommit('research.session.logged', (e) => this.bus.publish(SESSION_CHANNEL, { s: e.sessionId, q: e.seq } satisfies SessionNotice));
  }

  async append(
    tx: RequestContext,
    sessionId: string,
    type: SessionEventType,
    payload: Record<string, unknown>,
    actor: { userId: string | null; teacherId: string | null } = { userId: tx.principal?.userId ?? null, teacherId: tx.principal?.teacherId ?? null },
  ): Promise<SessionEvent> {
    if (!tx.inTransaction) throw new Error('session events are appended inside the transaction of their effect');
    // `at` is the database's clock (the transaction's start), the same clock the rate limit reads; written as text,
    // so that it keeps its microseconds (a Date has milliseconds)
    const [[row]] = await tx.em.query(`UPDATE research_session SET last_seq = last_seq + 1 WHERE id = $1 RETURNING last_seq, now() AS at, now()::text AS exact_at`, [
      sessionId,
    ]);
    const event = tx.em.create(SessionEvent, { sessionId, seq: row.last_seq, type, payload, actorUserId: actor.userId, actorTeacherId: actor.teacherId, at: row.at });
    await writeSessionEvents(tx.em, [{ ...event, at: row.exact_at }]);
    await this.events.publish(tx, 'research.session.logged', { sessionId, seq: event.seq });
    return event;
  }

  /** Events after `afterSeq`, in order. */
  list(ctx: RequestContext, sessionId: string, afterSeq = 0, limit = 10000): Promise<SessionEvent[]> {
    return ctx.em
      .createQueryBuilder(SessionEvent, 'e')
      .where('e.session_id = :sessionId AND e.seq > :afterSeq', { sessionId, afterSeq })
      .orderBy('e.seq', 'ASC')
      .limit(limit)
      .getMany();
  }
}
