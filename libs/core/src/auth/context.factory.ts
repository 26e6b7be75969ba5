import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { RequestContext } from '../context/request-context';
import { langOf } from '../errors/messages';
import { sqlStats } from '../database/sql-stats';
import { downloadLinkRequest, verifyDownloadLink } from './download-link';
import { bearerToken, verifyToken } from './jwt';
import { LiveBus, PRINCIPAL_CHANNEL } from '../realtime/live-bus';
import { PRINCIPAL_RESOLVER, type Principal, type PrincipalResolver } from './principal';
import { PrincipalCache } from './principal-cache';

/**
 * Builds the RequestContext from a bearer token or a download link; used by HTTP, GraphQL, socket.io and graphql-ws.
 * Principals come from the PrincipalCache while the LiveBus is connected (see there for why that keeps revocation
 * exact); its notices are subscribed to here, at construction, so the cache has dropped a changed user before any
 * later subscriber (the live connections' re-check) resolves them again.
 */
@Injectable()
export class ContextFactory {
  readonly principalCache: PrincipalCache;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
    private readonly bus: LiveBus,
  ) {
    this.principalCache = new PrincipalCache(config.principalCacheSeconds * 1000);
    bus.on<{ u?: string }>(PRINCIPAL_CHANNEL).subscribe((m) => typeof m?.u === 'string' && this.principalCache.drop(m.u));
    bus.reconnected$.subscribe(() => this.principalCache.drop()); // notices sent while away are lost
  }

  /** The user's principal now: cached while the bus is connected, unless `fresh` (read from the tables). */
  private principal(userId: string, fresh = false): Promise<Principal | null> {
    return this.principalCache.get(userId, this.bus.connected && !fresh, () => this.principals.resolve(userId));
  }

  // Provided by the identity lib, which core must not import: looked up once, app-wide.
  private resolver?: PrincipalResolver;
  private get principals(): PrincipalResolver {
    return (this.resolver ??= this.moduleRef.get<PrincipalResolver>(PRINCIPAL_RESOLVER, { strict: false }));
  }

  /** SQL statement counts per request are a development aid (extensions.sqlStatements). */
  get countSql(): boolean {
    return !this.config.production;
  }

  /** A signed download link instead of a bearer token (download-link.ts): its user, with their roles as they are now. */
  async fromDownloadLink(url: string): Promise<RequestContext> {
    const link = verifyDownloadLink(this.config.jwtSecret, url);
    const found = link ? await this.principal(link.userId, true) : null; // rare: read as the rows are
    // a link ends with the user's tokens (logout, password change or reset, role change)
    const principal = found && found.tokenVersion === link!.version ? found : null;
    return new RequestContext(this.dataSource.manager, principal, principal ? null : { zh: '下载链接无效、已过期或不属于此地址，请重新获取', en: 'The download link is invalid, has expired or is not for this address: ask for a new one' });
  }

  /**
   * `fresh`: read the principal from the tables, not the cache: live connections check every socket.io event and
   * graphql-ws operation against the rows as they are, even after a change that announced nothing (a grant
   * revoked by hand in SQL).
   */
  async fromToken(token: string | null | undefined, fresh = false): Promise<RequestContext> {
    if (!token) return new RequestContext(this.dataSource.manager, null, null);
    const claims = verifyToken(this.config.jwtSecret, token);
    if (!claims) return new RequestContext(this.dataSource.manager, null, { zh: '登录凭证无效或已过期，请重新登录', en: 'The token is invalid or has expired: sign in again' });
    const principal = await this.principal(claims.userId, fresh);
    if (!principal) return new RequestContext(this.dataSource.manager, null, { zh: '该登录凭证对应的账号已不存在', en: 'The account of this token no longer exists' });
    // Logout, a password change or reset and role changes bump the user's version: older tokens end at once.
    if (principal.tokenVersion !== claims.version) return new RequestContext(this.dataSource.manager, null, { zh: '本次登录已失效，请重新登录', en: 'This sign-in has ended: sign in again' });
    const ctx = new RequestContext(this.dataSource.manager, principal, null);
    ctx.tokenExpiresAt = claims.expiresAt;
    return ctx;
  }

  /** A context for trusted internal work (seeding, CLI): no principal, so services must not be scope-checked through it. */
  system(): RequestContext {
    return new RequestContext(this.dataSource.manager, null, null);
  }
}

/** req.ip honours Express's `trust proxy` (TRUST_PROXY); IPv4-mapped IPv6 is shown as plain IPv4. */
export function clientAddress(req: { ip?: string; socket?: { remoteAddress?: string } }): string | undefined {
  const address = req.ip ?? req.socket?.remoteAddress;
  return address?.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

/** Attaches req.ctx to every HTTP request (GraphQL included) and starts the per-request SQL statement count. */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  constructor(private readonly contexts: ContextFactory) {}

  use(req: any, _res: any, next: (err?: unknown) => void) {
    if (!this.contexts.countSql) return this.attach(req, next); // AsyncLocalStorage costs on every promise: production does without the count
    const store = { statements: 0 };
    req.sqlStats = store;
    // counting starts before the principal is resolved: its statement is the request's too
    return sqlStats.run(store, () => this.attach(req, next));
  }

  private async attach(req: any, next: (err?: unknown) => void) {
    try {
      const link = downloadLinkRequest(req);
      req.ctx = link ? await this.contexts.fromDownloadLink(link) : await this.contexts.fromToken(bearerToken(req.headers?.authorization));
      req.ctx.clientAddress = clientAddress(req);
      req.ctx.lang = req.ctx.principal?.lang ?? langOf(req.headers?.['accept-language']); // the user's choice wins
    } catch (err) {
      return next(err);
    }
    next();
  }
}
