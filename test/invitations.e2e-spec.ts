import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { accounts, ext, LOGIN } from './support/accounts';
import { codeOf, TestApp } from './support/test-app';
import { LiveClient } from './support/live-client';

const INVITE = `mutation($i: InviteUserInput!) { inviteUser(input: $i) { code expiresAt link user { id displayName email phone roles { role scopeId } } } }`;
const CHANGE = `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { token } }`;
const DEACTIVATE = `mutation($id: ID!) { deactivateUser(userId: $id) { id deactivatedAt } }`;
const REACTIVATE = `mutation($id: ID!) { reactivateUser(userId: $id) { id deactivatedAt } }`;
const PROFILE = `mutation($i: UpdateMyProfileInput!) { updateMyProfile(input: $i) { displayName email phone } }`;
const ME = `{ me { id displayName } }`;

/** Accounts for everyone (issue 15): invitations by email or phone, sign-in by phone or staff number, deactivation, profiles. */
describe('accounts: invitations, sign-in names, deactivation, profiles', () => {
  let t: TestApp;
  const f = accounts(() => t);
  const w: Record<string, any> = {};

  beforeAll(async () => {
    t = await TestApp.start();
    await f.prepare();
    const county = await t.region({ name: '随县', level: 'COUNTY' });
    const other = await t.region({ name: '广水市', level: 'COUNTY' });
    w.school = await t.school(county.id, { name: '随县厉山镇三河小学' });
    w.otherSchool = await t.school(other.id, { name: '广水市实验小学' });
    w.liu = await t.teacher(w.school.id, { name: '刘晓燕' });
    w.hu = await t.teacher(w.school.id, { name: '胡晓东' });
    w.far = await t.teacher(w.otherSchool.id, { name: '陈静' });
    await t.sql(`UPDATE teacher SET staff_no = '0421002' WHERE id = $1`, [w.hu.id]);
    w.bureau = await f.account('REGION_ADMIN', county.id);
    w.schoolAdmin = await f.account('SCHOOL_ADMIN', w.school.id);
    w.otherAdmin = await f.account('SCHOOL_ADMIN', w.otherSchool.id);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('invites a teacher by phone with a role; the code signs in once, by phone, and must be replaced by a password', async () => {
    const inv = (await t.ok(INVITE, { i: { phone: '13871234567', teacherId: w.liu.id, role: 'TEACHER' } }, w.schoolAdmin.token)).inviteUser;
    // the login's email and phone are shown to the user and region admins only, as before
    expect(inv.user).toEqual({ id: expect.any(String), displayName: '刘晓燕', email: null, phone: null, roles: [{ role: 'TEACHER', scopeId: null }] });
    expect(await t.sql(`SELECT phone, email, teacher_id FROM app_user WHERE id = $1`, [inv.user.id])).toEqual([{ phone: '13871234567', email: null, teacher_id: w.liu.id }]);
    expect(inv.code).toMatch(/^[A-Za-z0-9]{12}$/);
    expect(inv.link).toBe(`/login?account=13871234567&code=${inv.code}`);
    expect(Date.parse(inv.expiresAt) - Date.now()).toBeGreaterThan(13 * 86_400_000);
    const first = await t.gql(LOGIN, { e: '13871234567', p: inv.code });
    expect(first.data?.login).toMatchObject({ mustChangePassword: true });
    const token = first.data!.login.token;
    expect(ext(await t.gql(`{ schools { totalCount } }`, {}, token))).toMatchObject({ code: 'FORBIDDEN', reason: 'PASSWORD_CHANGE_REQUIRED' });
    await t.ok(CHANGE, { c: inv.code, n: '三河小学-2026' }, token);
    expect(codeOf(await t.gql(LOGIN, { e: '13871234567', p: inv.code }))).toBe('UNAUTHENTICATED'); // the code is spent
    expect((await t.gql(LOGIN, { e: '13871234567', p: '三河小学-2026' })).data?.login.mustChangePassword).toBe(false);
  });

  it('signs in by email, phone or staff number, the same account however it is named', async () => {
    const inv = (await t.ok(INVITE, { i: { email: 'Hu.Xiaodong@example.cn', phone: '13900001111', teacherId: w.hu.id, role: 'TEACHER' } }, w.bureau.token)).inviteUser;
    const ids = [];
    for (const account of ['hu.xiaodong@example.cn', '13900001111', '0421002', ' 0421002 ']) {
      const r = await t.gql(LOGIN, { e: account, p: inv.code });
      expect([account, codeOf(r)]).toEqual([account, 'OK']);
      ids.push(r.data!.login.user.id);
    }
    expect(new Set(ids)).toEqual(new Set([inv.user.id]));
    expect(codeOf(await t.gql(LOGIN, { e: '0421003', p: inv.code }))).toBe('UNAUTHENTICATED');
  });

  it('keeps invitations within scope and logins unique, and changes nothing on error', async () => {
    const count = async () => (await t.sql(`SELECT count(*)::int n FROM app_user`))[0].n;
    const before = await count();
    const bad = async (i: Record<string, unknown>, token: string, code: string, field?: string) => {
      const r = await t.gql(INVITE, { i }, token);
      expect([i, codeOf(r), r.errors?.[0]?.extensions?.field]).toEqual([i, code, field]);
    };
    await bad({ phone: '13700000000', teacherId: w.far.id }, w.schoolAdmin.token, 'FORBIDDEN', undefined); // another school's teacher
    await bad({ phone: '13700000000', displayName: '某人' }, w.schoolAdmin.token, 'FORBIDDEN', undefined); // school admins invite their teachers only
    await bad({ teacherId: w.far.id }, w.otherAdmin.token, 'BAD_USER_INPUT', 'email'); // neither email nor phone
    await bad({ phone: '13871234567', teacherId: w.far.id }, w.otherAdmin.token, 'CONFLICT', 'phone'); // the phone is someone's login
    await bad({ email: 'HU.XIAODONG@example.cn', teacherId: w.far.id }, w.otherAdmin.token, 'CONFLICT', 'email');
    await bad({ phone: '12-34', teacherId: w.far.id }, w.otherAdmin.token, 'BAD_USER_INPUT', 'phone');
    await bad({ phone: '13700000001', teacherId: w.liu.id }, w.schoolAdmin.token, 'CONFLICT', undefined); // 刘晓燕 has an account
    await bad({ phone: '13700000002', displayName: '某局长', role: 'REGION_ADMIN', scopeId: w.otherSchool.id }, w.bureau.token, 'NOT_FOUND', undefined); // not a region
    expect(await count()).toBe(before);
  });

  it('deactivates a login at once (tokens and live connections end, sign-in refused, history kept) and reactivates it', async () => {
    const user = await f.account('TEACHER', null, { teacherId: (await t.teacher(w.school.id, { name: '王芳' })).id });
    const live = await LiveClient.connect(t.url, user.token);
    try {
      expect(codeOf(await t.gql(DEACTIVATE, { id: user.id }, w.otherAdmin.token))).toBe('NOT_FOUND'); // outside its scope
      const d = (await t.ok(DEACTIVATE, { id: user.id }, w.schoolAdmin.token)).deactivateUser;
      expect(d.deactivatedAt).toEqual(expect.any(String));
      expect(codeOf(await t.gql(ME, {}, user.token))).toBe('UNAUTHENTICATED');
      for (let i = 0; i < 100 && !live.ended.length; i++) await new Promise((r) => setTimeout(r, 50));
      expect(live.ended.length).toBe(1); // the open live connection ended too
      const refused = await f.login(user.email);
      expect([codeOf(refused), refused.errors?.[0]?.message]).toEqual(['UNAUTHENTICATED', expect.stringContaining('deactivated')]);
      expect(codeOf(await f.login(user.email, 'wrong-password'))).toBe('UNAUTHENTICATED');
      expect((await t.sql(`SELECT count(*)::int n FROM app_user WHERE id = $1`, [user.id]))[0].n).toBe(1);
      expect(codeOf(await t.gql(DEACTIVATE, { id: w.schoolAdmin.id }, w.schoolAdmin.token))).toBe('BAD_USER_INPUT'); // not oneself
      await t.ok(REACTIVATE, { id: user.id }, w.schoolAdmin.token);
      expect(codeOf(await f.login(user.email))).toBe('OK');
    } finally {
      live.close();
    }
  });

  it('lets a user change their own name, email and phone, each unique among logins', async () => {
    const user = await f.account('TEACHER', null, { teacherId: (await t.teacher(w.school.id, { name: '李明' })).id });
    const p = (await t.ok(PROFILE, { i: { displayName: '李明老师', phone: '13611112222' } }, user.token)).updateMyProfile;
    expect(p).toEqual({ displayName: '李明老师', email: user.email, phone: '13611112222' });
    expect(codeOf(await f.login('13611112222'))).toBe('OK');
    const taken = await t.gql(PROFILE, { i: { phone: '13871234567' } }, user.token);
    expect([codeOf(taken), taken.errors?.[0]?.extensions?.field]).toEqual(['CONFLICT', 'phone']);
    expect(codeOf(await t.gql(PROFILE, { i: { displayName: '  ' } }, user.token))).toBe('BAD_USER_INPUT');
    expect((await t.ok(ME, {}, user.token)).me.displayName).toBe('李明老师');
  });
});
