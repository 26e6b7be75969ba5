import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { LiveBus } from '#app/core';
import { PresenceService } from '#app/research';
import { LiveClient, type LiveEvent } from './support/live-client';
import { TestApp } from './support/test-app';
import { researchWorld, SCHEDULE, sessionInput, useResearchWorld } from './support/research-world';

const seqs = (events: { seq: number }[]) => events.map((e) => e.seq);
const consecutive = (events: { seq: number }[]) => events.every((e, i) => i === 0 || e.seq === events[i - 1].seq + 1);

describe('live sessions over socket.io and graphql-ws', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof researchWorld>>;
  const clients: LiveClient[] = [];
  const connect = async (token: string, app = t) => {
    const c = await LiveClient.connect(app.url, token);
    clients.push(c);
    return c;
  };
  const liveSession = async () => {
    const s = (await t.ok(SCHEDULE, { i: sessionInput(w) }, w.manager.token)).scheduleResearchSession;
    await t.ok(`mutation($id: ID!) { startResearchSession(id: $id) { status } }`, { id: s.id }, w.manager.token);
    return s.id as string;
  };

  beforeAll(async () => {
    t = await TestApp.start();
    w = await researchWorld(t);
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await t?.stop();
  });

  it('joins with afterSeq, gets the missed events and the participants, then streams chat, notes and hands', async () => {
    const id = await liveSession();
    const member = await connect(w.memberUser.token);
    const join = await member.request('session:join', { sessionId: id, afterSeq: 0 });
    expect(join.ok).toBe(true);
    expect(join.events.map((e: LiveEvent) => e.type)).toEqual(['SESSION_STARTED', 'PARTICIPANT_JOINED']);
    expect(join.participants).toEqual([{ userId: w.memberUser.id, teacherId: w.memberTeacher.id, name: '陈雨萱' }]);

    const lead = await connect(w.leadUser.token);
    const leadJoin = await lead.request('session:join', { sessionId: id, afterSeq: 2 });
    expect(leadJoin.events.map((e: LiveEvent) => e.type)).toEqual(['PARTICIPANT_JOINED']);
    await member.waitFor((ev) => ev.some((e) => e.type === 'PARTICIPANT_JOINED' && e.payload.name === '周文华'));
    const presence = member.presence.at(-1);
    expect(presence.participants.map((p: any) => p.name).sort()).toEqual(['周文华', '陈雨萱'].sort());

    const chat = await lead.request('session:chat', { sessionId: id, text: '<script>alert(1)</script> 大家好' });
    expect(chat).toEqual({ ok: true, seq: 4 });
    expect((await lead.request('session:note', { sessionId: id, text: '板书设计很清楚' })).ok).toBe(true);
    expect((await member.request('session:hand', { sessionId: id, raised: true })).ok).toBe(true);
    const got = await member.waitFor((ev) => ev.some((e) => e.type === 'HAND_RAISED'));
    const chatEvent = got.find((e) => e.type === 'CHAT_MESSAGE')!;
    expect(chatEvent.payload.text).toBe('<script>alert(1)</script> 大家好'); // stored and sent as given
    expect(chatEvent.actor).toEqual({ id: w.leadUser.id });
    expect(consecutive(got)).toBe(true);

    // a graphql mutation reaches socket clients too
    await t.ok(`mutation($id: ID!) { postSessionNote(sessionId: $id, text: "来自网页的记录") { seq } }`, { id }, w.manager.token);
    await lead.waitFor((ev) => ev.some((e) => e.payload?.text === '来自网页的记录'));

    lead.close();
    await member.waitFor((ev) => ev.some((e) => e.type === 'PARTICIPANT_LEFT' && e.payload.name === '周文华'));
    await member.waitFor(() => member.presence.at(-1).participants.length === 1);
  });

  it('refuses joining a session outside your scope, with a clear error and no data', async () => {
    const id = await liveSession();
    const outsider = await connect(w.outsideUser.token);
    const r = await outsider.request('session:join', { sessionId: id, afterSeq: 0 });
    expect(r).toEqual({ ok: false, code: 'NOT_FOUND', message: expect.any(String) }); // hidden: answered like an unknown id
    expect((await outsider.request('session:chat', { sessionId: id, text: 'hi' })).code).toBe('NOT_FOUND');
    const bad = await outsider.request('session:join', { sessionId: 'nope', afterSeq: 0 });
    expect(bad).toMatchObject({ ok: false, code: 'BAD_USER_INPUT', field: 'sessionId' });
    const big = await (await connect(w.memberUser.token)).request('session:chat', { sessionId: id, text: 'x'.repeat(2001) });
    expect(big).toMatchObject({ ok: false, code: 'BAD_USER_INPUT', field: 'text' });
    await new Promise((r) => setTimeout(r, 100));
    expect(outsider.events).toEqual([]);
  });

  it('gives a client that drops and reconnects exactly the events it missed, once, in order', async () => {
    const id = await liveSession();
    const talkers = await Promise.all([w.leadUser, w.manager, w.hostAdmin].map((u) => connect(u.token)));
    for (const c of talkers) expect((await c.request('session:join', { sessionId: id, afterSeq: 0 })).ok).toBe(true);
    let viewer = await connect(w.memberUser.token);
    const first = await viewer.request('session:join', { sessionId: id, afterSeq: 0 });
    const received: LiveEvent[] = [...first.events];
    viewer.socket.on('session:event', (e: LiveEvent) => received.push(e));

    // the others keep posting while the viewer's transport is cut mid-stream
    let sent = 0;
    const posting = (async () => {
      for (let round = 0; round < 6; round++) {
        for (const c of talkers) {
          const r = await c.request('session:chat', { sessionId: id, text: `消息 ${round}` });
          if (r.ok) sent++;
        }
      }
    })();
    await new Promise((r) => setTimeout(r, 30));
    viewer.socket.io.engine.close(); // the transport drops without a goodbye
    const lastSeen = received.at(-1)!.seq;
    // others keep posting while it is away: wait until at least three more events are stored
    while ((await t.sql(`SELECT last_seq FROM research_session WHERE id = $1`, [id]))[0].last_seq < lastSeen + 3) await new Promise((r) => setTimeout(r, 10));
    viewer = await connect(w.memberUser.token);
    const again = await viewer.request('session:join', { sessionId: id, afterSeq: lastSeen });
    expect(again.events.length).toBeGreaterThanOrEqual(3); // it did miss events, and got them on rejoin
    received.push(...again.events);
    viewer.socket.on('session:event', (e: LiveEvent) => received.push(e));
    await posting;
    const [{ last }] = await t.sql(`SELECT last_seq AS last FROM research_session WHERE id = $1`, [id]);
    const until = Date.now() + 10000;
    while (received.at(-1)!.seq < last && Date.now() < until) await new Promise((r) => setTimeout(r, 20));

    expect(sent).toBe(18);
    expect(seqs(received)).toEqual([...Array(last).keys()].map((i) => i + 1)); // 1..last: none lost, none twice, in order
    expect(received.filter((e) => e.type === 'CHAT_MESSAGE')).toHaveLength(18);
  });

  it('delivers the same events over a graphql-ws subscription, after afterSeq, and refuses a bad token', async () => {
    const id = await liveSession();
    const wsUrl = t.url.replace('http', 'ws') + '/graphql';
    const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${w.memberUser.token}` }, retryAttempts: 0 });
    const got: any[] = [];
    const done = new Promise<void>((resolve, reject) => {
      client.subscribe(
        { query: `subscription($id: ID!) { researchSessionEvents(sessionId: $id, afterSeq: 0) { seq type payload actor { id } } }`, variables: { id } },
        {
          next: (m) => {
            got.push(m.data?.researchSessionEvents ?? m);
            if (got.length === 3) resolve();
          },
          error: reject,
          complete: () => resolve(),
        },
      );
    });
    await new Promise((r) => setTimeout(r, 200));
    await t.ok(`mutation($id: ID!) { postSessionNote(sessionId: $id, text: "订阅收到") { seq } }`, { id }, w.leadUser.token);
    await t.ok(`mutation($id: ID!) { endResearchSession(id: $id) { status } }`, { id }, w.manager.token);
    await done;
    await client.dispose();
    expect(got.map((e) => [e.seq, e.type])).toEqual([
      [1, 'SESSION_STARTED'],
      [2, 'NOTE_POSTED'],
      [3, 'SESSION_ENDED'],
    ]);
    expect(got[1].payload.text).toBe('订阅收到');

    const outsider = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${w.outsideUser.token}` }, retryAttempts: 0 });
    const refused = await new Promise<any>((resolve) => {
      outsider.subscribe({ query: `subscription($id: ID!) { researchSessionEvents(sessionId: $id) { seq } }`, variables: { id } }, { next: resolve, error: resolve, complete: () => resolve('complete') });
    });
    await outsider.dispose();
    expect(JSON.stringify(refused)).toContain('NOT_FOUND'); // hidden: answered like an unknown id

    const anonymous = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: 'Bearer garbage' }, retryAttempts: 0 });
    const closed = await new Promise<any>((resolve) => {
      anonymous.subscribe({ query: `subscription($id: ID!) { researchSessionEvents(sessionId: $id) { seq } }`, variables: { id } }, { next: resolve, error: resolve, complete: () => resolve('complete') });
    });
    await anonymous.dispose();
    expect(closed?.code).toBe(4403); // graphql-ws: Forbidden, the connection is refused before any subscription
    expect(got).toHaveLength(3);
  });
});

