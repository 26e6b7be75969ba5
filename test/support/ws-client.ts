import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** One subscription's outcome: what it delivered, how it ended. */
export interface WsSubscription {
  results: any[];
  errors: any[];
  completed: boolean;
  /** Resolves when the subscription errored or completed. */
  ended: Promise<void>;
  stop(): void;
}

/** A graphql-ws test client that records how its connection closed. */
export class WsClient {
  readonly closes: { code: number; reason: string }[] = [];
  readonly client: Client;

  /** English messages by default (connectionParams['accept-language']), as the tests assert them. */
  constructor(baseUrl: string, token: string | null, lang = 'en') {
    this.client = createClient({
      url: baseUrl.replace('http', 'ws') + '/graphql',
      webSocketImpl: WebSocket,
      connectionParams: { 'accept-language': lang, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      retryAttempts: 0,
      lazy: true,
      on: { closed: (e: any) => this.closes.push({ code: e?.code, reason: String(e?.reason ?? '') }) },
    });
  }

  subscribe(query: string, variables: Record<string, unknown> = {}): WsSubscription {
    const sub = { results: [] as any[], errors: [] as any[], completed: false } as WsSubscription;
    sub.ended = new Promise<void>((resolve) => {
      sub.stop = this.client.subscribe(
        { query, variables },
        {
          next: (m) => {
            if (m.errors?.length) sub.errors.push(...m.errors);
            if (m.data) sub.results.push(m.data);
          },
          error: (e) => {
            // graphql-ws hands over an operation's errors as an array, a connection failure as a close event
            if (Array.isArray(e)) sub.errors.push(...e);
            else sub.errors.push(e);
            resolve();
          },
          complete: () => {
            sub.completed = true;
            resolve();
          },
        },
      );
    });
    return sub;
  }

  /** Runs one operation and returns its first answer (data or errors) or how the connection failed. */
  async once(query: string, variables: Record<string, unknown> = {}): Promise<{ data?: any; errors?: any[] }> {
    const s = this.subscribe(query, variables);
    await s.ended;
    return { data: s.results[0], errors: s.errors.length ? s.errors : undefined };
  }

  dispose() {
    return this.client.dispose();
  }
}

/** Waits until `done()` holds (bounded). */
export async function until(done: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
