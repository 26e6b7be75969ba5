import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { ContextFactory } from '../auth/context.factory';
import type { Principal } from '../auth/principal';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AppError, ErrorCode, unauthenticated } from '../errors/app-error';
import { RequestContext } from '../context/request-context';
import { DEFAULT_LANG, type Lang, type Msg } from '../errors/messages';
import { LiveBus, PRINCIPAL_CHANNEL } from './live-bus';


const SIGN_IN_EXPIRED: Msg = { zh: '登录已过期，请重新登录', en: 'The sign-in has expired: sign in again' };

export type LiveKind = 'socket.io' | 'graphql-ws';

/** One open live connection (a socket.io socket or a graphql-ws connection) and the token it was opened with. */
export interface LiveConnection {
  readonly kind: LiveKind;
  readonly userId: string;
  readonly token: string;
  /** When the token expires (epoch ms). */
  readonly expiresAt: number;
  /** The principal as last checked; refreshed on every check. */
  principal: Principal;
  /** Set once the token stopped being valid (expired, revoked, user gone): nothing more is served. */
  ended?: Msg;
  /** The language the client asked for (Accept-Language at the handshake): what it is told comes in it. */
  readonly lang: Lang;
  /** Live subscriptions held by this connection (graphql-ws). */
  subscriptions: number;
  /** Ends the connection, telling the client why (UNAUTHENTICATED). */
  close(message: string): void;
}

/**
 * Every live connection of this instance, so that live connections keep no stale power:
 * - a connection is opened with a token and keeps its `exp`: it is closed when the token expires;
 * - socket.io events and graphql-ws operations re-resolve the principal from the token (`check`), so a
 *   revoked role, a logout or a password change is seen at the next event;
 * - open subscriptions learn it through PRINCIPAL_CHANNEL on the LiveBus, on every instance, and by a
 *   periodic re-check of every connection (in case a bus message was lost, and after the bus reconnects);
 * - each user holds a bounded number of connections and subscriptions per instance.
 */
