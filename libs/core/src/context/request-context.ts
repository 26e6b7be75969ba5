import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { Principal } from '../auth/principal';
import { unauthenticated } from '../errors/app-error';

type AfterCommit = () => void | Promise<void>;
type BeforeCommit = () => Promise<void>;

/**
 * Everything a service needs about the current call: who is calling, the open transaction (if any),
 * the per-request DataLoaders, and work to run just before and once the transaction commits.
 * Service methods take it as their first argument (STYLE habit 1).
 */
export class RequestContext {
  private readonly loaders: Map<string, DataLoader<any, any>>;
  readonly afterCommit: AfterCommit[] = [];
  /** Work that must be in the transaction but as late as possible (e.g. one row locked by every writer of a group). */
  readonly beforeCommit: BeforeCommit[] = [];

  constructor(
    readonly em: EntityManager,
    readonly principal: Principal | null,
    /** Why a presented token was rejected (expired, bad signature, user gone), for a clear UNAUTHENTICATED message. */
    readonly authProblem: string | null = null,
    loaders?: Map<string, DataLoader<any, any>>,
  ) {
    this.loaders = loaders ?? new Map();
  }

  /** Whether something (TransactionService) will run beforeCommit and afterCommit for this context's transaction. */
  commitHooks = false;

  /** The caller's network address (HTTP: req.ip, which honours TRUST_PROXY); unset for internal work. */
  clientAddress?: string;

  /** When the presented token expires (epoch ms): live connections refuse to go on past it. */
  tokenExpiresAt?: number;

  /** A copy bound to another EntityManager (a transaction); loaders are shared. */
  withManager(em: EntityManager, commitHooks = false): RequestContext {
    const ctx = new RequestContext(em, this.principal, this.authProblem, this.loaders);
    ctx.commitHooks = commitHooks;
    ctx.clientAddress = this.clientAddress;
    ctx.tokenExpiresAt = this.tokenExpiresAt;
    return ctx;
  }

  /** A new context (no transaction, no cached loaders) for the same database, with `principal`: one per live event. */
  withPrincipal(principal: Principal | null): RequestContext {
    const ctx = new RequestContext(this.em.connection.manager, principal, this.authProblem);
    ctx.clientAddress = this.clientAddress;
    ctx.tokenExpiresAt = this.tokenExpiresAt;
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
