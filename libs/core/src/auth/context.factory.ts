import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { RequestContext } from '../context/request-context';
import { langOf } from '../errors/messages';
import { sqlStats } from '../database/sql-stats';
import { downloadLinkRequest, verifyDownloadLink } from './download-link';
import { bearerToken, verifyToken } from './jwt';
import { PRINCIPAL_RESOLVER, type PrincipalResolver } from './principal';

/** Builds the RequestContext from a bearer token; used by HTTP, GraphQL and (later) socket.io handshakes. */
@Injectable()
export class ContextFactory {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
  ) {}

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
    const found = link ? await this.principals.resolve(link.userId) : null;
    // a link ends with the user's tokens (logout, password change or reset, role change)
    const principal = found && found.tokenVersion === link!.version ? found : null;
    return new RequestContext(this.dataSource.manager, principal, principal ? null : { zh: '下载链接无效、已过期或不属于此地址，请重新获取', en: 'The download link is invalid, has expired or is not for this address: ask for a new one' });
  }

  async fromToken(token: string | null | undefined): Promise<RequestContext> {
    if (!token) return new RequestContext(this.dataSource.manager, null, null);
    const claims = verifyToken(this.config.jwtSecret, token);
    if (!claims) return new RequestContext(this.dataSource.manager, null, { zh: '登录凭证无效或已过期，请重新登录', en: 'The token is invalid or has expired: sign in again' });
    const principal = await this.principals.resolve(claims.userId);
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

  async use(req: any, _res: any, next: (err?: unknown) => void) {
    try {
      const link = downloadLinkRequest(req);
      req.ctx = link ? await this.contexts.fromDownloadLink(link) : await this.contexts.fromToken(bearerToken(req.headers?.authorization));
      req.ctx.clientAddress = clientAddress(req);
      req.ctx.lang = req.ctx.principal?.lang ?? langOf(req.headers?.['accept-language']); // the user's choice wins
    } catch (err) {
      return next(err);
    }
    if (this.contexts.countSql) {
      const store = { statements: 0 };
      req.sqlStats = store;
      sqlStats.run(store, () => next());
    } else {
      next(); // AsyncLocalStorage costs on every promise: production does without the count
    }
  }
}
