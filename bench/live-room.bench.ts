import 'reflect-metadata';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as os from 'node:os';
import * as path from 'node:path';
import chromium from '@sparticuz/chromium';
import { Client } from 'pg';
import { chromium as playwright } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { signToken, startEmbeddedPostgres } from '#app/core';
import { seedLiveWorld } from './live-world';
import { installCommitCounter, takeCommitCounts, traceRenderer } from './live-room-profile';
import { spawnServer } from './load';

/**
 * Part of npm run bench:web: one headless browser in a live room (the web app's /sessions/:id) while socket.io
 * clients post chat at RATE messages/s for MINUTES. Measures the time from a client's emit to the message being on
 * the page (a MutationObserver in the page; both clocks are this machine's), p50/p99 per minute, and the page's
 * JS heap and DOM nodes after a forced GC each minute (the room keeps a bounded list, so both should stay flat).
 * The same messages are also timed at a plain socket.io client (one of the senders, which is in the room too): that
 * part is the server's, the rest the page's. BENCH_LIVE_PROFILE=1 adds, per minute, the React commits, the components
 * rendered per commit and the renderer's main-thread busy time (a Chrome trace of the minute's last 30 s).
 * The bench's own event-loop delay is shown too: when it is large, the machine is starved (emits leave late).
 */
