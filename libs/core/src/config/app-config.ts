import * as path from 'node:path';

/** Every setting the server reads, in one place (documented in README "Configuration"). */
export interface AppConfig {
  nodeEnv: string;
  production: boolean;
  port: number;
  host: string;
  /** Set: use that server. Unset: start the embedded PostgreSQL under dataDir. */
  databaseUrl?: string;
  dataDir: string;
  embeddedPgPort: number;
  jwtSecret: string;
  jwtTtlSeconds: number;
  demoData: boolean;
  adminEmail?: string;
  adminPassword?: string;
  /** Optional Redis for cross-instance realtime (later issues); Postgres LISTEN/NOTIFY otherwise. */
  redisUrl?: string;
  logSql: boolean;
  bodyLimit: string;
  /** Largest spreadsheet accepted by the imports (bytes). */
  importMaxBytes: number;
  /** SMTP_URL (smtp://user:pass@host:587, smtps://… for TLS): invitations and password resets also go by mail. */
  smtpUrl?: string;
  /** MAIL_FROM: the sender of those mails. */
  mailFrom: string;
  /** PUBLIC_URL: the address people open the web app at, for the links in mails (default http://localhost:PORT). */
  publicUrl: string;
  /** Express's `trust proxy`: whether (and which) X-Forwarded-For hops to believe for the client address. */
  trustProxy: boolean | number | string;
  /** Failed sign-ins counted over this many seconds; a lockout never lasts longer. */
  loginFailureWindowSeconds: number;
  /** Failed sign-ins per account (email) within the window before RATE_LIMITED; 0 turns the limit off. */
  loginMaxFailuresPerAccount: number;
  /** Failed sign-ins per client address within the window before RATE_LIMITED; 0 turns the limit off. */
  loginMaxFailuresPerAddress: number;
  /** Password hashes computed at once (each takes a libuv pool thread for a few hundred ms). */
  passwordHashConcurrency: number;
  /** Password hashes waiting for a slot; beyond that sign-ins answer RATE_LIMITED (server busy). */
  passwordHashQueue: number;
  /** Limits of live connections (socket.io and graphql-ws), per API instance. */
  live: LiveLimits;
  /** The notification jobs worker (session reminders, exchange starts) of this instance. */
  notifications: { worker: boolean; pollMs: number };
  /** How long a resolved principal may be served from memory (0: never); change notices end it sooner. */
  principalCacheSeconds: number;
}

export interface LiveLimits {
  /** socket.io sockets, and separately graphql-ws connections, one user may hold open. */
  maxConnectionsPerUser: number;
  maxSubscriptionsPerConnection: number;
  maxSubscriptionsPerUser: number;
  /** How often every open connection's token and roles are checked again (besides the change notices). */
  recheckSeconds: number;
  /** Events one socket may send per 10 seconds before it is answered RATE_LIMITED. */
  socketEventsPer10s: number;
}

const DEV_JWT_SECRET = 'dev-only-insecure-jwt-secret';
/** HS256 wants a key at least as long as its 256-bit output. */
export const MIN_JWT_SECRET_BYTES = 32;

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

function count(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number of at least ${min}: ${raw}`);
  return value;
}

/** TRUST_PROXY: unset or false (use the socket's address), true, a hop count, or addresses/subnets as Express takes them. */
function trustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === '' || ['0', 'false', 'no', 'off'].includes(value.toLowerCase())) return false;
  if (['true', 'yes', 'on'].includes(value.toLowerCase())) return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const nodeEnv = env.NODE_ENV || 'development';
  const production = nodeEnv === 'production';
  if (production && !env.JWT_SECRET) {
    throw new Error('JWT_SECRET is required when NODE_ENV=production');
  }
  const secretBytes = Buffer.byteLength(env.JWT_SECRET ?? '', 'utf8');
  if (production && secretBytes < MIN_JWT_SECRET_BYTES) {
    throw new Error(`JWT_SECRET must be at least ${MIN_JWT_SECRET_BYTES} bytes when NODE_ENV=production (it has ${secretBytes}): generate one with \`openssl rand -base64 48\``);
  }
  const databaseUrl = env.DATABASE_URL || undefined;
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT is not a port number: ${env.PORT}`);
  return {
    nodeEnv,
    production,
    port,
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    dataDir: path.resolve(env.DATA_DIR || path.join(process.cwd(), '.data')),
    embeddedPgPort: Number(env.EMBEDDED_PG_PORT ?? 54329),
    jwtSecret: env.JWT_SECRET || DEV_JWT_SECRET,
    jwtTtlSeconds: Number(env.JWT_TTL_SECONDS ?? 12 * 3600),
    demoData: flag(env.DEMO_DATA, !databaseUrl),
    adminEmail: env.ADMIN_EMAIL || undefined,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    redisUrl: env.REDIS_URL || undefined,
    logSql: flag(env.LOG_SQL, false),
    bodyLimit: env.BODY_LIMIT || '1mb',
    importMaxBytes: count(env, 'IMPORT_MAX_BYTES', 10 * 1024 * 1024, 1),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || '办学共同体协作平台 <no-reply@localhost>',
    publicUrl: (env.PUBLIC_URL || `http://localhost:${port || 3000}`).replace(/\/+$/, ''),
    live: {
      maxConnectionsPerUser: count(env, 'LIVE_MAX_CONNECTIONS_PER_USER', 10, 1),
      maxSubscriptionsPerConnection: count(env, 'LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION', 20, 1),
      maxSubscriptionsPerUser: count(env, 'LIVE_MAX_SUBSCRIPTIONS_PER_USER', 50, 1),
      recheckSeconds: count(env, 'LIVE_RECHECK_SECONDS', 30, 1),
      socketEventsPer10s: count(env, 'LIVE_SOCKET_EVENTS_PER_10S', 40, 1),
    },
    // off in tests unless a test starts it (NOTIFY_WORKER=true): jobs would fire behind other tests' backs
    notifications: { worker: flag(env.NOTIFY_WORKER, nodeEnv !== 'test'), pollMs: count(env, 'NOTIFY_POLL_MS', 5000, 10) },
    principalCacheSeconds: count(env, 'PRINCIPAL_CACHE_SECONDS', 60, 0),
    trustProxy: trustProxy(env.TRUST_PROXY),
    loginFailureWindowSeconds: count(env, 'LOGIN_FAILURE_WINDOW_SECONDS', 600, 1),
    loginMaxFailuresPerAccount: count(env, 'LOGIN_MAX_FAILURES_PER_ACCOUNT', 10),
    loginMaxFailuresPerAddress: count(env, 'LOGIN_MAX_FAILURES_PER_ADDRESS', 30),
    passwordHashConcurrency: count(env, 'PASSWORD_HASH_CONCURRENCY', 2, 1),
    passwordHashQueue: count(env, 'PASSWORD_HASH_QUEUE', 32),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
export const usingDevJwtSecret = (c: AppConfig) => c.jwtSecret === DEV_JWT_SECRET;
