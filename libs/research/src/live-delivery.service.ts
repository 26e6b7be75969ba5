import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { DataSource } from 'typeorm';
import { LiveBus } from '#app/core';
import { SessionEvent } from './entities/session-event.entity';
import { SessionEventType } from './enums';
import { SESSION_CHANNEL, type SessionNotice } from './session-events.service';

export interface Participant {
  userId: string;
  teacherId: string | null;
  name: string;
}

/** One receiver of a session's events on this instance: a socket in a session, or a GraphQL subscription. */
export interface SessionListener {
  /** The last seq this receiver has been given: it gets exactly the events after it, once, in order. */
  lastSeq: number;
  deliver(events: SessionEvent[]): void;
  presence?(participants: Participant[]): void;
}

const PRESENCE_TYPES = new Set<string>([SessionEventType.PARTICIPANT_JOINED, SessionEventType.PARTICIPANT_LEFT]);

/**
 * Delivers stored session events to this instance's listeners. On every notice (from any instance, through
 * the LiveBus) it reads the events after the smallest seq its listeners have, from the table, and hands each
 * listener only what it has not had. Work per session is serialised, so a listener that attaches (with the
 * events it missed) and a delivery in flight never interleave: no gap, no duplicate, order kept.
 */
@Injectable()
export class LiveDeliveryService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('LiveDelivery');
  private readonly listeners = new Map<string, Set<SessionListener>>();
  private readonly chains = new Map<string, Promise<unknown>>();
  private subscriptions: Subscription[] = [];

  constructor(
    private readonly bus: LiveBus,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit() {
    this.subscriptions = [
      this.bus.on<SessionNotice>(SESSION_CHANNEL).subscribe((n) => void this.pump(n.s)),
      // Notices sent while the LISTEN connection was down are lost: catch every session up from the table.
      this.bus.reconnected$.subscribe(() => [...this.listeners.keys()].forEach((s) => void this.pump(s))),
    ];
  }

  onModuleDestroy() {
    this.subscriptions.forEach((s) => s.unsubscribe());
  }

  /** Runs `work` after all earlier work for this session on this instance. */
  private serial<T>(sessionId: string, work: () => Promise<T>): Promise<T> {
    const prev = this.chains.get(sessionId) ?? Promise.resolve();
    const run = prev.then(work, work);
    const tail = run.catch(() => undefined);
    this.chains.set(sessionId, tail);
    void tail.then(() => {
      if (this.chains.get(sessionId) === tail) this.chains.delete(sessionId);
    });
    return run;
  }

  private read(sessionId: string, afterSeq: number): Promise<SessionEvent[]> {
    return this.dataSource.manager
      .createQueryBuilder(SessionEvent, 'e')
      .where('e.session_id = :sessionId AND e.seq > :afterSeq', { sessionId, afterSeq })
      .orderBy('e.seq', 'ASC')
      .getMany();
  }

  participants(sessionId: string): Promise<Participant[]> {
    return this.dataSource
      .query(
        `SELECT DISTINCT ON (user_id) user_id, teacher_id, name FROM session_presence
          WHERE session_id = $1 AND last_seen > now() - interval '60 seconds' ORDER BY user_id, name`,
        [sessionId],
      )
      .then((rows: any[]) => rows.map((r) => ({ userId: r.user_id, teacherId: r.teacher_id, name: r.name })).sort((a, b) => a.name.localeCompare(b.name, 'zh')));
  }

  /**
   * Adds a listener that has seen everything up to `afterSeq`. `onAttached` gets the events it missed and
   * runs before any later delivery to it (send the ack there).
   */
  attach(sessionId: string, listener: SessionListener, afterSeq: number, onAttached: (missed: SessionEvent[]) => void): Promise<void> {
    return this.serial(sessionId, async () => {
      const missed = await this.read(sessionId, afterSeq);
      listener.lastSeq = missed.at(-1)?.seq ?? afterSeq;
      if (!this.listeners.has(sessionId)) this.listeners.set(sessionId, new Set());
      this.listeners.get(sessionId)!.add(listener);
      onAttached(missed);
    });
  }

  detach(sessionId: string, listener: SessionListener) {
    const set = this.listeners.get(sessionId);
    set?.delete(listener);
    if (set && !set.size) this.listeners.delete(sessionId);
  }

  localListenerCount(): number {
    let n = 0;
    for (const s of this.listeners.values()) n += s.size;
    return n;
  }

  private pump(sessionId: string): Promise<void> {
    if (!this.listeners.has(sessionId)) return Promise.resolve();
    return this.serial(sessionId, async () => {
      const set = this.listeners.get(sessionId);
      if (!set?.size) return;
      const from = Math.min(...[...set].map((l) => l.lastSeq));
      const events = await this.read(sessionId, from);
      if (!events.length) return;
      let presenceChanged = false;
      for (const l of set) {
        const fresh = events.filter((e) => e.seq > l.lastSeq);
        if (!fresh.length) continue;
        l.lastSeq = fresh.at(-1)!.seq;
        if (fresh.some((e) => PRESENCE_TYPES.has(e.type))) presenceChanged = true;
        try {
          l.deliver(fresh);
        } catch (err) {
          this.logger.warn(`delivery to a listener failed: ${(err as Error).message}`);
        }
      }
      if (presenceChanged) {
        const participants = await this.participants(sessionId);
        for (const l of set) l.presence?.(participants);
      }
    });
  }
}
