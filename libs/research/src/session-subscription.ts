import { queueIterator } from '#app/core';
import type { SessionEvent } from './entities/session-event.entity';
import type { LiveDeliveryService, SessionListener } from './live-delivery.service';

/** A GraphQL subscription's stream of one session's events: the missed ones first, then live, each once. */
export function sessionEventStream(delivery: LiveDeliveryService, sessionId: string, afterSeq: number): AsyncIterableIterator<SessionEvent> {
  return queueIterator<SessionEvent>((push) => {
    const listener: SessionListener = { lastSeq: afterSeq, deliver: push };
    return { ready: delivery.attach(sessionId, listener, afterSeq, push), stop: () => delivery.detach(sessionId, listener) };
  });
}
