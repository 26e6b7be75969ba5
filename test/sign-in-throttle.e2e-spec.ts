import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { IdentityService } from '#app/identity';
import { accounts, ext, LOGIN, PASSWORD } from './support/accounts';
import { codeOf, TestApp } from './support/test-app';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

describe('sign-in throttle across instances', () => {
  const WINDOW = 15; // long enough for a loaded machine to make the failures of one test inside it
  const env = { LOGIN_FAILURE_WINDOW_SECONDS: String(WINDOW), LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_FAILURES_PER_ADDRESS: '5', TRUST_PROXY: 'true' };
  let t: TestApp;
  let sibling: TestApp;
  const f = accounts(() => t);
  let address = 0;
  /** Each test signs in from its own client address (X-Forwarded-For, trusted here). */
  const from = () => ({ 'x-forwarded-for': `203.0.113.${++address}` });
  const loginOn = (app: TestApp, email: string, password: string, headers: Record<string, string>) => app.gql(LOGIN, { e: email, p: password }, null, headers);

  beforeAll(async () => {
    t = await TestApp.start(env);
    sibling = await t.startSibling(env);
    await f.prepare();
  });
  afterAll(async () => {
    await sibling?.stop();
    await t?.stop();
  });

  it('shares the count between instances, refuses before hashing, and ends the lockout after the window however long it is hammered', async () => {
    const u = await f.account('TEACHER');
    const ip = from();
    expect(codeOf(await loginOn(t, u.email, 'guess-1', ip))).toBe('UNAUTHENTICATED');
    expect(codeOf(await loginOn(sibling, u.email, 'guess-2', ip))).toBe('UNAUTHENTICATED');
    expect(codeOf(await loginOn(t, u.email, 'guess-3', ip))).toBe('UNAUTHENTICATED');
    const hashed = t.app.get(IdentityService).hasher.computed + sibling.app.get(IdentityService).hasher.computed;
    const limited = await loginOn(sibling, u.email, PASSWORD, ip);
    expect(ext(limited)).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    expect(ext(limited).retryAfterSeconds).toBeLessThanOrEqual(WINDOW);
    for (let i = 0; i < 5; i++) expect(codeOf(await loginOn(i % 2 ? t : sibling, u.email, PASSWORD, from()))).toBe('RATE_LIMITED');
    expect(t.app.get(IdentityService).hasher.computed + sibling.app.get(IdentityService).hasher.computed).toBe(hashed); // no hash computed
    await sleep(ext(limited).retryAfterSeconds * 1000 + 100);
    expect(codeOf(await loginOn(t, u.email, PASSWORD, ip))).toBe('OK');
  });

  it('forgets the account’s failures after a successful sign-in', async () => {
    const u = await f.account('TEACHER');
    const ip = from();
    for (const app of [t, sibling]) expect(codeOf(await loginOn(app, u.email, 'guess', ip))).toBe('UNAUTHENTICATED');
    expect(codeOf(await loginOn(sibling, u.email, PASSWORD, ip))).toBe('OK');
    for (const app of [t, sibling]) expect(codeOf(await loginOn(app, u.email, 'guess', ip))).toBe('UNAUTHENTICATED');
    expect(codeOf(await loginOn(t, u.email, PASSWORD, ip))).toBe('OK');
  });

  it('limits failures per client address over many accounts, leaving other addresses alone', async () => {
    const ip = from();
    const guesses = await Promise.all(Array.from({ length: 5 }, (_, i) => loginOn(i % 2 ? t : sibling, `nobody-${i}@example.cn`, 'guess', ip)));
    expect(guesses.map(codeOf)).toEqual(guesses.map(() => 'UNAUTHENTICATED'));
    const u = await f.account('TEACHER');
    const limited = await loginOn(t, u.email, PASSWORD, ip);
    expect(limited.errors?.[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED' }, message: expect.stringMatching(/from this address/) });
    expect(codeOf(await loginOn(sibling, u.email, PASSWORD, from()))).toBe('OK');
    const [row] = await t.sql(`SELECT count(*)::int n FROM login_failure WHERE address = $1`, [ip['x-forwarded-for']]);
    expect(row.n).toBe(5);
  });

  it('prunes failures older than the window as attempts come in', async () => {
    await t.sql(`INSERT INTO login_failure (account_key, address, at) SELECT md5(i::text) || md5(i::text), '192.0.2.1', now() - interval '1 hour' FROM generate_series(1, 30) i`);
    await loginOn(t, 'nobody@example.cn', 'guess', from());
    const [row] = await t.sql(`SELECT count(*)::int n FROM login_failure WHERE at < now() - interval '1 minute'`);
    expect(row.n).toBe(0);
  });
});

describe('password hashing under load', () => {
  let t: TestApp;
  const f = accounts(() => t);
  beforeAll(async () => {
    t = await TestApp.start({ LOGIN_MAX_FAILURES_PER_ADDRESS: '100' });
    await f.prepare();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('keeps a cheap query fast while 16 wrong sign-ins hash', async () => {
    const users = await Promise.all(Array.from({ length: 16 }, () => f.account('TEACHER')));
    const started = performance.now();
    expect(codeOf(await f.login(users[0].email, 'a-first-guess'))).toBe('UNAUTHENTICATED');
    const oneLogin = performance.now() - started; // about one hash

    const latencies: number[] = [];
    let storming = true;
    const storm = Promise.all(users.map((u) => f.login(u.email, 'wrong-guess'))).finally(() => (storming = false));
    const stormStarted = performance.now();
    while (storming) {
      const t0 = performance.now();
      expect((await t.ok(`{ __typename }`)).__typename).toBe('Query');
      latencies.push(performance.now() - t0);
      await sleep(10);
    }
    const results = await storm;
    const stormMs = performance.now() - stormStarted;
    expect(results.map(codeOf)).toEqual(users.map(() => 'UNAUTHENTICATED'));
    expect(stormMs).toBeGreaterThan(oneLogin * 3); // the hashes queued: the samples were taken while they ran
    expect(latencies.length).toBeGreaterThanOrEqual(5);
    // bcryptjs on the event loop: p50 ≈ several hashes. Off the loop: a few ms, far below one hash even on a busy machine.
    if (process.env.TEST_LOGS) console.log({ oneLogin, stormMs, samples: latencies.length, p50: median(latencies), max: Math.max(...latencies) });
    expect(median(latencies)).toBeLessThan(oneLogin / 3);
  });
});

describe('password hashing queue', () => {
  let t: TestApp;
  const f = accounts(() => t);
  beforeAll(async () => {
    t = await TestApp.start({ PASSWORD_HASH_CONCURRENCY: '1', PASSWORD_HASH_QUEUE: '1', LOGIN_MAX_FAILURES_PER_ADDRESS: '100' });
    await f.prepare();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('answers RATE_LIMITED "server busy" past its bounded queue, and does not count those as failures', async () => {
    const users = await Promise.all(Array.from({ length: 6 }, () => f.account('TEACHER')));
    const results = await Promise.all(users.map((u) => f.login(u.email, 'wrong-guess')));
    const busy = results.filter((r) => codeOf(r) === 'RATE_LIMITED');
    expect(busy.length).toBeGreaterThan(0);
    for (const r of busy) {
      expect(r.errors?.[0].message).toMatch(/busy/);
      expect(ext(r).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    }
    const wrong = results.filter((r) => codeOf(r) === 'UNAUTHENTICATED');
    expect(wrong.length + busy.length).toBe(users.length);
    expect((await t.sql(`SELECT count(*)::int n FROM login_failure`))[0].n).toBe(wrong.length);
  });
});
