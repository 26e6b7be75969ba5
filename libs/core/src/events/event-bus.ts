import { Injectable, Logger } from '@nestjs/common';
import { Subject, filter, type Observable } from 'rxjs';
import { RequestContext } from '../context/request-context';

/** A fact that happened in a bounded context, e.g. { type: 'membership.removed', groupId, schoolId }. */
export interface DomainEvent {
  type: string;
  at: Date;
  actorUserId: string | null;
  [key: string]: unknown;
}

/**
 * In-process domain event bus. Events are published only after the transaction that produced them commits
 * (STYLE habit 4), so a subscriber never sees a fact that was rolled back. Rollups that must be exact are
 * written inside the transaction instead (see the reporting issue); this bus is for notifications, caches and
 * cross-instance fan-out.
 */
@Injectable()
export class EventBus {
  private readonly logger = new Logger('EventBus');
  private readonly stream = new Subject<DomainEvent>();

  publish(ctx: RequestContext, type: string, data: Record<string, unknown> = {}): void {
    const event: DomainEvent = { ...data, type, at: new Date(), actorUserId: ctx.principal?.userId ?? null };
    if (ctx.inTransaction) ctx.afterCommit.push(() => this.emit(event));
    else this.emit(event);
  }

  ofType<T extends DomainEvent = DomainEvent>(...types: string[]): Observable<T> {
    return this.stream.pipe(filter((e) => types.includes(e.type))) as Observable<T>;
  }

  private emit(event: DomainEvent) {
    try {
      this.stream.next(event);
    } catch (err) {
      this.logger.error(`subscriber failed on ${event.type}: ${(err as Error).message}`);
    }
  }
}
