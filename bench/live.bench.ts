import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { io, type Socket } from 'socket.io-client';
import { signToken, startEmbeddedPostgres } from '#app/core';
import { seedLiveWorld, type LiveWorld } from './live-world';
import { spawnServer, type SpawnedServer } from './load';

/**
 * npm run bench:live: one research session with PARTICIPANTS connected clients; SENDERS of them post chat
 * messages of 1 KB at RATE messages/s in total for SECONDS; once with one API instance, once with two
 * (clients split between them, senders too). Servers are separate processes (the built app) on loopback;
 * the clients run here. Prints deliveries/s, emit → receive latency, losses/duplicates, server RSS per socket.
 */
const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 200);
const SENDERS = Number(process.env.BENCH_SENDERS ?? 20); // 0.5 msg/s each: well inside the 10 per 10 s per-user limit
const RATE = Number(process.env.BENCH_RATE ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const SECRET = 'bench-live-secret-at-least-32-bytes-long';

const rssKb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function run(instances: number, databaseUrl: string, world: LiveWorld) {
  const servers: SpawnedServer[] = [];
  for (let i = 0; i < instances; i++) servers.push(await spawnServer(databaseUrl, { JWT_SECRET: SECRET, REDIS_URL: process.env.BENCH_REDIS_URL ?? '' }));
  const adminToken = signToken(SECRET, world.admin, 3600);
  const gql = async (query: string, variables: Record<string, unknown>) => {
    const res = await fetch(`${servers[0].url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` }, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as any;
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const now = Date.now();
  const session = (
    await gql(`mutation($i: ScheduleResearchSessionInput!) { scheduleResearchSession(input: $i) { id } }`, {
      i: { groupId: world.group, hostSchoolId: world.lead, title: '压测联合教研', type: 'JOINT_RESEARCH', mode: 'ONLINE', startsAt: new Date(now).toISOString(), endsAt: new Date(now + 3600_000).toISOString(), invitedSchoolIds: [world.member] },
    })
  ).scheduleResearchSession.id;
  await gql(`mutation($id: ID!) { startResearchSession(id: $id) { id } }`, { id: session });

  const rssBefore = servers.map((s) => rssKb(s.proc.pid!));
  const sent = new Map<string, number>();
  const latencies: number[] = [];
  let deliveries = 0;
  let duplicates = 0;
  let gaps = 0;
  const sockets: Socket[] = [];
  process.stdout.write(`  connecting ${PARTICIPANTS} clients to ${instances} instance(s)...`);
  for (let i = 0; i < PARTICIPANTS; i++) {
    const server = servers[i % instances];
    const socket = io(`${server.url}/live`, { auth: { token: signToken(SECRET, world.users[i], 3600) }, transports: ['websocket'], reconnection: false, forceNew: true });
    await new Promise<void>((resolve, reject) => {
      socket.once('ready', () => resolve());
      socket.once('connect_error', reject);
    });
    let last = 0;
    const join = await socket.timeout(10000).emitWithAck('session:join', { sessionId: session, afterSeq: 0 });
    if (!join.ok) throw new Error(JSON.stringify(join));
    last = join.events.at(-1)?.seq ?? 0;
    socket.on('session:event', (e: any) => {
      if (e.seq <= last) duplicates++;
      else if (e.seq !== last + 1) gaps += e.seq - last - 1;
      last = Math.max(last, e.seq);
      if (e.type !== 'CHAT_MESSAGE') return;
      const t0 = sent.get(e.payload.text.slice(0, 24));
      if (t0 !== undefined) {
        latencies.push(performance.now() - t0);
        deliveries++;
      }
    });
    sockets.push(socket);
  }
  await sleep(1000); // let presence settle
  const rssConnected = servers.map((s) => rssKb(s.proc.pid!));
  console.log(' sending...');

  const padding = '课'.repeat(330); // ~1 KB of UTF-8
  let posted = 0;
  let rejected = 0;
  const started = performance.now();
  const interval = 1000 / RATE;
  const total = RATE * SECONDS;
  const inflight: Promise<void>[] = [];
  for (let n = 0; n < total; n++) {
    const due = started + n * interval;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const sender = sockets[(n % SENDERS) * Math.floor(PARTICIPANTS / SENDERS)];
    const key = `m${String(n).padStart(8, '0')}:${randomUUID().slice(0, 14)}`.slice(0, 24);
    sent.set(key, performance.now());
    inflight.push(
      sender
        .timeout(10000)
        .emitWithAck('session:chat', { sessionId: session, text: key + padding })
        .then((r: any) => {
          if (r.ok) posted++;
          else rejected++;
        }),
    );
  }
  await Promise.all(inflight);
  const expected = posted * PARTICIPANTS;
  const drainUntil = performance.now() + 15000;
  while (deliveries < expected && performance.now() < drainUntil) await sleep(50);
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const rssAfter = servers.map((s) => rssKb(s.proc.pid!));
  sockets.forEach((s) => s.close());
  for (const s of servers) await s.stop();
  const perSocketKb = rssConnected.reduce((a, b, i) => a + b - rssBefore[i], 0) / PARTICIPANTS;
  return {
    instances,
    posted,
    rejected,
    expected,
    deliveries,
    lost: expected - deliveries,
    duplicates,
    gaps,
    deliveriesPerSecond: deliveries / elapsed,
    p50: pct(latencies, 50),
    p99: pct(latencies, 99),
    max: latencies.at(-1) ?? NaN,
    rssPerSocketKb: perSocketKb,
    rssAfterMb: rssAfter.map((k) => k / 1024),
  };
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sg-bench-live-'));
  chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dir, log: () => undefined, settings: { max_connections: '300' } });
  try {
    // the first server start applies the migrations
    await (await spawnServer(pg.url, { JWT_SECRET: SECRET })).stop();
    const db = new Client({ connectionString: pg.url });
    await db.connect();
    const world = await seedLiveWorld(db, PARTICIPANTS);
    await db.end();
    console.log(`Live session benchmark: ${PARTICIPANTS} participants, ${SENDERS} senders, ${RATE} msg/s of 1 KB for ${SECONDS} s; ${os.cpus().length} cores, Node ${process.version}`);
    const rows = [];
    for (const instances of [1, 2]) rows.push(await run(instances, pg.url, world));
    console.log(`\n| instances | messages | deliveries | lost | duplicated | deliveries/s | p50 ms | p99 ms | max ms | server RSS per socket |`);
    console.log(`|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|`);
    for (const r of rows) {
      console.log(
        `| ${r.instances} | ${r.posted}${r.rejected ? ` (+${r.rejected} refused)` : ''} | ${r.deliveries} / ${r.expected} | ${r.lost + r.gaps} | ${r.duplicates} | ${r.deliveriesPerSecond.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(1)} | ${r.rssPerSocketKb.toFixed(0)} KB |`,
      );
    }
  } finally {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
