import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import jwt from 'jsonwebtoken';
import { codeOf, TestApp, TEST_JWT_SECRET } from './support/test-app';

/**
 * Every mutation of the foundation, tried without a token (UNAUTHENTICATED) and by users whose scope is
 * elsewhere (FORBIDDEN), and each time the database is checked to be unchanged.
 */
describe('accounts and scopes', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await TestApp.start();
    const province = await t.region({ name: '湖北省', level: 'PROVINCE' });
    const city = await t.region({ name: '随州市', level: 'CITY', parentId: province.id });
    const a = await t.region({ name: '随县', level: 'COUNTY', parentId: city.id });
    const b = await t.region({ name: '广水市', level: 'COUNTY', parentId: city.id });
    const schoolA = await t.school(a.id, { name: '随县实验小学' });
    const schoolA2 = await t.school(a.id, { name: '随县厉山镇中心小学' });
    const schoolB = await t.school(b.id, { name: '广水市实验小学' });
    const schoolB2 = await t.school(b.id, { name: '广水市第二实验小学' });
    const groupA = await t.group(a.id, schoolA.id);
    const groupB = await t.group(b.id, schoolB.id);
    const teacherA = await t.teacher(schoolA.id, { name: '刘芳', email: 'liufang@example.cn' });
    const teacherB = await t.teacher(schoolB.id, { name: '陈刚', email: 'chengang@example.cn' });
    Object.assign(ids, { province: province.id, city: city.id, a: a.id, b: b.id, schoolA: schoolA.id, schoolA2: schoolA2.id, schoolB: schoolB.id, schoolB2: schoolB2.id, groupA: groupA.id, groupB: groupB.id, teacherA: teacherA.id, teacherB: teacherB.id });
    tokens.platform = (await t.user('PLATFORM_ADMIN')).token;
    tokens.regionA = (await t.user('REGION_ADMIN', a.id)).token;
    tokens.managerA = (await t.user('GROUP_MANAGER', groupA.id)).token;
    tokens.schoolAdminA = (await t.user('SCHOOL_ADMIN', schoolA.id)).token;
    tokens.teacherA = (await t.user('TEACHER', null, { teacherId: teacherA.id })).token;
    const victim = await t.user('SCHOOL_ADMIN', schoolB.id);
    ids.userB = victim.id;
    ids.grantB = (await t.sql(`SELECT id FROM role_grant WHERE user_id = $1`, [victim.id]))[0].id;
    ids.plainUser = (await t.user()).id;
  });
  afterAll(async () => {
    await t?.stop();
  });

  /** A fingerprint of every table the foundation writes. */
  const snapshot = async () =>
    JSON.stringify(
      await t.sql(`SELECT (SELECT count(*) FROM region) r, (SELECT count(*) FROM school) s, (SELECT md5(string_agg(name || student_count || coalesce(campus_of_id::text,''), ',' ORDER BY id)) FROM school) sh,
        (SELECT count(*) FROM school_group) g, (SELECT count(*) FROM group_membership) m, (SELECT count(*) FROM group_membership WHERE left_on IS NOT NULL) ml,
        (SELECT count(*) FROM teacher) t, (SELECT md5(string_agg(school_id::text, ',' ORDER BY id)) FROM teacher) ts, (SELECT count(*) FROM teacher_assignment) ta,
        (SELECT count(*) FROM app_user) u, (SELECT count(*) FROM role_grant) rg, (SELECT count(*) FROM role_grant WHERE revoked_at IS NOT NULL) rr`),
    );

  // Each mutation with arguments that are valid and would succeed for someone whose scope covers region B.
  const mutations = (): { name: string; query: string; vars: Record<string, unknown>; outsiders: string[]; hidden?: string[] }[] => [
    { name: 'createRegion', query: `mutation($i: CreateRegionInput!) { createRegion(input: $i) { id } }`, vars: { i: { name: '新区', level: 'COUNTY', parentId: ids.city } }, outsiders: ['regionA', 'managerA', 'schoolAdminA', 'teacherA'] },
    { name: 'createRegion (top level)', query: `mutation($i: CreateRegionInput!) { createRegion(input: $i) { id } }`, vars: { i: { name: '湖南省', level: 'PROVINCE' } }, outsiders: ['regionA'] },
    { name: 'createSchool', query: `mutation($i: CreateSchoolInput!) { createSchool(input: $i) { id } }`, vars: { i: { name: '新学校', regionId: ids.b, stage: 'PRIMARY', locale: 'URBAN', studentCount: 1, teacherCount: 1 } }, outsiders: ['regionA', 'managerA', 'schoolAdminA', 'teacherA'] },
    { name: 'updateSchool', query: `mutation($id: ID!) { updateSchool(id: $id, input: { studentCount: 999 }) { id } }`, vars: { id: ids.schoolB }, outsiders: ['regionA', 'managerA', 'schoolAdminA', 'teacherA'] },
    { name: 'updateSchool (move region)', query: `mutation($id: ID!, $r: ID!) { updateSchool(id: $id, input: { regionId: $r }) { id } }`, vars: { id: ids.schoolA, r: ids.b }, outsiders: ['regionA', 'schoolAdminA'] },
    { name: 'createSchoolGroup', query: `mutation($i: CreateSchoolGroupInput!) { createSchoolGroup(input: $i) { id } }`, vars: { i: { name: '新集团', kind: 'EDUCATION_GROUP', regionId: ids.b, leadSchoolId: ids.schoolB } }, outsiders: ['regionA', 'managerA', 'schoolAdminA', 'teacherA'] },
    { name: 'addGroupMember', query: `mutation($i: AddGroupMemberInput!) { addGroupMember(input: $i) { id } }`, vars: { i: { groupId: ids.groupB, schoolId: ids.schoolB2, pairing: 'STRONG_WEAK' } }, outsiders: ['regionA', 'managerA', 'schoolAdminA', 'teacherA'] },
    { name: 'removeGroupMember', query: `mutation($g: ID!, $s: ID!) { removeGroupMember(groupId: $g, schoolId: $s) { id } }`, vars: { g: ids.groupB, s: ids.schoolB2 }, outsiders: ['regionA', 'managerA', 'schoolAdminA', 'teacherA'] },
    { name: 'createTeacher', query: `mutation($i: CreateTeacherInput!) { createTeacher(input: $i) { id } }`, vars: { i: { name: '新老师', schoolId: ids.schoolB, subjects: ['数学'], stage: 'PRIMARY', yearsOfExperience: 1 } }, outsiders: ['regionA', 'managerA', 'schoolAdminA', 'teacherA'] },
    { name: 'transferTeacher', query: `mutation($id: ID!, $to: ID!) { transferTeacher(teacherId: $id, toSchoolId: $to) { id } }`, vars: { id: ids.teacherA, to: ids.schoolB }, outsiders: ['regionA', 'managerA', 'schoolAdminA', 'teacherA'] },
    { name: 'createUser', query: `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`, vars: { i: { email: 'new@example.cn', password: 'password123', displayName: '新用户', teacherId: ids.teacherB } }, outsiders: ['regionA', 'managerA', 'schoolAdminA', 'teacherA'] },
    { name: 'createUser (no teacher)', query: `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`, vars: { i: { email: 'new2@example.cn', password: 'password123', displayName: '新用户' } }, outsiders: ['managerA', 'schoolAdminA', 'teacherA'] },
    { name: 'grantRole', query: `mutation($i: GrantRoleInput!) { grantRole(input: $i) { id } }`, vars: { i: { userId: ids.plainUser, role: 'SCHOOL_ADMIN', scopeId: ids.schoolB } }, outsiders: ['regionA', 'managerA', 'schoolAdminA', 'teacherA'] },
    { name: 'grantRole (platform)', query: `mutation($i: GrantRoleInput!) { grantRole(input: $i) { id } }`, vars: { i: { userId: ids.plainUser, role: 'PLATFORM_ADMIN' } }, outsiders: ['regionA', 'managerA', 'schoolAdminA', 'teacherA'] },
    { name: 'revokeRole', query: `mutation($id: ID!) { revokeRole(grantId: $id) }`, vars: { id: ids.grantB }, outsiders: ['regionA', 'managerA', 'schoolAdminA', 'teacherA'], hidden: ['regionA', 'schoolAdminA'] },
  ];

  it('refuses every mutation without a token, changing nothing', async () => {
    const before = await snapshot();
    for (const m of mutations()) {
      const r = await t.gql(m.query, m.vars);
      expect([m.name, codeOf(r)]).toEqual([m.name, 'UNAUTHENTICATED']);
    }
    expect(await snapshot()).toBe(before);
  });

  it('refuses every mutation by users whose scope lies elsewhere, changing nothing', async () => {
    const before = await snapshot();
    for (const m of mutations()) {
      for (const who of m.outsiders) {
        const r = await t.gql(m.query, m.vars, tokens[who]);
        // a grant outside the caller's scope is not theirs to see: NOT_FOUND, like an unknown id (the role guard still says FORBIDDEN first)
        const hidden = m.hidden?.includes(who);
        expect([m.name, who, codeOf(r)]).toEqual([m.name, who, hidden ? 'NOT_FOUND' : 'FORBIDDEN']);
      }
    }
    expect(await snapshot()).toBe(before);
  });

  it('lets each role act inside its scope', async () => {
    // region admin of A: a school in A, a group in A
    const s = await t.ok(`mutation($i: CreateSchoolInput!) { createSchool(input: $i) { id } }`, { i: { name: '随县新建小学', regionId: ids.a, stage: 'PRIMARY', locale: 'TOWNSHIP', studentCount: 300, teacherCount: 20 } }, tokens.regionA);
    // group manager of A: its memberships
    await t.ok(`mutation($i: AddGroupMemberInput!) { addGroupMember(input: $i) { id } }`, { i: { groupId: ids.groupA, schoolId: s.createSchool.id, pairing: 'STRONG_NEW' } }, tokens.managerA);
    await t.ok(`mutation($g: ID!, $s: ID!) { removeGroupMember(groupId: $g, schoolId: $s) { id } }`, { g: ids.groupA, s: s.createSchool.id }, tokens.managerA);
    // school admin of A: its teachers, their accounts and TEACHER roles, its own school's facts
    const teacher = await t.ok(`mutation($i: CreateTeacherInput!) { createTeacher(input: $i) { id } }`, { i: { name: '周敏', schoolId: ids.schoolA, subjects: ['英语'], stage: 'PRIMARY', yearsOfExperience: 1, honours: ['NEW_TEACHER'] } }, tokens.schoolAdminA);
    const user = await t.ok(`mutation($i: CreateUserInput!) { createUser(input: $i) { id email } }`, { i: { email: 'ZhouMin@Example.cn', password: 'password123', displayName: '周敏', teacherId: teacher.createTeacher.id } }, tokens.schoolAdminA);
    const grant = await t.ok(`mutation($i: GrantRoleInput!) { grantRole(input: $i) { id role scopeId } }`, { i: { userId: user.createUser.id, role: 'TEACHER' } }, tokens.schoolAdminA);
    expect(grant.grantRole).toMatchObject({ role: 'TEACHER', scopeId: null });
    await t.ok(`mutation($id: ID!) { updateSchool(id: $id, input: { studentCount: 1234 }) { studentCount } }`, { id: ids.schoolA }, tokens.schoolAdminA);
    // the new teacher logs in (email is case-insensitive) and sees itself
    const login = await t.ok(`mutation { login(email: "zhoumin@example.cn", password: "password123") { token user { id email } } }`);
    expect(login.login.user.id).toBe(user.createUser.id);
    const me = await t.ok(`{ me { email teacher { name email } roles { role } } }`, {}, login.login.token);
    expect(me.me).toEqual({ email: 'ZhouMin@Example.cn', teacher: { name: '周敏', email: null }, roles: [{ role: 'TEACHER' }] });
    // platform admin: anything, including revoking
    expect((await t.ok(`mutation($id: ID!) { revokeRole(grantId: $id) }`, { id: ids.grantB }, tokens.platform)).revokeRole).toBe(true);
    expect(codeOf(await t.gql(`mutation($id: ID!) { revokeRole(grantId: $id) }`, { id: ids.grantB }, tokens.platform))).toBe('NOT_FOUND');
  });

  it("shows teachers' contact data only within scope", async () => {
    const q = `query($s: ID) { teachers(filter: { schoolId: $s }) { edges { node { name email phone } } } }`;
    const forA = await t.ok(q, { s: ids.schoolA }, tokens.schoolAdminA);
    expect(forA.teachers.edges.find((e: any) => e.node.name === '刘芳').node).toEqual({ name: '刘芳', email: 'liufang@example.cn', phone: '13800000000' });
    const forOutsider = await t.ok(q, { s: ids.schoolB }, tokens.schoolAdminA);
    expect(forOutsider.teachers.edges[0].node).toEqual({ name: '陈刚', email: null, phone: null });
    expect((await t.ok(q, { s: ids.schoolA }, tokens.managerA)).teachers.edges.find((e: any) => e.node.name === '刘芳').node.email).toBe('liufang@example.cn');
    expect((await t.ok(q, { s: ids.schoolB }, tokens.regionA)).teachers.edges[0].node.email).toBeNull();
    expect((await t.ok(q, { s: ids.schoolB }, tokens.platform)).teachers.edges[0].node.email).toBe('chengang@example.cn');
    const self = await t.ok(`{ me { teacher { email } } }`, {}, tokens.teacherA);
    expect(self.me.teacher.email).toBe('liufang@example.cn');
  });

  it('lets any signed-in user read the directory, and nobody without a token', async () => {
    const q = `query($id: ID!) { schoolGroup(id: $id) { name leadSchool { name } members { role school { name region { name } } } } regions { name } }`;
    const d = await t.ok(q, { id: ids.groupB }, tokens.teacherA);
    expect(d.schoolGroup.leadSchool.name).toBe('广水市实验小学');
    expect(codeOf(await t.gql(q, { id: ids.groupB }))).toBe('UNAUTHENTICATED');
  });

  it('rejects bad, expired, foreign and unsigned tokens', async () => {
    const q = `{ me { id } }`;
    const userId = (await t.sql(`SELECT id FROM app_user LIMIT 1`))[0].id;
    const expired = jwt.sign({ exp: Math.floor(Date.now() / 1000) - 10 }, TEST_JWT_SECRET, { algorithm: 'HS256', subject: userId });
    const foreign = jwt.sign({}, 'another-secret', { algorithm: 'HS256', subject: userId, expiresIn: 60 });
    const unsigned = jwt.sign({}, '', { algorithm: 'none', subject: userId, expiresIn: 60 } as any);
    const noExp = jwt.sign({}, TEST_JWT_SECRET, { algorithm: 'HS256', subject: userId });
    for (const token of [expired, foreign, unsigned, noExp, 'garbage']) {
      const r = await t.gql(q, {}, token);
      expect(codeOf(r)).toBe('UNAUTHENTICATED');
      expect(r.errors![0].message).toMatch(/invalid or has expired/);
    }
    const wrong = await t.gql(`mutation { login(email: "nobody@example.cn", password: "whatever1") { token } }`);
    expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
  });
});
