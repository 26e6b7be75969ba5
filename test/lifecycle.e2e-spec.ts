import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { freePort } from '#app/core';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../apps/api/src/demo/seed-demo';

/**
 * The README path, for real: the built server (`npm start` runs dist/apps/api/src/main.js) on the embedded
 * PostgreSQL with demo data; graceful stop leaves no postgres behind; a restart keeps the data; after a
 * SIGKILL the stale postgres is detected and handled.
 */
const MAIN = path.resolve('dist/apps/api/src/main.js');

interface Running {
  proc: ChildProcess;
  output: () => string;
  url: string;
}

describe('server lifecycle on the embedded PostgreSQL', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sg-lifecycle-'));
  chmodSync(dataDir, 0o755);
  const running: ChildProcess[] = [];

  afterAll(() => {
    for (const p of running) if (p.exitCode === null) p.kill('SIGKILL');
    const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
    if (existsSync(pidFile)) {
      try {
        process.kill(Number(readFileSync(pidFile, 'utf8').split('\n')[0]), 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function start(): Promise<Running> {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build" first (npm test does)`);
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), EMBEDDED_PG_PORT: String(await freePort()), NODE_ENV: 'development', HOST: '127.0.0.1' };
    delete env.DATABASE_URL;
    delete env.DEMO_DATA;
    const proc = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    running.push(proc);
    let out = '';
    proc.stdout!.on('data', (c) => (out += c));
    proc.stderr!.on('data', (c) => (out += c));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start in 90 s:\n${out}`)), 90000);
      const check = () => {
        if (out.includes('Health:')) {
          clearTimeout(timer);
          resolve();
        }
      };
      proc.stdout!.on('data', check);
      proc.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited with ${code} before listening:\n${out}`));
      });
    });
    return { proc, output: () => out, url: `http://127.0.0.1:${port}` };
  }

  const stop = (r: Running, signal: NodeJS.Signals = 'SIGTERM') =>
    new Promise<number | null>((resolve) => {
      r.proc.once('exit', (code) => resolve(code));
      r.proc.kill(signal);
    });

  async function gql(url: string, query: string, variables: Record<string, unknown> = {}, token?: string) {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return res.json() as Promise<any>;
  }

  const postgresPid = () => {
    const f = path.join(dataDir, 'pg', 'postmaster.pid');
    return existsSync(f) ? Number(readFileSync(f, 'utf8').split('\n')[0]) : null;
  };
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  let regionName = '';

  it('starts with demo data, answers schoolGroups, and stops cleanly on SIGTERM', async () => {
    const s = await start();
    expect(s.output()).toMatch(/Demo data loaded in \d+ ms/);
    for (const a of DEMO_ACCOUNTS) expect(s.output()).toContain(a.email);
    expect((await fetch(`${s.url}/health`)).status).toBe(200);

    const admin = DEMO_ACCOUNTS.find((a) => a.role === 'PLATFORM_ADMIN')!;
    const login = await gql(s.url, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: admin.email, p: DEMO_PASSWORD });
    const token = login.data.login.token;
    const groups = await gql(s.url, `{ schoolGroups(first: 5, filter: { kind: CONSORTIUM }) { totalCount edges { node { name mode leadSchool { name } } } } }`, {}, token);
    expect(groups.data.schoolGroups.totalCount).toBeGreaterThan(0);
    expect(groups.data.schoolGroups.edges[0].node.leadSchool.name).toMatch(/[\u4e00-\u9fff]/);

    regionName = `重启测试区-${Date.now()}`;
    const created = await gql(s.url, `mutation($n: String!) { createRegion(input: { name: $n, level: PROVINCE }) { id } }`, { n: regionName }, token);
    expect(created.errors).toBeUndefined();

    const pg = postgresPid();
    expect(pg && alive(pg)).toBeTruthy();
    expect(await stop(s)).toBe(0);
    expect(postgresPid()).toBeNull();
    expect(alive(pg!)).toBe(false);
  });

  it('keeps all data across a restart and does not load the demo data twice', async () => {
    const s = await start();
    expect(s.output()).not.toMatch(/Demo data loaded in/);
    const login = await gql(s.url, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: DEMO_ACCOUNTS[0].email, p: DEMO_PASSWORD });
    const regions = await gql(s.url, `{ regions { name } }`, {}, login.data.login.token);
    expect(regions.data.regions.map((r: any) => r.name)).toContain(regionName);
    expect(await stop(s)).toBe(0);
  });

  it('detects the PostgreSQL left running by a killed server and recovers with a clear message', async () => {
    const first = await start();
    expect(await stop(first, 'SIGKILL')).toBeNull();
    const orphan = postgresPid();
    expect(orphan && alive(orphan)).toBeTruthy();

    const s = await start();
    expect(s.output()).toContain('left running by an earlier run');
    expect(alive(orphan!)).toBe(false);
    expect((await fetch(`${s.url}/health`)).status).toBe(200);
    expect(await stop(s)).toBe(0);
    expect(postgresPid()).toBeNull();
  });

  it('answers 503 on /health while the database is down, without crashing, and still stops', async () => {
    const s = await start();
    const pg = postgresPid()!;
    process.kill(pg, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 300));
    const health = await fetch(`${s.url}/health`);
    expect(health.status).toBe(503);
    const r = await gql(s.url, `mutation { login(email: "x@example.cn", password: "whatever1") { token } }`);
    expect(r.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(r)).not.toMatch(/ECONNREFUSED|at .*\.js/);
    expect(await stop(s)).toBe(0);
  });
});
