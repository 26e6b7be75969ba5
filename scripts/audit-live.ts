import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { DEMO_PASSWORD } from '../apps/api/src/demo/seed-demo';
import { signToken, startEmbeddedPostgres } from '#app/core';
import { spawnServer } from '../bench/load';

/**
 * npm run audit:live — the socket and subscription abuse of the security review, repeated against the built
 * server in production mode (its own process, demo data, a fresh embedded PostgreSQL), from a client that
 * behaves as an attacker would. Prints one row per check (what was tried, what is required, what happened)
 * and exits 1 when any check fails. Loopback only; every loop is bounded in count and time.
 */
const SECRET = randomBytes(32).toString('hex');
const DOMAIN = 'demo.school-groups.cn';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Row {
  check: string;
  required: string;
  observed: string;
  pass: boolean;
}
const rows: Row[] = [];
const record = (check: string, required: string, observed: string, pass: boolean) => {
  rows.push({ check, required, observed, pass });
  console.log(`${pass ? 'PASS' : 'FAIL'}  ${check}: ${observed}`);
};

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sg-audit-live-'));
  chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dir, log: () => undefined });
  const server = await spawnServer(pg.url, { JWT_SECRET: SECRET, DEMO_DATA: 'on' });
  const API = server.url;
  const sockets: Socket[] = [];
  const wsClients: Client[] = [];

  const gql = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const res = await fetch(`${API}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: any; errors?: any[] };
  };
  const ok = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const r = await gql(query, variables, token);
    if (r.errors?.length) throw new Error(`${r.errors[0].extensions?.code}: ${r.errors[0].message}`);
    return r.data;
  };
  const login = async (who: string) => (await ok(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token user { id } } }`, { e: `${who}@${DOMAIN}`, p: DEMO_PASSWORD })).login;
  const connect = (token: string) =>
    new Promise<Socket>((resolve, reject) => {
      const s = io(`${API}/live`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
      sockets.push(s);
      s.once('ready', () => resolve(s));
      s.once('connect_error', (err: any) => reject(Object.assign(new Error(err.message), { data: err.data })));
    });
  const wsClient = (token: string, closes: number[] = []) => {
    const c = createClient({ url: API.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0, lazy: false, on: { closed: (e: any) => closes.push(e?.code) } });
    wsClients.push(c);
    return c;
  };
  /** The first answer of one operation over graphql-ws: its errors' codes, or 'data'. */
  const wsOnce = (c: Client, query: string, variables: Record<string, unknown> = {}) =>
    new Promise<string>((resolve) => {
      const stop = c.subscribe(
        { query, variables },
        {
          next: (m) => {
            resolve(m.errors?.length ? m.errors.map((e: any) => e.extensions?.code).join(',') : 'data');
            stop();
          },
          error: (e: any) => resolve(Array.isArray(e) ? e.map((x) => x.extensions?.code).join(',') : `closed ${e?.code}`),
          complete: () => resolve('complete'),
        },
      );
    });
  const eventsOf = async (sessionId: string, token: string) => {
    const all: any[] = [];
    for (let after = 0; ; ) {
      const page = (await ok(`query($id: ID!, $a: Int) { researchSession(id: $id) { events(afterSeq: $a, first: 100) { seq type actor { id } } } }`, { id: sessionId, a: after }, token)).researchSession.events;
      all.push(...page);
      if (page.length < 100) return all;
      after = page.at(-1).seq;
    }
  };

  try {
    console.log(`Live-connection audit against ${API} (NODE_ENV=production, demo data)\n`);
    const manager = await login('manager');
    const teacher = await login('teacher');
    const bureau = await login('bureau');
    const me = (await ok(`{ me { roles { id role scopeId } } }`, {}, manager.token)).me;
    const managerGrant = me.roles.find((r: any) => r.role === 'GROUP_MANAGER');
    const group = (await ok(`query($id: ID!) { schoolGroup(id: $id) { leadSchool { id } members { school { id } } } }`, { id: managerGrant.scopeId }, manager.token)).schoolGroup;
    const now = Date.now();
    const session = (
      await ok(
        `mutation($i: ScheduleResearchSessionInput!) { scheduleResearchSession(input: $i) { id } }`,
        {
          i: {
            groupId: managerGrant.scopeId,
            hostSchoolId: group.leadSchool.id,
            title: '安全审计：联合教研',
            type: 'JOINT_RESEARCH',
            mode: 'ONLINE',
            startsAt: new Date(now).toISOString(),
            endsAt: new Date(now + 3600_000).toISOString(),
            invitedSchoolIds: group.members.map((m: any) => m.school.id),
          },
        },
        manager.token,
      )
    ).scheduleResearchSession;
    await ok(`mutation($id: ID!) { startResearchSession(id: $id) { status } }`, { id: session.id }, manager.token);

    // --- session:join with an afterSeq out of range
    {
      const s = await connect(teacher.token);
      const answers = await Promise.all([2 ** 31, 1e300].map((afterSeq) => s.timeout(5000).emitWithAck('session:join', { sessionId: session.id, afterSeq })));
      const joined = (await eventsOf(session.id, manager.token)).filter((e) => e.type === 'PARTICIPANT_JOINED' && e.actor?.id === teacher.user.id).length;
      record('session:join afterSeq 2^31 and 1e300', 'BAD_USER_INPUT, nothing written', `${answers.map((a) => a.code).join(', ')}; ${joined} PARTICIPANT_JOINED written`, answers.every((a) => a.code === 'BAD_USER_INPUT') && joined === 0);
      s.close();
    }

    // --- 300 raised hands in 4 s
    {
      const s = await connect(teacher.token);
      await s.timeout(5000).emitWithAck('session:join', { sessionId: session.id });
      const started = Date.now();
      let accepted = 0;
      let limited = 0;
      for (let i = 0; i < 300 && Date.now() - started < 4000; i++) {
        const a = await s.timeout(5000).emitWithAck('session:hand', { sessionId: session.id, raised: i % 2 === 0 });
        if (a.ok) accepted++;
        else if (a.code === 'RATE_LIMITED') limited++;
      }
      const stored = (await eventsOf(session.id, manager.token)).filter((e) => e.type.startsWith('HAND_') && e.actor?.id === teacher.user.id).length;
      record('300 session:hand in 4 s', '≤ 6 written per 10 s, the rest RATE_LIMITED', `${accepted} accepted, ${limited} RATE_LIMITED, ${stored} events stored`, accepted <= 6 && stored <= 6 && limited > 0);
      s.close();
    }

    // --- 150 join/leave pairs in 5 s
    {
      const teacher2 = await login('teacher2');
      const s = await connect(teacher2.token);
      const started = Date.now();
      let pairs = 0;
      for (let i = 0; i < 150 && Date.now() - started < 5000; i++) {
        await s.timeout(5000).emitWithAck('session:join', { sessionId: session.id });
        await s.timeout(5000).emitWithAck('session:leave', { sessionId: session.id });
        pairs++;
      }
      const joined = (await eventsOf(session.id, manager.token)).filter((e) => e.type === 'PARTICIPANT_JOINED' && e.actor?.id === teacher2.user.id).length;
      record(`${pairs} join/leave pairs in 5 s`, '≤ 10 room entries written per minute', `${joined} PARTICIPANT_JOINED written`, joined <= 10);
      s.close();
    }

    // --- 500 sockets from one user
    {
      const results = await Promise.allSettled(Array.from({ length: 500 }, () => connect(teacher.token)));
      const accepted = results.filter((r) => r.status === 'fulfilled');
      const codes = new Set(results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason.data?.code));
      accepted.forEach((r) => (r as PromiseFulfilledResult<Socket>).value.close());
      record('500 sockets from one user', '≤ 10 accepted, the rest RATE_LIMITED', `${accepted.length} accepted; refused with ${[...codes].join(', ')}`, accepted.length <= 10 && [...codes].every((c) => c === 'RATE_LIMITED'));
      await sleep(300);
    }

    // --- 1,000 subscriptions on one graphql-ws connection
    {
      const c = wsClient(teacher.token);
      let data = 0;
      let limited = 0;
      let other = 0;
      await new Promise<void>((resolve) => {
        let answered = 0;
        const done = () => ++answered === 1000 && resolve();
        for (let i = 0; i < 1000; i++) {
          let first = true;
          c.subscribe(
            { query: `subscription($id: ID!) { researchSessionEvents(sessionId: $id, afterSeq: 0) { seq } }`, variables: { id: session.id } },
            {
              next: (m) => {
                if (!first) return;
                first = false;
                if (m.errors?.some((e: any) => e.extensions?.code === 'RATE_LIMITED')) limited++;
                else if (m.data) data++;
                else other++;
                done();
              },
              error: () => {
                if (first) other++;
                first = false;
                done();
              },
              complete: () => undefined,
            },
          );
        }
        setTimeout(resolve, 15000);
      });
      record('1,000 subscriptions on one graphql-ws connection', '≤ 20 served, the rest RATE_LIMITED', `${data} served, ${limited} RATE_LIMITED, ${other} other`, data <= 20 && limited >= 1000 - 20);
      await c.dispose();
    }

    // --- the HTTP rules over graphql-ws
    {
      const c = wsClient(teacher.token);
      const intro = await wsOnce(c, `query { __schema { types { name fields { name } } } }`);
      const query = await wsOnce(c, `query { me { id } }`);
      const costly = await wsOnce(c, `query { schools(first: 100) { edges { node { memberships { group { members { school { memberships { group { members { school { name } } } } } } } } } } } }`);
      const aliases = await wsOnce(c, `subscription($p: ID!) { lessonPlanEvents(planId: $p) { ${Array.from({ length: 40 }, (_, i) => `a${i}: planId`).join(' ')} } }`, { p: session.id });
      const invalid = await wsOnce(c, `subscription($id: ID!) { researchSessionEvents(sessionId: $id) { nope } }`, { id: session.id });
      record('introspection over graphql-ws (production)', 'refused', intro, intro !== 'data' && !intro.includes('INTERNAL'));
      record('query and costly query over graphql-ws', 'refused (subscriptions only)', `${query}; ${costly}`, query === 'BAD_USER_INPUT' && costly === 'BAD_USER_INPUT');
      record('40 aliases in a subscription', 'BAD_USER_INPUT', aliases, aliases === 'BAD_USER_INPUT');
      record('validation error over graphql-ws', 'GRAPHQL_VALIDATION_FAILED, not INTERNAL_SERVER_ERROR', invalid, invalid === 'GRAPHQL_VALIDATION_FAILED');
      await c.dispose();
    }

    // --- a socket and a graphql-ws connection outlive their token
    {
      const short = signToken(SECRET, teacher.user.id, 2);
      const s = await connect(short);
      let socketEnded = 0;
      s.on('disconnect', () => (socketEnded = Date.now()));
      const closes: number[] = [];
      const c = wsClient(short, closes);
      const sub = new Promise<void>((resolve) =>
        c.subscribe({ query: `subscription($id: ID!) { researchSessionEvents(sessionId: $id, afterSeq: 0) { seq } }`, variables: { id: session.id } }, { next: () => undefined, error: () => resolve(), complete: () => resolve() }),
      );
      await Promise.race([sub, sleep(5000)]);
      await sleep(200);
      let refused = 'accepted';
      await connect(short).then(
        (x) => x.close(),
        (err) => (refused = err.data?.code),
      );
      record('socket.io and graphql-ws after the token expires', 'closed at exp, new connections refused', `socket ${socketEnded ? 'closed' : 'open'}, graphql-ws closed with ${closes.join(',') || 'nothing'}, reconnect ${refused}`, !!socketEnded && closes.includes(4401) && refused === 'UNAUTHENTICATED');
    }

    // --- a revoked role keeps working on open connections
    {
      const s = await connect(manager.token);
      await s.timeout(5000).emitWithAck('session:join', { sessionId: session.id });
      let socketEnded = 0;
      s.on('disconnect', () => (socketEnded = Date.now()));
      const closes: number[] = [];
      let wsEnded = 0;
      const c = wsClient(manager.token, closes);
      c.subscribe({ query: `subscription($id: ID!) { researchSessionEvents(sessionId: $id, afterSeq: 0) { seq } }`, variables: { id: session.id } }, { next: () => undefined, error: () => (wsEnded = Date.now()), complete: () => (wsEnded = Date.now()) });
      await sleep(500);
      const revokedAt = Date.now();
      await ok(`mutation($g: ID!) { revokeRole(grantId: $g) }`, { g: managerGrant.id }, bureau.token);
      for (let i = 0; i < 50 && !(socketEnded && wsEnded); i++) await sleep(50);
      const socketMs = socketEnded ? socketEnded - revokedAt : NaN;
      const wsMs = wsEnded ? wsEnded - revokedAt : NaN;
      record('open connections after revokeRole', 'both end within 1 s', `socket.io ended after ${socketMs} ms, graphql-ws after ${wsMs} ms`, socketMs < 1000 && wsMs < 1000);
    }
  } finally {
    sockets.forEach((s) => s.close());
    await Promise.all(wsClients.map((c) => c.dispose()));
    await server.stop();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }

  console.log(`\n| check | required | observed | result |\n|---|---|---|---|`);
  for (const r of rows) console.log(`| ${r.check} | ${r.required} | ${r.observed} | ${r.pass ? 'pass' : '**FAIL**'} |`);
  const failed = rows.filter((r) => !r.pass).length;
  console.log(`\n${rows.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
