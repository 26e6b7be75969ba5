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
  /** Limits of live connections (socket.io and graphql-ws), per API instance. */
  live: LiveLimits;
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

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number ≥ 1: ${raw}`);
  return n;
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const nodeEnv = env.NODE_ENV || 'development';
  const production = nodeEnv === 'production';
  if (production && !env.JWT_SECRET) {
    throw new Error('JWT_SECRET is required when NODE_ENV=production');
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
    live: {
      maxConnectionsPerUser: positiveInt(env, 'LIVE_MAX_CONNECTIONS_PER_USER', 10),
      maxSubscriptionsPerConnection: positiveInt(env, 'LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION', 20),
      maxSubscriptionsPerUser: positiveInt(env, 'LIVE_MAX_SUBSCRIPTIONS_PER_USER', 50),
      recheckSeconds: positiveInt(env, 'LIVE_RECHECK_SECONDS', 30),
      socketEventsPer10s: positiveInt(env, 'LIVE_SOCKET_EVENTS_PER_10S', 40),
    },
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
export const usingDevJwtSecret = (c: AppConfig) => c.jwtSecret === DEV_JWT_SECRET;
