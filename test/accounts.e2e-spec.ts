import { createHash, randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import bcrypt from 'bcryptjs';
import jwt from 'jsonwebtoken';
import { ContextFactory, signToken } from '#app/core';
import { accounts, ext, LOGIN, PASSWORD } from './support/accounts';
import { codeOf, TestApp, TEST_JWT_SECRET } from './support/test-app';

const CHANGE = `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { token expiresAt mustChangePassword user { id } } }`;
const RESET = `mutation($id: ID!) { resetPassword(userId: $id) { code expiresAt user { id } } }`;
const LOGOUT = `mutation { logout }`;
const ME = `{ me { id } }`;
const SCHOOLS = `{ schools { totalCount } }`;
const ENDED = 'This sign-in has ended: sign in again';

describe('accounts: token versions, password changes and resets', () => {
  let t: TestApp;
  const f = accounts(() => t);
  const w: Record<string, { id: string; token: string; email: string }> = {};
  const p = {} as { school: { id: string }; otherSchool: { id: string }; group: { id: string } };

  beforeAll(async () => {
    t = await TestApp.start();
    await f.prepare();
    const county = await t.region({ name: '随县', level: 'COUNTY' });
    const other = await t.region({ name: '广水市', level: 'COUNTY' });
    p.school = await t.school(county.id, { name: '随县实验小学' });
    p.otherSchool = await t.school(other.id, { name: '广水市实验小学' });
    p.group = await t.group(other.id, p.otherSchool.id);
    const teacher = await t.teacher(p.school.id, { name: '刘芳' });
    const managerTeacher = await t.teacher(p.school.id, { name: '王强' });
    w.platform = await f.account('PLATFORM_ADMIN');
    w.regionAdmin = await f.account('REGION_ADMIN', county.id);
    w.otherRegionAdmin = await f.account('REGION_ADMIN', other.id);
    w.schoolAdmin = await f.account('SCHOOL_ADMIN', p.school.id);
    w.otherSchoolAdmin = await f.account('SCHOOL_ADMIN', p.otherSchool.id);
    w.teacher = await f.account('TEACHER', null, { teacherId: teacher.id });
    // a teacher of the school who also manages a group in another county: more than the school admin may hand out
    w.manager = await f.account('TEACHER', null, { teacherId: managerTeacher.id });
    await t.sql(`INSERT INTO role_grant (user_id, role, scope_id) VALUES ($1, 'GROUP_MANAGER', $2)`, [w.manager.id, p.group.id]);
    w.plain = await f.account();
  });
  afterAll(async () => {
    await t?.stop();
  });
  // Each test starts with no recorded failures, so the per-address count of 127.0.0.1 never carries over.
  afterEach(async () => {
    await t.sql(`DELETE FROM login_failure`);
  });

  /** A token as login would sign it now (current version). */
  const freshToken = async (userId: string) => {
    const [{ token_version }] = await t.sql(`SELECT token_version FROM app_user WHERE id = $1`, [userId]);
    return signToken(TEST_JWT_SECRET, userId, 3600, token_version);
  };
  const resetAs = async (adminToken: string, userId: string) => (await t.ok(RESET, { id: userId }, adminToken)).resetPassword;

  describe('token versions', () => {
    it('counts a token without a version claim as version 0, and refuses another version with a clear message', async () => {
      const u = await t.user('TEACHER');
      const noClaim = jwt.sign({}, TEST_JWT_SECRET, { algorithm: 'HS256', subject: u.id, expiresIn: 60 });
      expect((await t.ok(ME, {}, noClaim)).me.id).toBe(u.id);
      expect((await t.ok(ME, {}, u.token)).me.id).toBe(u.id);
      const wrongVersion = await t.gql(ME, {}, signToken(TEST_JWT_SECRET, u.id, 60, 3));
      expect(ext(wrongVersion).code).toBe('UNAUTHENTICATED');
      expect(wrongVersion.errors?.[0].message).toBe(ENDED);
    });

    it('treats a correctly signed token whose subject is not a user id as invalid (UNAUTHENTICATED, not a 500)', async () => {
      for (const subject of ['not-a-uuid', "1' OR '1'='1", '12345']) {
        const r = await t.gql(ME, {}, jwt.sign({}, TEST_JWT_SECRET, { algorithm: 'HS256', subject, expiresIn: 60 }));
        expect(r.status).toBeLessThan(500);
        expect(codeOf(r)).toBe('UNAUTHENTICATED');
        expect(r.errors?.[0].message).toMatch(/invalid or has expired/);
      }
      const badVersion = jwt.sign({ ver: 'x' }, TEST_JWT_SECRET, { algorithm: 'HS256', subject: w.plain.id, expiresIn: 60 });
      expect(codeOf(await t.gql(ME, {}, badVersion))).toBe('UNAUTHENTICATED');
    });

    it('signs the version into login tokens and exposes the expiry on the context (ContextFactory.fromToken)', async () => {
      const { login } = await t.ok(LOGIN, { e: w.plain.email, p: PASSWORD });
      const claims = jwt.decode(login.token) as { sub: string; ver: number; exp: number };
      expect(claims).toMatchObject({ sub: w.plain.id, ver: 0 });
      const ctx = await t.app.get(ContextFactory).fromToken(login.token);
      expect(ctx.principal?.userId).toBe(w.plain.id);
      expect(ctx.tokenExpiresAt).toBe(claims.exp * 1000);
      expect(Math.abs(ctx.tokenExpiresAt! - Date.parse(login.expiresAt))).toBeLessThan(2000);
    });

    it('logout ends this token and every other token of the user; signing in again works', async () => {
      const u = await f.account('TEACHER');
      const a = (await t.ok(LOGIN, { e: u.email, p: PASSWORD })).login.token;
      const b = (await t.ok(LOGIN, { e: u.email, p: PASSWORD })).login.token;
      expect((await t.ok(LOGOUT, {}, a)).logout).toBe(true);
      for (const token of [a, b, u.token]) {
        const r = await t.gql(ME, {}, token);
        expect(ext(r).code).toBe('UNAUTHENTICATED');
        expect(r.errors?.[0].message).toBe(ENDED);
      }
      expect(codeOf(await t.gql(LOGOUT, {}, a))).toBe('UNAUTHENTICATED');
      const again = (await t.ok(LOGIN, { e: u.email, p: PASSWORD })).login.token;
      expect((await t.ok(ME, {}, again)).me.id).toBe(u.id);
    });

    it('grantRole and revokeRole end the tokens of the user whose roles changed; a refused change ends nothing', async () => {
      const teacher = await t.teacher(p.school.id);
      const u = await t.user('TEACHER', null, { teacherId: teacher.id });
      const grant = await t.ok(`mutation($i: GrantRoleInput!) { grantRole(input: $i) { id } }`, { i: { userId: u.id, role: 'SCHOOL_ADMIN', scopeId: p.school.id } }, w.regionAdmin.token);
      expect(await t.gql(ME, {}, u.token)).toMatchObject({ errors: [{ message: ENDED, extensions: { code: 'UNAUTHENTICATED' } }] });
      const afterGrant = await freshToken(u.id);
      expect((await t.ok(ME, {}, afterGrant)).me.id).toBe(u.id);

      const again = await t.gql(`mutation($i: GrantRoleInput!) { grantRole(input: $i) { id } }`, { i: { userId: u.id, role: 'SCHOOL_ADMIN', scopeId: p.school.id } }, w.regionAdmin.token);
      expect(codeOf(again)).toBe('CONFLICT');
      expect((await t.ok(ME, {}, afterGrant)).me.id).toBe(u.id); // the refused grant bumped nothing (same transaction)
      expect(codeOf(await t.gql(`mutation($id: ID!) { revokeRole(grantId: $id) }`, { id: grant.grantRole.id }, w.otherRegionAdmin.token))).toBe('NOT_FOUND'); // outside their scope: hidden, like an unknown id
      expect((await t.ok(ME, {}, afterGrant)).me.id).toBe(u.id);

      await t.ok(`mutation($id: ID!) { revokeRole(grantId: $id) }`, { id: grant.grantRole.id }, w.regionAdmin.token);
      expect((await t.gql(ME, {}, afterGrant)).errors?.[0].message).toBe(ENDED);
      expect((await t.ok(ME, {}, await freshToken(u.id))).me.id).toBe(u.id);
      expect((await t.ok(ME, {}, w.regionAdmin.token)).me.id).toBe(w.regionAdmin.id); // the admin's own tokens go on
    });
  });

  describe('changePassword', () => {
    it('refuses a wrong current password (UNAUTHENTICATED) and a new password outside the rules (BAD_USER_INPUT newPassword)', async () => {
      const u = await f.account('TEACHER');
      const wrong = await t.gql(CHANGE, { c: 'not-my-password', n: 'a-new-password' }, u.token);
      expect(ext(wrong).code).toBe('UNAUTHENTICATED');
      expect(wrong.errors?.[0].message).toMatch(/current password is wrong/);
      for (const n of ['short', 'x'.repeat(129), PASSWORD]) {
        expect(ext(await t.gql(CHANGE, { c: PASSWORD, n }, u.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
      }
      expect(codeOf(await t.gql(CHANGE, { c: PASSWORD, n: 'a-new-password' }))).toBe('UNAUTHENTICATED');
      expect((await t.ok(ME, {}, u.token)).me.id).toBe(u.id); // nothing changed: the token still works
      expect(codeOf(await f.login(u.email))).toBe('OK');
    });

    it('sets the password, ends every other token and answers a fresh one', async () => {
      const u = await f.account('TEACHER');
      const other = (await t.ok(LOGIN, { e: u.email, p: PASSWORD })).login.token;
      const { changePassword } = await t.ok(CHANGE, { c: PASSWORD, n: '新的密码-new-pass' }, u.token);
      expect(changePassword).toMatchObject({ mustChangePassword: false, user: { id: u.id }, expiresAt: expect.any(String) });
      expect((await t.ok(ME, {}, changePassword.token)).me.id).toBe(u.id);
      for (const token of [u.token, other]) expect((await t.gql(ME, {}, token)).errors?.[0].message).toBe(ENDED);
      expect(codeOf(await f.login(u.email))).toBe('UNAUTHENTICATED');
      expect(codeOf(await f.login(u.email, '新的密码-new-pass'))).toBe('OK');
    });

    it('counts wrong current passwords toward the sign-in throttle', async () => {
      const u = await f.account('TEACHER');
      const guesses = await Promise.all(Array.from({ length: 10 }, (_, i) => t.gql(CHANGE, { c: `guess-${i}`, n: 'a-new-password' }, u.token)));
      expect(guesses.map(codeOf)).toEqual(guesses.map(() => 'UNAUTHENTICATED'));
      const limited = await t.gql(CHANGE, { c: PASSWORD, n: 'a-new-password' }, u.token);
      expect(ext(limited)).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
      expect(codeOf(await f.login(u.email))).toBe('RATE_LIMITED'); // the same account
    });
  });

  describe('resetPassword', () => {
    it('gives a school admin a one-time code for a teacher of its school: old password and tokens end at once', async () => {
      const u = await f.account('TEACHER', null, { teacherId: (await t.teacher(p.school.id)).id });
      const reset = await resetAs(w.schoolAdmin.token, u.id);
      expect(reset.code).toMatch(/^[2-9A-HJKMNP-Z]{10,}$/); // no 0/O, 1/I/l
      expect(Math.abs(Date.parse(reset.expiresAt) - (Date.now() + 72 * 3600_000))).toBeLessThan(60_000);
      const [row] = await t.sql(`SELECT password_hash, must_change_password FROM app_user WHERE id = $1`, [u.id]);
      expect(row.password_hash).not.toContain(reset.code); // only a hash is kept
      expect(row.must_change_password).toBe(true);
      expect(codeOf(await f.login(u.email))).toBe('UNAUTHENTICATED');
      expect((await t.gql(ME, {}, u.token)).errors?.[0].message).toBe(ENDED);
      expect((await resetAs(w.schoolAdmin.token, u.id)).code).not.toBe(reset.code); // random each time
    });

    it('signs in with the code for changePassword only (FORBIDDEN PASSWORD_CHANGE_REQUIRED elsewhere); then the code stops working', async () => {
      const u = await f.account('SCHOOL_ADMIN', p.school.id);
      const { code } = await resetAs(w.regionAdmin.token, u.id);
      const { login } = await t.ok(LOGIN, { e: u.email, p: code });
      expect(login.mustChangePassword).toBe(true);
      for (const [query, vars] of [
        [SCHOOLS, {}],
        [RESET, { id: w.teacher.id }],
        [`mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`, { i: { email: 'x@example.cn', password: 'password123', displayName: '新' } }],
      ] as const) {
        const r = await t.gql(query, vars, login.token);
        expect(ext(r)).toMatchObject({ code: 'FORBIDDEN', reason: 'PASSWORD_CHANGE_REQUIRED' });
      }
      expect((await t.ok(`{ me { id roles { role } } }`, {}, login.token)).me.id).toBe(u.id);
      expect((await t.ok(`{ labels { value } }`, {}, login.token)).labels.length).toBeGreaterThan(0); // public stays public

      const { changePassword } = await t.ok(CHANGE, { c: code, n: 'my-own-password' }, login.token);
      expect(changePassword.mustChangePassword).toBe(false);
      expect((await t.ok(SCHOOLS, {}, changePassword.token)).schools.totalCount).toBeGreaterThan(0);
      expect((await t.gql(SCHOOLS, {}, login.token)).errors?.[0].message).toBe(ENDED);
      expect(codeOf(await f.login(u.email, code))).toBe('UNAUTHENTICATED');
      expect((await t.ok(LOGIN, { e: u.email, p: 'my-own-password' })).login.mustChangePassword).toBe(false);
    });

    it('lets a user signed in with a code log out', async () => {
      const u = await f.account('TEACHER', null, { teacherId: (await t.teacher(p.school.id)).id });
      const { code } = await resetAs(w.schoolAdmin.token, u.id);
      const { login } = await t.ok(LOGIN, { e: u.email, p: code });
      expect((await t.ok(LOGOUT, {}, login.token)).logout).toBe(true);
      expect((await t.gql(ME, {}, login.token)).errors?.[0].message).toBe(ENDED);
    });

    it('answers NOT_FOUND outside the caller’s scope, exactly like an unknown id, and changes nothing', async () => {
      const unknown = randomUUID();
      const missing = await t.gql(RESET, { id: unknown }, w.schoolAdmin.token);
      expect(missing.errors?.[0]).toMatchObject({ message: `User ${unknown} not found`, extensions: { code: 'NOT_FOUND' } });
      const refusals: [string, { id: string }][] = [
        [w.otherSchoolAdmin.token, w.teacher], // another school's admin
        [w.otherRegionAdmin.token, w.teacher], // another county's bureau
        [w.schoolAdmin.token, w.regionAdmin], // a school admin over a region admin
        [w.schoolAdmin.token, w.manager], // its teacher, but also a group manager elsewhere
        [w.regionAdmin.token, w.manager], // the school is in the county, the group is not
        [w.regionAdmin.token, w.plain], // no teacher, no role: platform admins only
        [w.regionAdmin.token, w.platform],
      ];
      const before = await t.sql(`SELECT id, password_hash, token_version FROM app_user ORDER BY id`);
      for (const [token, target] of refusals) {
        const r = await t.gql(RESET, { id: target.id }, token);
        expect(r.errors?.[0]).toMatchObject({ message: `User ${target.id} not found`, extensions: { code: 'NOT_FOUND' } });
        expect(Object.keys(r.errors![0].extensions!)).toEqual(Object.keys(missing.errors![0].extensions!));
      }
      expect(codeOf(await t.gql(RESET, { id: w.plain.id }, w.teacher.token))).toBe('FORBIDDEN'); // no admin role at all
      expect(await t.sql(`SELECT id, password_hash, token_version FROM app_user ORDER BY id`)).toEqual(before);
      expect(codeOf(await f.login(w.teacher.email))).toBe('OK');
    });

    it('lets region admins reset accounts in their subtree and platform admins any', async () => {
      const inCounty = await f.account('TEACHER', null, { teacherId: (await t.teacher(p.school.id)).id });
      const countyAdmin = await f.account('SCHOOL_ADMIN', p.school.id);
      const plain = await f.account();
      expect((await resetAs(w.regionAdmin.token, inCounty.id)).user.id).toBe(inCounty.id);
      expect((await resetAs(w.regionAdmin.token, countyAdmin.id)).user.id).toBe(countyAdmin.id);
      expect((await resetAs(w.platform.token, plain.id)).user.id).toBe(plain.id);
    });

    it('lets a one-time code expire after 72 hours', async () => {
      const u = await f.account('TEACHER', null, { teacherId: (await t.teacher(p.school.id)).id });
      const { code } = await resetAs(w.schoolAdmin.token, u.id);
      const { login } = await t.ok(LOGIN, { e: u.email, p: code });
      await t.sql(`UPDATE app_user SET password_expires_at = now() - interval '1 second' WHERE id = $1`, [u.id]);
      const late = await f.login(u.email, code);
      expect(ext(late).code).toBe('UNAUTHENTICATED');
      expect(late.errors?.[0].message).toMatch(/expired/);
      expect(ext(await t.gql(CHANGE, { c: code, n: 'my-own-password' }, login.token)).code).toBe('UNAUTHENTICATED');
    });

    it('clears the failures an attacker left on the account, so the code works at once', async () => {
      const u = await f.account('TEACHER', null, { teacherId: (await t.teacher(p.school.id)).id });
      await Promise.all(Array.from({ length: 10 }, (_, i) => f.login(u.email, `guess-${i}`)));
      expect(codeOf(await f.login(u.email))).toBe('RATE_LIMITED');
      const { code } = await resetAs(w.schoolAdmin.token, u.id);
      expect(codeOf(await f.login(u.email, code))).toBe('OK');
    });
  });

  describe('sign-in throttle with the default settings', () => {
    it('answers RATE_LIMITED after 10 wrong passwords for one account, even for the right one', async () => {
      const u = await f.account('TEACHER');
      const guesses = await Promise.all(Array.from({ length: 10 }, (_, i) => f.login(u.email, `guess-${i}`)));
      expect(guesses.map(codeOf)).toEqual(guesses.map(() => 'UNAUTHENTICATED'));
      const limited = await f.login(u.email.toUpperCase());
      expect(limited.errors?.[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED' }, message: expect.stringMatching(/for this account/) });
      expect(ext(limited).retryAfterSeconds).toBeGreaterThan(500);
      expect(ext(limited).retryAfterSeconds).toBeLessThanOrEqual(600);
      expect(codeOf(await f.login(w.plain.email))).toBe('OK'); // other accounts from the same address go on
    });

    it('counts the socket address, not X-Forwarded-For, unless TRUST_PROXY says so', async () => {
      await f.login(w.plain.email, 'wrong-password', { 'x-forwarded-for': '198.51.100.9' });
      expect(await t.sql(`SELECT address FROM login_failure`)).toEqual([{ address: '127.0.0.1' }]);
    });

    it('verifies legacy bcrypt hashes and rewrites them in the new format at sign-in', async () => {
      const u = await f.account('TEACHER');
      const prehash = createHash('sha256').update(PASSWORD, 'utf8').digest('base64');
      await t.sql(`UPDATE app_user SET password_hash = $2 WHERE id = $1`, [u.id, await bcrypt.hash(prehash, 4)]);
      expect(codeOf(await f.login(u.email))).toBe('OK');
      const [row] = await t.sql(`SELECT password_hash FROM app_user WHERE id = $1`, [u.id]);
      expect(row.password_hash).toMatch(/^\$scrypt\$/);
      expect(codeOf(await f.login(u.email))).toBe('OK');
      expect(codeOf(await f.login(u.email, 'wrong-password'))).toBe('UNAUTHENTICATED');
    });
  });
});
