import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ContextFactory, LiveBus } from '#app/core';
import { accounts, PASSWORD } from './support/accounts';
import { codeOf, TestApp } from './support/test-app';

/**
 * The principal cache (issue: faster than the peer): a request does not read the user and their grants again while
 * nothing changed, and revocation stays exact: a revoked role, a logout, a password change or a profile change
 * made on one instance holds on the other within a second; while the bus is down nothing is served from the cache.
 */
describe('principal cache: fewer reads, revocation as exact as before', () => {
  let a: TestApp;
  let b: TestApp;
  const f = accounts(() => a);
  const ME = `{ me { id email } }`;
  const REGION = `query($id: ID!) { region(id: $id) { id name } }`;
  const COVERAGE = `query($id: ID!) { regionCoverage(regionId: $id) { compulsorySchools } }`;
  const statements = async (t: TestApp, token: string) => (await t.gql(ME, {}, token)).extensions!.sqlStatements as number;
  const within = async (ms: number, what: string, check: () => Promise<boolean>) => {
    const started = Date.now();
    while (!(await check())) {
      if (Date.now() - started > ms) throw new Error(`${what}: not within ${ms} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return Date.now() - started;
  };

  beforeAll(async () => {
    a = await TestApp.start();
    b = await a.startSibling();
    await f.prepare();
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  it('reads the principal once: later requests of the same user run one statement less, until a change drops it', async () => {
    const u = await f.account('TEACHER');
    const cold = await statements(a, u.token);
    const warm = await statements(a, u.token);
    expect(warm).toBe(cold - 1);
    expect(await statements(a, u.token)).toBe(warm);
    // a change to the user (here: the profile) is announced; the next request reads the principal again
    await a.ok(`mutation { updateMyProfile(input: { displayName: "王老师" }) { id } }`, {}, u.token);
    await within(1000, 'the notice', async () => (await statements(a, u.token)) === cold);
  });

  it('a role revoked on one instance refuses the next request on the other within a second', async () => {
    const region = await a.region({ level: 'COUNTY' });
    const admin = await a.user('PLATFORM_ADMIN');
    const u = await f.account('REGION_ADMIN', region.id);
    for (const t of [a, b]) {
      expect((await t.ok(REGION, { id: region.id }, u.token)).region.id).toBe(region.id);
      expect((await t.ok(REGION, { id: region.id }, u.token)).region.id).toBe(region.id); // cached now
    }
    const [{ id: grantId }] = await a.sql(`SELECT id FROM role_grant WHERE user_id = $1`, [u.id]);
    await a.ok(`mutation($g: ID!) { revokeRole(grantId: $g) }`, { g: grantId }, admin.token);
    expect(codeOf(await a.gql(REGION, { id: region.id }, u.token))).toBe('UNAUTHENTICATED'); // the instance that changed it: at once
    const ms = await within(1000, 'the other instance', async () => codeOf(await b.gql(REGION, { id: region.id }, u.token)) === 'UNAUTHENTICATED');
    expect(ms).toBeLessThan(1000);
  });

  it('a logout and a password change on one instance end the old tokens on the other within a second', async () => {
    const u = await f.account('TEACHER');
    const second = (await a.ok(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: u.email, p: PASSWORD })).login.token;
    for (const token of [u.token, second]) expect((await b.ok(ME, {}, token)).me.id).toBe(u.id);
    const { changePassword } = await a.ok(`mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { token } }`, { c: PASSWORD, n: '新的密码-cache-1' }, u.token);
    await within(1000, 'the password change', async () => codeOf(await b.gql(ME, {}, second)) === 'UNAUTHENTICATED');
    expect((await b.ok(ME, {}, changePassword.token)).me.id).toBe(u.id);
    await a.ok(`mutation { logout }`, {}, changePassword.token);
    await within(1000, 'the logout', async () => codeOf(await b.gql(ME, {}, changePassword.token)) === 'UNAUTHENTICATED');
  });

  it('a changed language on one instance is the other instance’s language for that user within a second', async () => {
    const u = await f.account('TEACHER');
    const message = async () => (await b.gql(`query { region(id: "not-a-uuid") { id } }`, {}, u.token)).errors?.[0].message ?? '';
    expect(await message()).not.toMatch(/[\u4e00-\u9fff]/); // the test client asks for English (Accept-Language)
    await a.ok(`mutation { updateMyProfile(input: { locale: "zh-CN" }) { id } }`, {}, u.token); // the user's choice wins
    await within(1000, 'Chinese', async () => /[\u4e00-\u9fff]/.test(await message()));
    await a.ok(`mutation { updateMyProfile(input: { locale: "en" }) { id } }`, {}, u.token);
    await within(1000, 'English again', async () => !/[\u4e00-\u9fff]/.test(await message()));
  });

  it('a grant changed by hand in SQL (no service told) holds on every instance within a second: the tables announce it', async () => {
    const region = await a.region({ level: 'COUNTY' });
    const u = await f.account('REGION_ADMIN', region.id);
    for (const t of [a, b]) for (let i = 0; i < 2; i++) expect(codeOf(await t.gql(COVERAGE, { id: region.id }, u.token))).toBe('OK'); // cached
    await a.sql(`UPDATE role_grant SET revoked_at = now() WHERE user_id = $1`, [u.id]);
    for (const t of [a, b]) await within(1000, 'the revoked grant', async () => codeOf(await t.gql(COVERAGE, { id: region.id }, u.token)) === 'FORBIDDEN');
    await a.sql(`UPDATE role_grant SET revoked_at = NULL WHERE user_id = $1`, [u.id]); // and back
    for (const t of [a, b]) await within(1000, 'the restored grant', async () => codeOf(await t.gql(COVERAGE, { id: region.id }, u.token)) === 'OK');
  });

  it('trusts nothing from memory while the bus is down: a grant removed by hand (no notice) holds at once', async () => {
    const region = await a.region({ level: 'COUNTY' });
    const u = await f.account('REGION_ADMIN', region.id);
    expect(codeOf(await a.gql(COVERAGE, { id: region.id }, u.token))).toBe('OK');
    expect(codeOf(await a.gql(COVERAGE, { id: region.id }, u.token))).toBe('OK'); // cached now
    const bus = a.app.get(LiveBus);
    expect(bus.connected).toBe(true);
    // the bus loses its connection: the LISTEN backend of instance a is ended from the database side
    const ended = await a.sql(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'school-groups-live'`);
    expect(ended.length).toBeGreaterThan(0);
    await within(2000, 'the bus noticing', async () => !bus.connected);
    // a change that announces nothing (by hand, in SQL) is seen by the next request all the same
    await a.sql(`UPDATE role_grant SET revoked_at = now() WHERE user_id = $1`, [u.id]);
    expect(codeOf(await a.gql(COVERAGE, { id: region.id }, u.token))).toBe('FORBIDDEN');
    expect(a.app.get(ContextFactory).principalCache.size).toBe(0);
    await within(5000, 'the bus reconnecting', async () => bus.connected);
  });
});
