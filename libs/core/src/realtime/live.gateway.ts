import { Logger } from '@nestjs/common';
import { WebSocketGateway, type OnGatewayConnection, type OnGatewayInit } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { ContextFactory } from '../auth/context.factory';
import { bearerToken } from '../auth/jwt';
import { RequestContext } from '../context/request-context';

export const LIVE_NAMESPACE = '/live';

/** The RequestContext of an authenticated socket (set by the handshake check). */
export const socketContext = (socket: Socket): RequestContext => socket.data.ctx as RequestContext;

/**
 * socket.io namespace /live on the HTTP server's port. Every (re)connection must carry a valid JWT in
 * `auth.token` (or an Authorization header); it is checked in the handshake, so a refused client gets
 * `connect_error` with data.code = UNAUTHENTICATED and never joins. Event handlers of bounded contexts
 * (live research sessions) subscribe to this namespace in their own gateways.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE, cors: { origin: true }, maxHttpBufferSize: 64 * 1024 })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger('LiveGateway');
  constructor(private readonly contexts: ContextFactory) {}

  afterInit(nsp: Namespace) {
    nsp.use(async (socket, next) => {
      try {
        const token = (socket.handshake.auth?.token as string | undefined) ?? bearerToken(socket.handshake.headers.authorization);
        const ctx = await this.contexts.fromToken(token);
        if (!ctx.principal) {
          const err = new Error(ctx.authProblem ?? 'Sign in first: connect with auth { token }') as Error & { data?: unknown };
          err.data = { code: 'UNAUTHENTICATED' };
          return next(err);
        }
        socket.data.ctx = ctx;
        next();
      } catch (e) {
        this.logger.error(`handshake failed: ${(e as Error).message}`);
        const err = new Error('Internal server error') as Error & { data?: unknown };
        err.data = { code: 'INTERNAL_SERVER_ERROR' };
        next(err);
      }
    });
  }

  handleConnection(socket: Socket) {
    socket.emit('ready', { userId: socketContext(socket).user.userId });
  }
}
