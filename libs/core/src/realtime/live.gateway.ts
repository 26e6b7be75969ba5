import { Inject, Logger } from '@nestjs/common';
import { WebSocketGateway, type OnGatewayConnection, type OnGatewayDisconnect, type OnGatewayInit } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { bearerToken } from '../auth/jwt';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { RequestContext } from '../context/request-context';
import { AppError, ErrorCode } from '../errors/app-error';
import { langOf, type Lang } from '../errors/messages';
import { LiveConnections, type LiveConnection } from './live-connections';

export const LIVE_NAMESPACE = '/live';

/**
 * The RequestContext of the socket's event being handled: built from the token again for every incoming
 * event (LiveGateway's packet middleware), so it holds the principal as it is now.
 */
export const socketContext = (socket: Socket): RequestContext => socket.data.ctx as RequestContext;

/** The user id the socket was opened for (stays known after the token stops being valid, e.g. to leave rooms). */
/** The language the socket's client asked for: auth.lang, or the handshake's Accept-Language header. */
export const socketLang = (socket: Socket): Lang => langOf(socket.handshake.auth?.lang ?? socket.handshake.headers['accept-language']);

export const socketUserId = (socket: Socket): string | undefined => (socket.data.conn as LiveConnection | undefined)?.userId;

const refusal = (err: unknown, lang: Lang) => {
  const known = err instanceof AppError;
  const e = new Error(known ? err.messageIn(lang) : 'Internal server error') as Error & { data?: unknown };
  e.data = known ? { code: err.code, ...(err.details ?? {}) } : { code: 'INTERNAL_SERVER_ERROR' };
  return e;
};

/** Answers a refused event through its ack, when it has one: { ok: false, code, message, ... }. */
const answer = (packet: unknown[], err: AppError | { code: string; message: string; details?: undefined }, lang: Lang) => {
  const ack = packet.at(-1);
  const message = err instanceof AppError ? err.messageIn(lang) : err.message;
  if (typeof ack === 'function') ack({ ok: false, code: err.code, message, ...(err.details ?? {}) });
};

/**
 * socket.io namespace /live on the HTTP server's port. Every (re)connection must carry a valid JWT in
 * `auth.token` (or an Authorization header); it is checked in the handshake, so a refused client gets
 * `connect_error` with data.code = UNAUTHENTICATED (or RATE_LIMITED past the per-user socket cap) and never
 * joins. After that, every incoming event is rate-limited per socket and its token checked again (expiry,
 * token version, current roles): a socket whose token stopped being valid gets `auth:ended` { code, message }
 * and is disconnected. Event handlers of bounded contexts (live research sessions) subscribe to this
 * namespace in their own gateways.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE, cors: { origin: true }, maxHttpBufferSize: 64 * 1024 })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger('LiveGateway');
  constructor(
    private readonly connections: LiveConnections,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  afterInit(nsp: Namespace) {
    nsp.use(async (socket, next) => {
      try {
        const raw = socket.handshake.auth?.token;
        const token = typeof raw === 'string' ? raw : bearerToken(socket.handshake.headers.authorization);
        const { conn, ctx } = await this.connections.open(
          'socket.io',
          token,
          (message) => {
            socket.emit('auth:ended', { code: ErrorCode.UNAUTHENTICATED, message });
            setImmediate(() => socket.disconnect(true)); // after the refused event's answer
          },
          socketLang(socket),
        );
        socket.data.conn = conn;
        socket.data.ctx = ctx;
        next();
      } catch (e) {
        if (!(e instanceof AppError)) this.logger.error(`handshake failed: ${(e as Error).message}`);
        next(refusal(e, socketLang(socket)));
      }
    });
  }

  handleConnection(socket: Socket) {
    const conn = socket.data.conn as LiveConnection | undefined;
    if (!conn) return;
    if (socket.disconnected) {
      this.connections.remove(conn); // went away during the handshake
      return;
    }
    const window = { start: Date.now(), count: 0 };
    socket.use((packet, next) => {
      const now = Date.now();
      if (now - window.start >= 10_000) Object.assign(window, { start: now, count: 0 });
      if (++window.count > this.config.live.socketEventsPer10s) {
        const retry = Math.max(1, Math.ceil((window.start + 10_000 - now) / 1000));
        return answer(packet, new AppError(ErrorCode.RATE_LIMITED, { zh: `本连接的事件过多，请 ${retry} 秒后再试`, en: `Too many events on this connection: try again in ${retry} s` }, undefined, { retryAfterSeconds: retry }), conn.lang);
      }
      this.connections.check(conn).then(
        (ctx) => {
          socket.data.ctx = ctx;
          next();
        },
        (err) => {
          if (err instanceof AppError) return answer(packet, err, conn.lang);
          this.logger.error(`event check failed: ${(err as Error).message}`);
          answer(packet, { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' }, conn.lang);
        },
      );
    });
    socket.emit('ready', { userId: conn.userId });
  }

  handleDisconnect(socket: Socket) {
    const conn = socket.data.conn as LiveConnection | undefined;
    if (conn) this.connections.remove(conn);
  }
}