const RATE = Number(process.env.BENCH_RATE ?? 10);
const MINUTES = Number(process.env.BENCH_LIVE_MINUTES ?? 10);
const PROFILE = process.env.BENCH_LIVE_PROFILE === '1';
// each sender stays under the 10 messages per 10 s per user limit
const SENDERS = Math.max(2, Math.ceil(RATE / 0.8));
const SECRET = 'bench-live-room-secret-at-least-32-bytes';
const now = () => performance.timeOrigin + performance.now();
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
};

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sg-bench-room-'));
  chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dir, log: () => undefined });
  await (await spawnServer(pg.url, { JWT_SECRET: SECRET })).stop(); // applies the migrations
  const db = new Client({ connectionString: pg.url });
  await db.connect();
  const world = await seedLiveWorld(db, SENDERS + 1);
  await db.end();
  const server = await spawnServer(pg.url, { JWT_SECRET: SECRET });
  const browser = await playwright.launch({ executablePath: await chromium.executablePath(), args: chromium.args.filter((a) => a !== '--single-process'), headless: true });
  const sockets: Socket[] = [];
  try {
    const gql = async (query: string, variables: Record<string, unknown>) => {
      const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${signToken(SECRET, world.admin, 3600)}` }, body: JSON.stringify({ query, variables }) });
      const body = (await res.json()) as any;
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    const t0 = Date.now();
    const sessionId = (
      await gql(`mutation($i: ScheduleResearchSessionInput!) { scheduleResearchSession(input: $i) { id } }`, {
        i: { groupId: world.group, hostSchoolId: world.lead, title: '网页端压测联合教研', type: 'JOINT_RESEARCH', mode: 'ONLINE', startsAt: new Date(t0).toISOString(), endsAt: new Date(t0 + (MINUTES + 30) * 60_000).toISOString(), invitedSchoolIds: [world.member] },
      })
    ).scheduleResearchSession.id;
    await gql(`mutation($id: ID!) { startResearchSession(id: $id) { id } }`, { id: sessionId });

    // the viewer: the last teacher, signed in as the sign-in page would leave it
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    const token = signToken(SECRET, world.users[SENDERS], 3600 + MINUTES * 60);
    await context.addInitScript((tk) => (globalThis as any).sessionStorage.setItem('sg.session', JSON.stringify({ token: tk, expiresAt: new Date(Date.now() + 86_400_000).toISOString() })), token);
    if (PROFILE) await installCommitCounter(context);
    const page = await context.newPage();
    const seenAt = new Map<number, number>();
    await page.exposeFunction('benchSeen', (n: number, at: number) => void (seenAt.has(n) || seenAt.set(n, at)));
    await page.goto(`${server.url}/sessions/${sessionId}`);
    await page.locator('[data-testid=live-status][data-status=live]').waitFor({ timeout: 60_000 });
    await page.evaluate(() => {
      const g = globalThis as any;
      new g.MutationObserver((records: any[]) => {
        const at = g.performance.timeOrigin + g.performance.now();
        for (const r of records) for (const node of r.addedNodes) for (const m of String(node.textContent ?? '').matchAll(/#(\d+)#/g)) g.benchSeen(Number(m[1]), at);
      }).observe(g.document.body, { childList: true, subtree: true });
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const memory = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const m = (name: string) => metrics.find((x) => x.name === name)?.value ?? NaN;
      return { heapMb: m('JSHeapUsedSize') / 1048576, nodes: m('Nodes') };
    };

    for (let i = 0; i < SENDERS; i++) {
      const s = io(`${server.url}/live`, { auth: { token: signToken(SECRET, world.users[i], 3600 + MINUTES * 60) }, transports: ['websocket'], forceNew: true });
      await new Promise<void>((resolve, reject) => (s.once('ready', () => resolve()), s.once('connect_error', reject)));
      const join = await s.timeout(10_000).emitWithAck('session:join', { sessionId, afterSeq: 0 });
      if (!join.ok) throw new Error(JSON.stringify(join));
      sockets.push(s);
    }
    const heardAt = new Map<number, number>(); // at a plain socket.io client: the server's share of the latency
    sockets[0].on('session:event', (e: { payload?: { text?: unknown } }) => {
      const m = /#(\d+)#/.exec(String(e.payload?.text ?? ''));
      if (m && !heardAt.has(Number(m[1]))) heardAt.set(Number(m[1]), now());
    });

    console.log(`Live room in the browser: ${RATE} chat messages/s from ${SENDERS} socket.io clients for ${MINUTES} min; ${os.cpus().length} cores, Node ${process.version}`);
    console.log(`\n| minute | messages | on the page | p50 ms | p99 ms | max ms | JS heap after GC | DOM nodes | socket.io client p50 / p99 / max ms | bench event loop max ms |`);
    console.log(`|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|`);
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const profile: string[] = [];
    await (PROFILE ? takeCommitCounts(page) : null);
    const sentAt = new Map<number, number>();
    let refused = 0;
    const refusals = new Map<string, number>();
    let n = 0;
    for (let minute = 1; minute <= MINUTES; minute++) {
      const first = n;
      // each minute's schedule starts when the minute does: the pause for the previous minute's figures (the last
      // messages, a GC) is not made up by a burst of overdue messages, which the server would queue (~16 at once)
      const begin = now();
      const until = begin + 60_000;
      let trace: Awaited<ReturnType<typeof traceRenderer>> | null = null;
      while (now() < until) {
        if (PROFILE && !trace && now() > until - 30_000) trace = await traceRenderer(browser, page);
        const due = begin + (n - first) * (1000 / RATE);
        if (due > now()) await new Promise((r) => setTimeout(r, due - now()));
        const id = n++;
        sentAt.set(id, now());
        sockets[id % SENDERS].timeout(10_000).emit('session:chat', { sessionId, text: `#${id}# 第${id}条发言：同课异构的第二个环节，学生的讨论很充分。` }, (_err: unknown, ack: any) => {
          if (ack?.ok) return;
          refused++;
          const code = String(ack?.code ?? 'no answer');
          refusals.set(code, (refusals.get(code) ?? 0) + 1);
        });
      }
      const busy = trace ? await trace.stop() : { busy: NaN, frames: NaN };
      await new Promise((r) => setTimeout(r, 1500)); // the minute's last messages arrive
      const lat = [...sentAt].filter(([id]) => id >= first && id < n && seenAt.has(id)).map(([id, at]) => seenAt.get(id)! - at);
      const heard = [...sentAt].filter(([id]) => id >= first && id < n && heardAt.has(id)).map(([id, at]) => heardAt.get(id)! - at);
      const mem = await memory();
      const sock = `${pct(heard, 50).toFixed(1)} / ${pct(heard, 99).toFixed(1)} / ${Math.max(...heard).toFixed(1)}`;
      console.log(`| ${minute} | ${n - first} | ${lat.length} | ${pct(lat, 50).toFixed(1)} | ${pct(lat, 99).toFixed(1)} | ${Math.max(...lat).toFixed(1)} | ${mem.heapMb.toFixed(1)} MB | ${mem.nodes} | ${sock} | ${(loop.max / 1e6).toFixed(0)} |`);
      loop.reset();
      if (PROFILE) {
        const c = await takeCommitCounts(page);
        profile.push(`| ${minute} | ${c.commits} | ${c.perCommit.toFixed(1)} | ${busy.busy.toFixed(0)} | ${busy.frames.toFixed(1)} |`);
      }
    }
    const all = [...sentAt].filter(([id]) => seenAt.has(id)).map(([id, at]) => seenAt.get(id)! - at);
    if (PROFILE) console.log(['\n| minute | React commits | components rendered per commit | renderer main thread busy ms/s | frames/s (both over the last 30 s) |', '|---:|---:|---:|---:|---:|', ...profile].join('\n'));
    console.log(`\nAll: ${n} sent, ${refused} refused${refused ? ` (${[...refusals].map(([c, k]) => `${c}: ${k}`).join(', ')})` : ''}, ${all.length} seen on the page; p50 ${pct(all, 50).toFixed(1)} ms, p99 ${pct(all, 99).toFixed(1)} ms`);
  } finally {
    for (const s of sockets) s.close();
    await browser.close();
    await server.stop();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
