import type { Observable } from 'rxjs';

/** What a source gives a queue iterator: a promise it is attached (values may arrive before), and how to stop it. */
export interface IteratorSource {
  ready?: Promise<unknown>;
  stop: () => unknown;
}

/**
 * A GraphQL subscription's stream from a push source: values are queued until pulled, in order;
 * `return` (the client went away) stops the source.
 */
export function queueIterator<T>(attach: (push: (values: T[]) => void) => IteratorSource): AsyncIterableIterator<T> {
  const queue: T[] = [];
  let wake: (() => void) | undefined;
  let done = false;
  const source = attach((values) => {
    queue.push(...values);
    wake?.();
  });
  const ready = (source.ready ?? Promise.resolve()).catch(() => undefined);
  const finish = async (): Promise<IteratorResult<T>> => {
    done = true;
    await ready;
    await source.stop();
    wake?.();
    return { value: undefined, done: true };
  };
  return {
    async next(): Promise<IteratorResult<T>> {
      await source.ready;
      while (!queue.length && !done) await new Promise<void>((r) => (wake = r));
      if (!queue.length) return { value: undefined, done: true };
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

/** A GraphQL subscription's stream from an observable; `return` unsubscribes. */
export function observableIterator<T>(source: Observable<T>): AsyncIterableIterator<T> {
  return queueIterator<T>((push) => {
    const subscription = source.subscribe((v) => push([v]));
    return { stop: () => subscription.unsubscribe() };
  });
}
