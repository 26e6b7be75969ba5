import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TestApp } from './support/test-app';

describe('smoke', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('answers /health with 200 when the database is up', async () => {
    const res = await fetch(`${t.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', database: 'up' });
  });

  it("creates each request and response with the Express app's prototypes (Express's per-request setPrototypeOf does nothing)", async () => {
    const express = t.app.getHttpAdapter().getInstance();
    const seen: Array<[object, object]> = [];
    const server = t.app.getHttpServer();
    const probe = (req: object, res: object) => seen.push([Object.getPrototypeOf(req), Object.getPrototypeOf(res)]);
    server.prependListener('request', probe); // before Express's handler
    try {
      expect((await fetch(`${t.url}/health`)).status).toBe(200);
    } finally {
      server.removeListener('request', probe);
    }
    expect(seen).toHaveLength(1);
    expect(seen[0][0]).toBe(express.request);
    expect(seen[0][1]).toBe(express.response);
  });

  it('lists school groups for a signed-in user', async () => {
    const r = await t.region({ name: '随县' });
    const s = await t.school(r.id, { name: '随县第一中学' });
    await t.group(r.id, s.id, { name: '随县第一教联体' });
    const u = await t.user();
    const data = await t.ok(`{ schoolGroups { totalCount edges { node { name kind leadSchool { name } } } } }`, {}, u.token);
    expect(data.schoolGroups.totalCount).toBe(1);
    expect(data.schoolGroups.edges[0].node).toEqual({ name: '随县第一教联体', kind: 'CONSORTIUM', leadSchool: { name: '随县第一中学' } });
  });
});

describe('database connection loss', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('recovers the pool after every server connection was killed (as after a PostgreSQL restart)', async () => {
    const token = (await t.user()).token;
    // warm the pool with several connections
    await Promise.all([...Array(5)].map(() => t.gql(`{ regions { id } }`, {}, token)));
    const { Client } = await import('pg');
    const admin = new Client({ connectionString: process.env.TEST_PG_ADMIN_URL });
    await admin.connect();
    const killed = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [t.dbName]);
    await admin.end();
    expect(killed.rowCount).toBeGreaterThan(0);
    // the pool drops dead connections and opens new ones: after at most one failed attempt, all is well
    let ok = 0;
    for (let i = 0; i < 5; i++) {
      const r = await t.gql(`{ regions { id } }`, {}, token);
      if (!r.errors) ok++;
      else expect(r.errors[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    }
    expect(ok).toBeGreaterThanOrEqual(4);
    expect((await fetch(`${t.url}/health`)).status).toBe(200);
  });
});

describe('socket.io on the same port', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(async () => {
    await t?.stop();
  });

  const connect = async (auth: { token?: string }) => {
    const { io } = await import('socket.io-client');
    const socket = io(`${t.url}/live`, { auth, transports: ['websocket'], reconnection: false });
    return new Promise<{ ok: boolean; data: any; close: () => void }>((resolve) => {
      socket.on('ready', (data) => resolve({ ok: true, data, close: () => socket.close() }));
      socket.on('connect_error', (err: any) => resolve({ ok: false, data: { message: err.message, ...err.data }, close: () => socket.close() }));
    });
  };

  it('accepts a valid token in the handshake on namespace /live', async () => {
    const u = await t.user('TEACHER');
    const c = await connect({ token: u.token });
    expect(c).toMatchObject({ ok: true, data: { userId: u.id } });
    c.close();
  });

  it('refuses a missing or invalid token with UNAUTHENTICATED', async () => {
    for (const auth of [{}, { token: 'garbage' }]) {
      const c = await connect(auth);
      expect(c.ok).toBe(false);
      expect(c.data.code).toBe('UNAUTHENTICATED');
      c.close();
    }
  });
});
