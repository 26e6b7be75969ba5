import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { Subject, filter, map, type Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

const CHANNEL = 'sg_live';

/** Bus channel: "this user's sign-in or roles changed" ({ u: userId }), sent after commit by whoever changed them. */
export const PRINCIPAL_CHANNEL = 'principal';

interface Envelope {
  /** logical channel, e.g. 'session' */
  c: string;
  /** message */
  m: unknown;
}

/** How notifications travel between API instances. Messages are small pointers ("session X has new events"), never the events. */
interface LiveTransport {
  readonly name: string;
  /** `onState(true)` once messages are received, `onState(false)` as soon as they may be missed. */
  start(onMessage: (e: Envelope) => void, onReconnect: () => void, onState: (up: boolean) => void): Promise<void>;
  publish(e: Envelope): Promise<void>;
  stop(): Promise<void>;
}

/** Postgres LISTEN/NOTIFY on a dedicated connection, reconnecting with back-off. No extra server needed. */
class PgNotifyTransport implements LiveTransport {
  readonly name = 'postgres';
  private readonly logger = new Logger('LiveBus');
  private listener?: Client;
  private stopped = false;
  private retry?: NodeJS.Timeout;

  constructor(
    private readonly url: string,
    private readonly dataSource: DataSource,
  ) {}

  private onState: (up: boolean) => void = () => undefined;

  async start(onMessage: (e: Envelope) => void, onReconnect: () => void, onState: (up: boolean) => void) {
    this.onState = onState;
    await this.connect(onMessage, onReconnect, false);
  }

  private async connect(onMessage: (e: Envelope) => void, onReconnect: () => void, reconnecting: boolean): Promise<void> {
    const client = new Client({ connectionString: this.url, application_name: 'school-groups-live' });
    client.on('notification', (n) => {
      if (n.channel !== CHANNEL || !n.payload) return;
      try {
        onMessage(JSON.parse(n.payload));
      } catch {
        /* not ours */
      }
    });
    const lost = (why: string) => {
      if (this.stopped || this.listener !== client) return;
      this.listener = undefined;
      this.onState(false);
      this.logger.warn(`LISTEN connection lost (${why}); reconnecting`);
      client.end().catch(() => undefined);
      this.schedule(onMessage, onReconnect, 500);
    };
    client.on('error', (err) => lost(err.message));
    client.on('end', () => lost('closed'));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (err) {
      client.end().catch(() => undefined);
      if (!reconnecting) throw err;
      this.logger.warn(`LISTEN reconnect failed: ${(err as Error).message}`);
      this.schedule(onMessage, onReconnect, 2000);
      return;
    }
    this.listener = client;
    this.onState(true);
    if (reconnecting) onReconnect(); // notifications sent while we were away are lost: let subscribers catch up from the table
  }

  private schedule(onMessage: (e: Envelope) => void, onReconnect: () => void, ms: number) {
    if (this.stopped) return;
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.connect(onMessage, onReconnect, true), ms);
  }

  async publish(e: Envelope) {
    await this.dataSource.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify(e)]);
  }

  async stop() {
    this.stopped = true;
    clearTimeout(this.retry);
    const l = this.listener;
    this.listener = undefined;
    await l?.end().catch(() => undefined);
  }
}

/** Redis pub/sub, when REDIS_URL is set. */
class RedisTransport implements LiveTransport {
  readonly name = 'redis';
  private pub?: import('ioredis').Redis;
  private sub?: import('ioredis').Redis;
  constructor(private readonly url: string) {}

  async start(onMessage: (e: Envelope) => void, onReconnect: () => void, onState: (up: boolean) => void) {
    const { Redis } = await import('ioredis');
    const opts = { lazyConnect: true, maxRetriesPerRequest: 3 };
    this.pub = new Redis(this.url, opts);
    this.sub = new Redis(this.url, opts);
    await Promise.all([this.pub.connect(), this.sub.connect()]);
    let first = true;
    this.sub.on('ready', () => {
      if (!first) {
        onState(true); // subscribed again (ioredis re-subscribes before 'ready')
        onReconnect();
      }
      first = false;
    });
    this.sub.on('close', () => onState(false));
    this.sub.on('end', () => onState(false));
    this.sub.on('message', (channel, payload) => {
      if (channel !== CHANNEL) return;
      try {
        onMessage(JSON.parse(payload));
      } catch {
        /* not ours */
      }
    });
    await this.sub.subscribe(CHANNEL);
    first = false;
    onState(true);
  }

  async publish(e: Envelope) {
    await this.pub!.publish(CHANNEL, JSON.stringify(e));
  }

  async stop() {
    this.sub?.disconnect();
    this.pub?.disconnect();
  }
}

/**
 * Cross-instance notifications. Every instance receives every message, its own included, so there is one
 * delivery path. Messages may be lost (a dropped LISTEN connection); `reconnected$` tells subscribers to
 * catch up from their source of truth (the event tables).
 */
@Injectable()
export class LiveBus implements OnModuleInit, OnModuleDestroy {
  readonly instanceId = randomUUID();
  private readonly logger = new Logger('LiveBus');
  private readonly messages = new Subject<Envelope>();
  readonly reconnected$ = new Subject<void>();
  private transport?: LiveTransport;
  private up = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  get transportName() {
    return this.transport?.name;
  }

  /**
   * Whether messages reach this instance now: false before the bus started, and from the moment its connection is
   * lost until it is back. What relies on hearing every change (the principal cache) trusts nothing meanwhile.
   */
  get connected(): boolean {
    return this.up;
  }

  async onModuleInit() {
    if (!this.dataSource.isInitialized) return; // schema printing: no database
    const url = (this.dataSource.options as { url?: string }).url!;
    this.transport = this.config.redisUrl ? new RedisTransport(this.config.redisUrl) : new PgNotifyTransport(url, this.dataSource);
    await this.transport.start(
      (e) => this.messages.next(e),
      () => this.reconnected$.next(),
      (up) => (this.up = up),
    );
  }

  async onModuleDestroy() {
    this.up = false;
    await this.transport?.stop();
  }

  async publish(channel: string, message: unknown): Promise<void> {
    try {
      await this.transport?.publish({ c: channel, m: message });
    } catch (err) {
      // The event is stored; listeners catch up on their next notification or reconnect.
      this.logger.warn(`publish on ${channel} failed: ${(err as Error).message}`);
    }
  }

  on<T>(channel: string): Observable<T> {
    return this.messages.pipe(
      filter((e) => e.c === channel),
      map((e) => e.m as T),
    );
  }
}
