import { Logger } from '@nestjs/common';
import { Ack, ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, type OnGatewayDisconnect } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import { DataSource } from 'typeorm';
import { Allow, AppError, AUTHENTICATED, badInput, isUuid, LIVE_NAMESPACE, RequestContext, socketContext, socketLang, socketUserId, type Lang } from '#app/core';
import { SessionEvent } from './entities/session-event.entity';
import { SessionEventType } from './enums';
import { LiveDeliveryService, type Participant, type SessionListener } from './live-delivery.service';
import { PresenceService } from './presence.service';
import { ResearchAccess } from './research-access';
import { ResearchService } from './research.service';

/** Sequence numbers are PostgreSQL integers. */
const MAX_SEQ = 2 ** 31 - 1;

type AckFn = (response: Record<string, unknown>) => void;

/** The wire shape of a live event, the same as the GraphQL SessionEvent. */
export const eventDto = (e: SessionEvent) => ({
  sessionId: e.sessionId,
  seq: e.seq,
  type: e.type,
  actor: e.actorUserId ? { id: e.actorUserId } : null,
  actorTeacherId: e.actorTeacherId,
  payload: e.payload,
  at: e.at instanceof Date ? e.at.toISOString() : e.at,
});

const failure = (err: unknown, lang: Lang) =>
  err instanceof AppError
    ? { ok: false, code: err.code, message: err.messageIn(lang), ...(err.field ? { field: err.field } : {}), ...(err.details ?? {}) }
    : { ok: false, code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' };

/**
 * Live research sessions over socket.io, namespace /live (the handshake's JWT check is LiveGateway's).
 * client → server: session:join { sessionId, afterSeq } · session:leave · session:chat · session:note · session:hand
 * server → client: session:event (SessionEvent) · session:presence { sessionId, participants }
 */
@Allow(AUTHENTICATED) // every socket is authenticated at the handshake; services check each session's scope
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class LiveSessionGateway implements OnGatewayDisconnect {
  private readonly logger = new Logger('LiveSession');

  constructor(
    private readonly dataSource: DataSource,
    private readonly research: ResearchService,
    private readonly access: ResearchAccess,
    private readonly delivery: LiveDeliveryService,
    private readonly presence: PresenceService,
  ) {}

  /** A fresh context per message (loaders must not outlive one operation), with the principal LiveGateway checked for this event. */
  private ctx(socket: Socket): RequestContext {
    const ctx = new RequestContext(this.dataSource.manager, socketContext(socket).principal);
    ctx.lang = socketContext(socket).lang;
    return ctx;
  }

  private joined(socket: Socket): Map<string, SessionListener> {
    return (socket.data.sessions ??= new Map<string, SessionListener>());
  }

  /** Handlers answer through the ack: { ok: true, ... } or { ok: false, code, message }. They return nothing to Nest. */
  private async run(socket: Socket, ack: AckFn | undefined, work: () => Promise<Record<string, unknown> | void>): Promise<void> {
    try {
      const result = await work();
      if (result && typeof ack === 'function') ack(result);
    } catch (err) {
      if (!(err instanceof AppError)) this.logger.error((err as Error).stack ?? String(err));
      if (typeof ack === 'function') ack(failure(err, socketContext(socket)?.lang ?? socketLang(socket)));
    }
  }

  private sessionId(body: any): string {
    const id = body?.sessionId;
    if (!isUuid(id)) throw badInput('sessionId', { zh: '「sessionId」须为有效的 ID（UUID）', en: 'sessionId must be an id (UUID)' });
    return id.toLowerCase();
  }

  @SubscribeMessage('session:join')
  join(@ConnectedSocket() socket: Socket, @MessageBody() body: any, @Ack() ack?: AckFn) {
    return this.run(socket, ack, async () => {
      const sessionId = this.sessionId(body);
      const afterSeq = body?.afterSeq ?? 0;
      if (!Number.isInteger(afterSeq) || afterSeq < 0 || afterSeq > MAX_SEQ) throw badInput('afterSeq', { zh: `「afterSeq」须为 0 至 ${MAX_SEQ} 之间的整数`, en: `afterSeq must be a whole number from 0 to ${MAX_SEQ}` });
      const ctx = this.ctx(socket);
      await this.access.require(ctx, sessionId, 'view');
      const sessions = this.joined(socket);
      if (!sessions.has(sessionId)) {
        await this.presence.join(ctx, sessionId, await this.research.displayName(ctx));
      } else {
        this.delivery.detach(sessionId, sessions.get(sessionId)!); // re-join: replay from the given afterSeq
      }
      const listener: SessionListener = {
        lastSeq: afterSeq,
        deliver: (events) => events.forEach((e) => socket.emit('session:event', eventDto(e))),
        presence: (participants: Participant[]) => socket.emit('session:presence', { sessionId, participants }),
      };
      sessions.set(sessionId, listener);
      const participants = await this.delivery.participants(sessionId);
      await this.delivery.attach(sessionId, listener, afterSeq, (missed) => {
        ack?.({ ok: true, sessionId, events: missed.map(eventDto), participants });
      });
    });
  }

  @SubscribeMessage('session:leave')
  leave(@ConnectedSocket() socket: Socket, @MessageBody() body: any, @Ack() ack?: AckFn) {
    return this.run(socket, ack, async () => {
      const sessionId = this.sessionId(body);
      await this.leaveSession(socket, sessionId);
      return { ok: true };
    });
  }

  @SubscribeMessage('session:chat')
  chat(@ConnectedSocket() socket: Socket, @MessageBody() body: any, @Ack() ack?: AckFn) {
    return this.run(socket, ack, async () => {
      const e = await this.research.postText(this.ctx(socket), this.sessionId(body), SessionEventType.CHAT_MESSAGE, body?.text);
      return { ok: true, seq: e.seq };
    });
  }

  @SubscribeMessage('session:note')
  note(@ConnectedSocket() socket: Socket, @MessageBody() body: any, @Ack() ack?: AckFn) {
    return this.run(socket, ack, async () => {
      const e = await this.research.postText(this.ctx(socket), this.sessionId(body), SessionEventType.NOTE_POSTED, body?.text);
      return { ok: true, seq: e.seq };
    });
  }

  @SubscribeMessage('session:hand')
  hand(@ConnectedSocket() socket: Socket, @MessageBody() body: any, @Ack() ack?: AckFn) {
    return this.run(socket, ack, async () => {
      const e = await this.research.hand(this.ctx(socket), this.sessionId(body), body?.raised !== false);
      return { ok: true, seq: e.seq };
    });
  }

  async handleDisconnect(socket: Socket) {
    const sessions: Map<string, SessionListener> | undefined = socket.data.sessions;
    if (!sessions || !socketUserId(socket)) return;
    for (const sessionId of [...sessions.keys()]) {
      await this.leaveSession(socket, sessionId).catch((err) => this.logger.warn(`leave on disconnect: ${err.message}`));
    }
  }

  /** Also when the socket's sign-in has ended: leaving needs only who it was. */
  private async leaveSession(socket: Socket, sessionId: string) {
    const sessions = this.joined(socket);
    const listener = sessions.get(sessionId);
    if (!listener) return;
    sessions.delete(sessionId);
    this.delivery.detach(sessionId, listener);
    await this.presence.leave(new RequestContext(this.dataSource.manager, null), sessionId, socketUserId(socket)!);
  }
}
