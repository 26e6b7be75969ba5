import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { Principal } from '../auth/principal';
import { unauthenticated } from '../errors/app-error';
import { DEFAULT_LANG, type Lang, type Msg } from '../errors/messages';
import { chinaDay, systemClock, type Clock } from '../time/china-date';
import { randomIds, type IdSource } from './id-source';

type AfterCommit = () => void | Promise<void>;
type BeforeCommit = () => Promise<void>;

/**
 * Everything a service needs about the current call: who is calling, the open transaction (if any),
 * the per-request DataLoaders, and work to run just before and once the transaction commits.
 * Service methods take it as their first argument (STYLE habit 1).
 */
export class RequestContext {
  private readonly loaders: Map<string, DataLoader<any, any>>;
  afterCommit: AfterCommit[] = [];
  /** Work that must be in the transaction but as late as possible (e.g. one row locked by every writer of a group). */
  beforeCommit: BeforeCommit[] = [];

  constructor(
    readonly em: EntityManager,
    readonly principal: Principal | null,
    /** Why a presented token was rejected (expired, bad signature, user gone), for a clear UNAUTHENTICATED message. */
    readonly authProblem: Msg | null = null,
    loaders?: Map<string, DataLoader<any, any>>,
  ) {
    this.loaders = loaders ?? new Map();
  }

  /** Whether something (TransactionService) will run beforeCommit and afterCommit for this context's transaction. */
  commitHooks = false;

  /** The caller's network address (HTTP: req.ip, which honours TRUST_PROXY); unset for internal work. */
  clientAddress?: string;

  /** The language of the caller's messages (Accept-Language, or the user's own choice): errors are answered in it. */
  lang: Lang = DEFAULT_LANG;

  /** When the presented token expires (epoch ms): live connections refuse to go on past it. */
  tokenExpiresAt?: number;

  /** Where this call reads the time: the system clock, or a fixed one when history is played at its own dates (demo). */
  clock: Clock = systemClock;

  /** The current instant, as this call sees it: the time of the facts a service records (not of tokens or timers). */
  now(): Date {
    return this.clock.now();
  }

  /** Today's date in China (UTC+8), as this call sees it. */
  today(): string {
    return chinaDay(this.clock.now());
  }

  /**
   * Set by a bulk load (the demo) that rebuilds the derived tables from the base tables at the end of its
   * transaction: projections that such a rebuild recreates (the rollups) skip their in-transaction work, which the
   * rebuild would throw away. Handlers whose rows no rebuild recreates (the session log) run as always.
   */
  rebuildsProjections = false;

  /** Where this call takes the ids of the rows it creates: random UUIDs, or the ids the demo plays its story with. */
  ids: IdSource = randomIds;

  /** The id of a new row of `table`. */
  newId(table: string): string {
    return this.ids.next(table);
  }

  /** A copy (same transaction, loaders and hooks) that reads the time from `clock`. */
  withClock(clock: Clock): RequestContext {
    return this.sameCall((ctx) => (ctx.clock = clock));
  }

  /** A copy (same transaction, loaders and hooks) that takes the ids of new rows from `ids`. */
  withIds(ids: IdSource): RequestContext {
    return this.sameCall((ctx) => (ctx.ids = ids));
  }

  /**
   * A copy in the same transaction (same hooks, clock and ids) acting as another principal: an import plays a row as
   * the person it records (a mentor accepting a pair). Loaders are not shared: they hold what a principal may see.
   */
  actingAs(principal: Principal): RequestContext {
    return this.sameCall(() => undefined, principal);
  }

  private sameCall(change: (ctx: RequestContext) => void, principal?: Principal): RequestContext {
    const ctx = principal ? this.copy(this.em, this.commitHooks, undefined, principal) : this.copy(this.em, this.commitHooks, this.loaders);
    change(ctx);
    ctx.afterCommit = this.afterCommit;
    ctx.beforeCommit = this.beforeCommit;
    return ctx;
  }

  /** A copy bound to another EntityManager (a transaction); loaders are shared. */
  withManager(em: EntityManager, commitHooks = false): RequestContext {
    return this.copy(em, commitHooks, this.loaders);
  }

  /** A new context (no transaction, no cached loaders) for the same database, with `principal`: one per live event. */
  withPrincipal(principal: Principal | null): RequestContext {
    return this.copy(this.em.connection.manager, false, undefined, principal);
  }

  private copy(em: EntityManager, commitHooks: boolean, loaders?: Map<string, DataLoader<any, any>>, principal = this.principal): RequestContext {
    const ctx = new RequestContext(em, principal, this.authProblem, loaders);
    ctx.commitHooks = commitHooks;
    ctx.clientAddress = this.clientAddress;
    ctx.lang = this.lang;
    ctx.tokenExpiresAt = this.tokenExpiresAt;
    ctx.clock = this.clock;
    ctx.ids = this.ids;
    ctx.rebuildsProjections = this.rebuildsProjections;
    return ctx;
  }

  get inTransaction(): boolean {
    return !!this.em.queryRunner?.isTransactionActive;
  }

  /** The signed-in principal, or UNAUTHENTICATED. */
  get user(): Principal {
    if (!this.principal) throw unauthenticated(this.authProblem ?? undefined);
    return this.principal;
  }

  /** One DataLoader per key per request, so nested fields batch into one query (STYLE habit 6). */
  loader<K, V>(key: string, batch: (keys: readonly K[]) => Promise<(V | Error)[]>): DataLoader<K, V> {
    let loader = this.loaders.get(key);
    if (!loader) {
      loader = new DataLoader<K, V>(batch, { maxBatchSize: 1000 });
      this.loaders.set(key, loader);
    }
    return loader as DataLoader<K, V>;
  }

  /** Drops cached loader values after a write, so a mutation's result shows what it wrote. */
  clearLoaders(): void {
    for (const l of this.loaders.values()) l.clearAll();
  }
}
