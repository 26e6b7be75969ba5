import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { freePort } from '#app/core';

/** A tiny closed-loop load generator for benchmarks (loopback only, bounded in count and time). */
export interface LoadResult {
  name: string;
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 256 });

/**
 * POSTs JSON over node:http with keep-alive and returns the parsed body. The load generator shares the two cores
 * with the server and PostgreSQL; fetch (undici) costs it noticeably more CPU per request, which showed up as
 * server latency (groupActivitySummary p99 85 vs 47 ms in the same minute), so the dashboards benchmark uses this.
 */
export function postJson<T = any>(url: string, headers: Record<string, string>, payload: unknown): Promise<T> {
  const body = JSON.stringify(payload);
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent: keepAlive, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch (err) {
          reject(err);
        }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);

export async function runLoad(
  name: string,
  request: () => Promise<boolean>,
  opts: { concurrency: number; requests: number; maxSeconds: number; warmup?: number },
): Promise<LoadResult> {
  // Warm-up at the same concurrency as the measured run (JIT tiers, heap sizing and pools settle under the load
  // they will carry), not recorded.
  let warm = opts.warmup ?? 20;
  await Promise.all(
    [...Array(Math.min(opts.concurrency, Math.max(warm, 0)))].map(async () => {
      while (warm-- > 0) await request().catch(() => false);
    }),
  );
  const latencies: number[] = [];
  let errors = 0;
  let issued = 0;
  const started = performance.now();
  const deadline = started + opts.maxSeconds * 1000;
  const worker = async () => {
    while (issued < opts.requests && performance.now() < deadline) {
      issued++;
      const t0 = performance.now();
      const ok = await request().catch(() => false);
      latencies.push(performance.now() - t0);
      if (!ok) errors++;
    }
  };
  await Promise.all([...Array(opts.concurrency)].map(worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    name,
    requests: latencies.length,
    errors,
    seconds,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
  };
}

export function printTable(rows: LoadResult[]) {
  const f = (n: number) => n.toFixed(1);
  console.log(`\n| query | requests | errors | req/s | p50 ms | p95 ms | p99 ms | max ms |`);
  console.log(`|---|---:|---:|---:|---:|---:|---:|---:|`);
  for (const r of rows) console.log(`| ${r.name} | ${r.requests} | ${r.errors} | ${r.rps.toFixed(0)} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.p99)} | ${f(r.max)} |`);
}

export interface SpawnedServer {
  proc: ChildProcess;
  url: string;
  stop(): Promise<void>;
}

/** The Node options `npm start` gives the server (package.json's start script), so benchmarks run it the same way. */
export function startNodeOptions(): string[] {
  const start: string = JSON.parse(readFileSync(path.resolve('package.json'), 'utf8')).scripts.start;
  return start.split(/\s+/).filter((word) => word.startsWith('--'));
}

/** The built app (`npm run build`) as its own process on loopback, so server figures exclude the load generator. */
export async function spawnServer(databaseUrl: string, env: Record<string, string>): Promise<SpawnedServer> {
  const port = await freePort();
  const proc = spawn(process.execPath, [...startNodeOptions(), path.resolve('dist/apps/api/src/main.js')], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', DEMO_DATA: 'off', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (proc.exitCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    await exited;
  };
  // up to 2 minutes: migrations and the demo data took 45 s on the shared 2-core machine under load (30 s was too short)
  for (let i = 0; i < 1200; i++) {
    try {
      if ((await fetch(`${url}/health`)).ok) return { proc, url, stop };
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error('server did not start');
}
