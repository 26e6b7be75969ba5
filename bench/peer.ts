import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { freePort } from '#app/core';

/**
 * The peer of `npm run bench:peer`: PostGraphile 5 on Node 22, both from npm, installed into a git-ignored cache
 * folder (never into the project's dependencies), with autocannon as the load generator when wrk is not on the PATH.
 */
export const PEER_CACHE = path.resolve('.bench-cache', 'peer');
const PACKAGES = { postgraphile: '5.1.5', '@graphile/simplify-inflection': '9.0.0', node: '22.23.3', autocannon: '8.0.0' } as const;

const SERVER = `// written by bench/peer.ts: PostGraphile 5 (amber preset, simplified inflection) on the benchmark's database
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PgSimplifyInflectionPreset } from '@graphile/simplify-inflection';
const preset = {
  extends: [PostGraphileAmberPreset, PgSimplifyInflectionPreset],
  // condition and orderBy on every column (the default offers only indexed ones): the benchmark asks what ours answers
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  pgServices: [makePgService({ connectionString: process.env.PEER_DATABASE_URL, schemas: ['public'], poolConfig: { max: 10 } })],
  grafserv: { graphiql: false, watch: false },
  grafast: { explain: false },
};
const serv = postgraphile(preset).createServ(grafserv);
const server = createServer();
await serv.addTo(server);
server.listen(Number(process.env.PEER_PORT), '127.0.0.1', () => console.log('peer listening'));
`;

/** Installs the peer into the cache folder when it is missing or of other versions (once: about 20 s). */
export function ensurePeer(): { node: string; autocannon: string } {
  const manifest = path.join(PEER_CACHE, 'package.json');
  const wanted = JSON.stringify({ name: 'bench-peer-cache', private: true, dependencies: PACKAGES }, null, 2);
  const installed = (name: string) => {
    const p = path.join(PEER_CACHE, 'node_modules', name, 'package.json');
    return existsSync(p) && JSON.parse(readFileSync(p, 'utf8')).version === PACKAGES[name as keyof typeof PACKAGES];
  };
  if (!existsSync(manifest) || readFileSync(manifest, 'utf8') !== wanted || !Object.keys(PACKAGES).every(installed)) {
    mkdirSync(PEER_CACHE, { recursive: true });
    writeFileSync(manifest, wanted);
    console.log(`installing the peer (${Object.entries(PACKAGES).map(([k, v]) => `${k}@${v}`).join(', ')}) into ${PEER_CACHE} ...`);
    const npm = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock'], { cwd: PEER_CACHE, stdio: 'inherit' });
    if (npm.status !== 0) throw new Error(`npm install in ${PEER_CACHE} failed`);
  }
  writeFileSync(path.join(PEER_CACHE, 'server.mjs'), SERVER);
  const node = path.join(PEER_CACHE, 'node_modules', '.bin', 'node');
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout?.trim();
  if (!version?.startsWith('v22.')) throw new Error(`the peer's Node (${node}) answers ${version ?? 'nothing'}, not v22`);
  return { node, autocannon: path.join(PEER_CACHE, 'node_modules', 'autocannon', 'autocannon.js') };
}

export interface PeerServer {
  proc: ChildProcess;
  url: string;
  stop(): Promise<void>;
}

/** PostGraphile as its own process on loopback, in production mode, answering once its schema is built. */
export async function spawnPeer(node: string, databaseUrl: string): Promise<PeerServer> {
  const port = await freePort();
  const proc = spawn(node, [path.join(PEER_CACHE, 'server.mjs')], {
    cwd: PEER_CACHE,
    env: { ...process.env, PEER_DATABASE_URL: databaseUrl, PEER_PORT: String(port), NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (proc.exitCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    await exited;
  };
  for (let i = 0; i < 600; i++) {
    try {
      const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      if (res.ok) return { proc, url, stop };
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error('the peer did not start');
}

/** CPU time (ms) of a process so far, from /proc (user + system). */
export function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (100 per second)
  } catch {
    return 0; // gone
  }
}

/** CPU time (ms) so far of each of the PostgreSQL server's processes (every child of the postmaster), by pid. */
export function postgresCpuMs(postmasterPid: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ');
      if (Number(fields[1]) === postmasterPid) out.set(Number(entry), ((Number(fields[11]) + Number(fields[12])) * 1000) / 100);
    } catch {
      /* ended meanwhile */
    }
  }
  return out;
}

/** CPU the PostgreSQL processes used between two readings (a process that ended meanwhile is not counted). */
export const postgresCpuSince = (before: Map<number, number>, after: Map<number, number>) => [...after].reduce((sum, [pid, ms]) => sum + ms - (before.get(pid) ?? 0), 0);

export interface LoadFigures {
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
}

const which = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).stdout.trim();

/** The load generator's name: wrk when it is on the PATH, else autocannon (from the cache folder). */
export const loadGenerator = () => (which('wrk') ? 'wrk' : 'autocannon');

/** POSTs `body` to `url` at `concurrency` for `seconds` from a separate process (wrk, else autocannon). */
export async function runLoadProcess(autocannon: string, url: string, headers: Record<string, string>, body: string, concurrency: number, seconds: number): Promise<LoadFigures> {
  const output = (cmd: string, args: string[]) =>
    new Promise<string>((resolve, reject) => {
      const p = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      p.stdout.on('data', (c) => (out += c));
      p.stderr.on('data', (c) => (err += c));
      p.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} exited ${code}: ${err.slice(-500)}`))));
    });
  if (loadGenerator() === 'wrk') {
    const script = path.join(PEER_CACHE, `wrk-${process.pid}.lua`);
    writeFileSync(
      script,
      `wrk.method = "POST"\nwrk.body = ${JSON.stringify(body)}\n` + Object.entries(headers).map(([k, v]) => `wrk.headers[${JSON.stringify(k)}] = ${JSON.stringify(v)}\n`).join(''),
    );
    const out = await output('wrk', ['-t', '2', '-c', String(concurrency), '-d', `${seconds}s`, '--latency', '-s', script, url]);
    const ms = (label: string) => {
      const m = out.match(new RegExp(`\\s${label}%\\s+([\\d.]+)(us|ms|s)`));
      return m ? Number(m[1]) * (m[2] === 'us' ? 0.001 : m[2] === 's' ? 1000 : 1) : NaN;
    };
    const requests = Number(out.match(/(\d+) requests in/)?.[1] ?? 0);
    const errors = Number(out.match(/Non-2xx or 3xx responses: (\d+)/)?.[1] ?? 0) + Number(out.match(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/)?.slice(1).reduce((a, b) => a + Number(b), 0) ?? 0);
    return { requests, errors, rps: Number(out.match(/Requests\/sec:\s+([\d.]+)/)?.[1] ?? 0), p50: ms('50'), p99: ms('99') };
  }
  const args = [autocannon, '--json', '-c', String(concurrency), '-d', String(seconds), '-m', 'POST', '-b', body];
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}=${v}`);
  args.push(url);
  const r = JSON.parse(await output(process.execPath, args));
  return { requests: r.requests.total, errors: r.errors + r.non2xx + r.timeouts, rps: r.requests.total / r.duration, p50: r.latency.p50, p99: r.latency.p99 };
}
