import { io, type Socket } from 'socket.io-client';

export interface LiveEvent {
  sessionId: string;
  seq: number;
  type: string;
  actor: { id: string } | null;
  payload: any;
  at: string;
}

/** A socket.io test client on /live that records what it receives. */
export class LiveClient {
  readonly events: LiveEvent[] = [];
  readonly presence: any[] = [];
  /** `auth:ended` notices: the server ended the connection because its sign-in stopped being valid. */
  readonly ended: { code: string; message: string }[] = [];
  /** Why the socket disconnected, once it has. */
  disconnectReason: string | null = null;
  private constructor(readonly socket: Socket) {
    socket.on('session:event', (e: LiveEvent) => this.events.push(e));
    socket.on('session:presence', (p: any) => this.presence.push(p));
    socket.on('auth:ended', (n: any) => this.ended.push(n));
    socket.on('disconnect', (reason) => (this.disconnectReason = reason));
  }

  /** English messages (auth.lang), as the tests assert them; `lang` for another language. */
  static connect(baseUrl: string, token: string, lang = 'en'): Promise<LiveClient> {
    const socket = io(`${baseUrl}/live`, { auth: { token, lang }, transports: ['websocket'], reconnection: false, forceNew: true });
    return new Promise((resolve, reject) => {
      socket.once('ready', () => resolve(new LiveClient(socket)));
      socket.once('connect_error', (err: any) => reject(Object.assign(new Error(err.message), { data: err.data })));
    });
  }

  request<T = any>(event: string, body: unknown, timeoutMs = 10000): Promise<T> {
    return this.socket.timeout(timeoutMs).emitWithAck(event, body);
  }

  /** Waits until the recorded events satisfy `done` (bounded). */
  async waitFor(done: (events: LiveEvent[]) => boolean, timeoutMs = 10000): Promise<LiveEvent[]> {
    const until = Date.now() + timeoutMs;
    while (!done(this.events)) {
      if (Date.now() > until) throw new Error(`timed out; have ${this.events.length} events: ${JSON.stringify(this.events.map((e) => [e.seq, e.type]))}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.events;
  }

  close() {
    this.socket.close();
  }
}