describe('losing the LISTEN connection', () => {
  const f = useResearchWorld();

  it('reconnects and delivers what was posted while it was down', async () => {
    const { t, w } = f;
    const s = (await t.ok(SCHEDULE, { i: sessionInput(w) }, w.manager.token)).scheduleResearchSession;
    await t.ok(`mutation($id: ID!) { startResearchSession(id: $id) { status } }`, { id: s.id }, w.manager.token);
    const c = await LiveClient.connect(t.url, w.memberUser.token);
    try {
      expect((await c.request('session:join', { sessionId: s.id, afterSeq: 0 })).ok).toBe(true);
      const [{ killed }] = await t.sql(
        `SELECT count(pg_terminate_backend(pid))::int AS killed FROM pg_stat_activity WHERE application_name = 'school-groups-live' AND datname = current_database()`,
      );
      expect(killed).toBe(1);
      await t.ok(`mutation($id: ID!) { postSessionNote(sessionId: $id, text: "断线期间的记录") { seq } }`, { id: s.id }, w.leadUser.token);
      const events = await c.waitFor((ev) => ev.some((e) => e.payload?.text === '断线期间的记录'), 15000);
      expect(consecutive(events)).toBe(true);
    } finally {
      c.close();
    }
  });
});

describe('presence of an instance that died', () => {
  const f = useResearchWorld();

  it('expires its participants and announces that they left', async () => {
    const { t, w } = f;
    const s = (await t.ok(SCHEDULE, { i: sessionInput(w) }, w.manager.token)).scheduleResearchSession;
    await t.ok(`mutation($id: ID!) { startResearchSession(id: $id) { status } }`, { id: s.id }, w.manager.token);
    // a participant whose instance crashed: its row stopped being refreshed two minutes ago
    await t.sql(`INSERT INTO session_presence (session_id, user_id, instance_id, connections, teacher_id, name, last_seen) VALUES ($1, $2, 'dead-instance', 1, $3, '陈雨萱', now() - interval '2 minutes')`, [
      s.id,
      w.memberUser.id,
      w.memberTeacher.id,
    ]);
    await t.app.get(PresenceService).heartbeat();
    const events = await t.sql(`SELECT type, payload FROM session_event WHERE session_id = $1 ORDER BY seq`, [s.id]);
    expect(events.at(-1)).toEqual({ type: 'PARTICIPANT_LEFT', payload: expect.objectContaining({ name: '陈雨萱', expired: true }) });
    expect(await t.sql(`SELECT 1 FROM session_presence WHERE session_id = $1`, [s.id])).toEqual([]);
  });
});

