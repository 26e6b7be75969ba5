import type { SessionEvent } from './entities/session-event.entity';
import type { LiveDeliveryService, SessionListener } from './live-delivery.service';

/** A GraphQL subscription's stream of one session's events: the missed ones first, then live, each once. */
export function sessionEventStream(delivery: LiveDeliveryService, sessionId: string, afterSeq: number): AsyncIterableIterator<SessionEvent> {
  const queue: SessionEvent[] = [];
  let wake: (() => void) | undefined;
  let done = false;
  const push = (events: SessionEvent[]) => {
    queue.push(...events);
    wake?.();
  };
  const listener: SessionListener = { lastSeq: afterSeq, deliver: push };
  const attached = delivery.attach(sessionId, listener, afterSeq, push);
  const finish = async () => {
    done = true;
    await attached.catch(() => undefined);
    delivery.detach(sessionId, listener);
    wake?.();
    return { value: undefined, done: true } as IteratorResult<SessionEvent>;
  };
  return {
    async next(): Promise<IteratorResult<SessionEvent>> {
      await attached;
      while (!queue.length && !done) await new Promise<void>((r) => (wake = r));
      if (done && !queue.length) return { value: undefined, done: true };
      return { value: queue.shift()!, done: false };
    },
    return: finish,
    throw: async (err) => {
      await finish();
      throw err;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