@Injectable()
export class LiveConnections implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('LiveConnections');
  private readonly byUser = new Map<string, Set<LiveConnection>>();
  private readonly expiry = new Map<LiveConnection, NodeJS.Timeout>();
  private subscriptions: Subscription[] = [];
  private sweep?: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly contexts: ContextFactory,
    private readonly bus: LiveBus,
  ) {}

  onModuleInit() {
    this.subscriptions = [
      this.bus.on<{ u: string }>(PRINCIPAL_CHANNEL).subscribe((m) => void this.recheckUser(m?.u)),
      this.bus.reconnected$.subscribe(() => void this.recheckAll()),
    ];
    this.sweep = setInterval(() => void this.recheckAll(), this.config.live.recheckSeconds * 1000);
    this.sweep.unref();
  }

  onModuleDestroy() {
    this.subscriptions.forEach((s) => s.unsubscribe());
    clearInterval(this.sweep);
    this.expiry.forEach((t) => clearTimeout(t));
  }

  /** Tells every instance that this user's sign-in or roles changed, once the transaction commits. */
  static changed(ctx: RequestContext, bus: LiveBus, userId: string) {
    const send = () => bus.publish(PRINCIPAL_CHANNEL, { u: userId });
    if (ctx.inTransaction) ctx.afterCommit.push(send);
    else void send();
  }

  /**
   * A context for a new connection: the token must be valid now, and the user below the connection cap.
   * Throws UNAUTHENTICATED or RATE_LIMITED (with a message for people).
   */
  async open(kind: LiveKind, token: string | null | undefined, close: (message: string) => void, lang: Lang = DEFAULT_LANG): Promise<{ conn: LiveConnection; ctx: RequestContext }> {
    const ctx = await this.contexts.fromToken(token, true);
    ctx.lang = ctx.principal?.lang ?? lang; // the user's choice wins over the handshake's header
    const principal = ctx.user; // UNAUTHENTICATED with the reason
    const mine = [...(this.byUser.get(principal.accountId) ?? [])].filter((c) => c.kind === kind);
    const max = this.config.live.maxConnectionsPerUser;
    if (mine.length >= max) {
      throw new AppError(ErrorCode.RATE_LIMITED, {
        zh: `实时连接过多：每个用户最多 ${max} 个 ${kind} 连接，请先关闭其他窗口`,
        en: `Too many live connections: at most ${max} ${kind} connections per user; close another window first`,
      }, undefined, {
        retryAfterSeconds: 5,
        limit: 'connections',
      });
    }
    const conn: LiveConnection = { kind, userId: principal.accountId, token: token!, expiresAt: ctx.tokenExpiresAt ?? 0, principal, subscriptions: 0, close, lang: ctx.lang };
    this.add(conn);
    return { conn, ctx };
  }

  private add(conn: LiveConnection) {
    let set = this.byUser.get(conn.userId);
    if (!set) this.byUser.set(conn.userId, (set = new Set()));
    set.add(conn);
    // setTimeout takes at most 2^31-1 ms; a longer-lived token is caught by the periodic re-check
    const ms = Math.min(conn.expiresAt - Date.now(), 2 ** 31 - 1);
    const timer = setTimeout(() => this.end(conn, SIGN_IN_EXPIRED), Math.max(0, ms));
    timer.unref();
    this.expiry.set(conn, timer);
  }

  remove(conn: LiveConnection) {
    clearTimeout(this.expiry.get(conn));
    this.expiry.delete(conn);
    const set = this.byUser.get(conn.userId);
    set?.delete(conn);
    if (set && !set.size) this.byUser.delete(conn.userId);
  }

  /** Whether the connection may still be served without asking the database (token not expired, not ended). */
  assertOpen(conn: LiveConnection) {
    if (!conn.ended && Date.now() >= conn.expiresAt) this.end(conn, SIGN_IN_EXPIRED);
    if (conn.ended) throw unauthenticated(conn.ended);
  }

  /**
   * A fresh context for one event or operation of a connection: the token is checked again (expiry, token
   * version, the user's current grants). When it is no longer valid the connection is closed and
   * UNAUTHENTICATED thrown.
   */
  async check(conn: LiveConnection): Promise<RequestContext> {
    this.assertOpen(conn);
    const ctx = await this.contexts.fromToken(conn.token, true);
    ctx.lang = conn.lang;
    if (!ctx.principal) {
      this.end(conn, ctx.authProblem ?? { zh: '本次登录已失效，请重新登录', en: 'The sign-in has ended: sign in again' });
      throw unauthenticated(conn.ended);
    }
    const kept = new Set(ctx.principal.grants.map((g) => g.id));
    if (conn.principal.grants.some((g) => !kept.has(g.id))) {
      // A role was taken away: the connection ends (the client reconnects with what the user holds now).
      this.end(conn, { zh: '您的角色已变更，请重新连接', en: 'Your roles have changed: connect again' });
      throw unauthenticated(conn.ended);
    }
    conn.principal = ctx.principal;
    return ctx;
  }

  /** A context with no principal that says why (UNAUTHENTICATED at the first guard). */
  anonymous(problem: Msg, lang: Lang): RequestContext {
    const ctx = new RequestContext(this.contexts.system().em, null, problem);
    ctx.lang = lang;
    return ctx;
  }

  /** Reserves a subscription slot on the connection (per connection and per user caps), or throws RATE_LIMITED. */
  reserveSubscription(conn: LiveConnection) {
    const { maxSubscriptionsPerConnection: perConn, maxSubscriptionsPerUser: perUser } = this.config.live;
    if (conn.subscriptions >= perConn) {
      throw new AppError(ErrorCode.RATE_LIMITED, { zh: `本连接的订阅过多：最多 ${perConn} 个`, en: `Too many subscriptions on this connection: at most ${perConn}` }, undefined, { retryAfterSeconds: 5, limit: 'subscriptions' });
    }
    const all = [...(this.byUser.get(conn.userId) ?? [])].reduce((n, c) => n + c.subscriptions, 0);
    if (all >= perUser) {
      throw new AppError(ErrorCode.RATE_LIMITED, { zh: `订阅过多：每个用户最多 ${perUser} 个`, en: `Too many subscriptions: at most ${perUser} per user` }, undefined, { retryAfterSeconds: 5, limit: 'subscriptions' });
    }
    conn.subscriptions++;
  }

  releaseSubscription(conn: LiveConnection) {
    conn.subscriptions = Math.max(0, conn.subscriptions - 1);
  }

  private end(conn: LiveConnection, why: Msg) {
    if (conn.ended) return;
    conn.ended = why;
    this.remove(conn);
    try {
      conn.close(why[conn.lang]);
    } catch (err) {
      this.logger.warn(`closing a ${conn.kind} connection failed: ${(err as Error).message}`);
    }
  }

  private async recheckUser(userId: string | undefined) {
    const set = typeof userId === 'string' ? this.byUser.get(userId) : undefined;
    if (!set) return;
    await Promise.all([...set].map((c) => this.check(c).catch(() => undefined)));
  }

  private async recheckAll() {
    for (const userId of [...this.byUser.keys()]) await this.recheckUser(userId);
  }

  /** Open connections of this instance (for tests and diagnostics). */
  count(userId?: string): number {
    if (userId) return this.byUser.get(userId)?.size ?? 0;
    let n = 0;
    for (const s of this.byUser.values()) n += s.size;
    return n;
  }
}