const transports: [string, Record<string, string>][] = [['Postgres LISTEN/NOTIFY', {}]];
if (process.env.REDIS_URL) transports.push(['Redis', { REDIS_URL: process.env.REDIS_URL }]);

describe.each(transports)('two API instances on one database (%s)', (_name, env) => {
  let a: TestApp;
  let b: TestApp;
  let w: Awaited<ReturnType<typeof researchWorld>>;
  const clients: LiveClient[] = [];
  beforeAll(async () => {
    a = await TestApp.start(env);
    b = await a.startSibling(env);
    w = await researchWorld(a);
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await b?.stop();
    await a?.stop();
  });

  it('carries events from instance A to clients on B and back, and shares presence', async () => {
    expect(a.app.get(LiveBus).transportName).toBe(env.REDIS_URL ? 'redis' : 'postgres');
    const s = (await a.ok(SCHEDULE, { i: sessionInput(w) }, w.manager.token)).scheduleResearchSession;
    await b.ok(`mutation($id: ID!) { startResearchSession(id: $id) { status } }`, { id: s.id }, w.manager.token);
    const onA = await LiveClient.connect(a.url, w.leadUser.token);
    const onB = await LiveClient.connect(b.url, w.memberUser.token);
    clients.push(onA, onB);
    expect((await onA.request('session:join', { sessionId: s.id, afterSeq: 0 })).ok).toBe(true);
    const joinB = await onB.request('session:join', { sessionId: s.id, afterSeq: 0 });
    expect(joinB.participants.map((p: any) => p.name).sort()).toEqual(['周文华', '陈雨萱'].sort());

    await onA.request('session:chat', { sessionId: s.id, text: 'A → B' });
    await onB.request('session:chat', { sessionId: s.id, text: 'B → A' });
    await onB.waitFor((ev) => ev.some((e) => e.payload?.text === 'A → B') && ev.some((e) => e.payload?.text === 'B → A'));
    await onA.waitFor((ev) => ev.some((e) => e.payload?.text === 'B → A'));
    await onA.waitFor((ev) => ev.some((e) => e.type === 'PARTICIPANT_JOINED' && e.payload.name === '陈雨萱'));
    for (const c of [onA, onB]) expect(consecutive(c.events)).toBe(true);

    // the rate limit holds across instances: 10 per 10 s, wherever they are sent
    const writer = await a.user('TEACHER', null, { teacherId: (await a.teacher(w.member.id, { name: '张伟' })).id });
    const wa = await LiveClient.connect(a.url, writer.token);
    const wb = await LiveClient.connect(b.url, writer.token);
    clients.push(wa, wb);
    const results = [];
    for (let i = 0; i < 12; i++) results.push(await (i % 2 ? wb : wa).request('session:chat', { sessionId: s.id, text: `#${i}` }));
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    expect(results.filter((r) => !r.ok).map((r) => r.code)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
  });
});
