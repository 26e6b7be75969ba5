import { Injectable, Logger } from '@nestjs/common';
import { RequestContext } from '../context/request-context';

/**
 * The facts the bounded contexts publish, by type, with their payloads. Core names none of them: each context adds
 * its own in its `events.ts`, by declaration merging:
 *
 *   declare module '../../core/src/events/event-bus' {
 *     interface DomainEventMap { 'research.session.ended': { sessionId: string; ... } }
 *   }
 */
export interface DomainEventMap {}
export type DomainEventType = keyof DomainEventMap;

/** A published fact: its payload, its type, when (the publishing call's clock) and who. */
export type DomainEvent<T extends DomainEventType = DomainEventType> = {
  [K in T]: DomainEventMap[K] & { type: K; at: Date; actorUserId: string | null };
}[T];

/** Runs inside the publishing transaction: what it writes commits or rolls back with the fact. */
export type InTransactionHandler<T extends DomainEventType> = (tx: RequestContext, event: DomainEvent<T>) => Promise<void>;
/** Runs once the publishing transaction has committed; never for a fact that was rolled back. */
export type AfterCommitHandler<T extends DomainEventType> = (event: DomainEvent<T>) => void | Promise<void>;

/**
 * The one path of domain events (STYLE habit 4). A writer publishes a fact inside the transaction that records it;
 * then
 * - in-transaction handlers (projections such as the rollups, the session log) run at once, in that transaction, in
 *   the order they were registered: if one fails, the whole write rolls back, so a projection never disagrees with
 *   its facts;
 * - after-commit handlers (live fan-out to other instances and clients) are queued on the transaction's commit
 *   hooks and run only once it has committed. A transaction opened without TransactionService runs no commit hooks
 *   (bulk loads, repairs): there, after-commit handlers do not run at all, since running them now would announce
 *   facts that may still roll back; readers of such data catch up from the tables.
 */
@Injectable()
export class EventBus {
  private readonly logger = new Logger('EventBus');
  private readonly inTransactionHandlers = new Map<DomainEventType, InTransactionHandler<any>[]>();
  private readonly afterCommitHandlers = new Map<DomainEventType, AfterCommitHandler<any>[]>();

  /** Registers a handler that runs in the publishing transaction (see the class comment). */
  inTransaction<T extends DomainEventType>(type: T, handler: InTransactionHandler<T>): void {
    this.add(this.inTransactionHandlers, type, handler);
  }

  /** Registers a handler that runs once the publishing transaction has committed. */
  afterCommit<T extends DomainEventType>(type: T, handler: AfterCommitHandler<T>): void {
    this.add(this.afterCommitHandlers, type, handler);
  }

  async publish<T extends DomainEventType>(tx: RequestContext, type: T, payload: DomainEventMap[T]): Promise<void> {
    if (!tx.inTransaction) throw new Error(`${type} is published inside the transaction that records it`);
    const event = { ...payload, type, at: tx.now(), actorUserId: tx.principal?.userId ?? null } as DomainEvent<T>;
    const after = this.afterCommitHandlers.get(type) ?? [];
    // queued first, so facts are announced in the order they were published (before those their handlers cause)
    if (tx.commitHooks && after.length) {
      tx.afterCommit.push(async () => {
        for (const handler of after) {
          try {
            await handler(event);
          } catch (err) {
            this.logger.error(`after-commit handler of ${type} failed: ${(err as Error).message}`);
          }
        }
      });
    }
    for (const handler of this.inTransactionHandlers.get(type) ?? []) await handler(tx, event);
  }

  private add(handlers: Map<DomainEventType, unknown[]>, type: DomainEventType, handler: unknown) {
    handlers.set(type, [...(handlers.get(type) ?? []), handler]);
  }
}
