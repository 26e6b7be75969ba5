import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { codeOf, TestApp } from './support/test-app';

describe('errors and hardening', () => {
  let t: TestApp;
  let admin: { token: string };
  let county: { id: string };
  let school: { id: string };

  beforeAll(async () => {
    t = await TestApp.start();
    county = await t.region({ name: '随县', level: 'COUNTY' });
    school = await t.school(county.id);
    admin = await t.user('PLATFORM_ADMIN');
  });
  afterAll(async () => {
    await t?.stop();
  });

  const CREATE_SCHOOL = `mutation($i: CreateSchoolInput!) { createSchool(input: $i) { id } }`;
  const valid = () => ({ name: '随县新街镇中心小学', regionId: county.id, stage: 'PRIMARY', locale: 'TOWNSHIP', studentCount: 400, teacherCount: 30 });

  /** BAD_USER_INPUT naming the field, no stack trace, nothing written. */
  async function expectBadInput(query: string, vars: Record<string, unknown>, field: string) {
    const before = (await t.sql(`SELECT count(*)::int n FROM school`))[0].n;
    const r = await t.gql(query, vars, admin.token);
    expect(r.status).toBeLessThan(500);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(JSON.stringify(r)).not.toMatch(/stacktrace|at .*\.(js|ts):\d+/);
    expect((await t.sql(`SELECT count(*)::int n FROM school`))[0].n).toBe(before);
  }

  it('names the field of a class-validator failure', async () => {
    await expectBadInput(CREATE_SCHOOL, { i: { ...valid(), name: '   ' } }, 'name');
    await expectBadInput(CREATE_SCHOOL, { i: { ...valid(), name: '校'.repeat(101) } }, 'name');
    await expectBadInput(CREATE_SCHOOL, { i: { ...valid(), studentCount: -1 } }, 'studentCount');
    await expectBadInput(CREATE_SCHOOL, { i: { ...valid(), regionId: 'not-a-uuid' } }, 'regionId');
    await expectBadInput(`mutation($i: CreateTeacherInput!) { createTeacher(input: $i) { id } }`, { i: { name: '王', schoolId: school.id, subjects: ['数学', ''], stage: 'PRIMARY', yearsOfExperience: 3 } }, 'subjects');
    await expectBadInput(`mutation($i: CreateTeacherInput!) { createTeacher(input: $i) { id } }`, { i: { name: '王', schoolId: school.id, subjects: ['数学'], stage: 'PRIMARY', yearsOfExperience: 3, email: 'nope' } }, 'email');
  });

  it('names the field of a GraphQL type failure (enum, missing, date, id)', async () => {
    await expectBadInput(CREATE_SCHOOL, { i: { ...valid(), stage: 'KINDERGARTEN' } }, 'stage');
    const { studentCount: _drop, ...missing } = valid();
    await expectBadInput(CREATE_SCHOOL, { i: missing }, 'studentCount');
    await expectBadInput(`mutation($g: ID!, $s: ID!) { removeGroupMember(groupId: $g, schoolId: $s, leftOn: "2024-02-30") { id } }`, { g: school.id, s: school.id }, 'leftOn');
    await expectBadInput(`query { school(id: "123") { id } }`, {}, 'id');
    await expectBadInput(`query { schools(first: 101) { totalCount } }`, {}, 'first');
    await expectBadInput(`query { schools(after: "bm9wZQ") { totalCount } }`, {}, 'after');
  });

  it('answers NOT_FOUND for unknown ids and null for a missing single object', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await t.ok(`query($id: ID!) { school(id: $id) { id } }`, { id: missing }, admin.token)).school).toBeNull();
    expect(codeOf(await t.gql(CREATE_SCHOOL, { i: { ...valid(), regionId: missing } }, admin.token))).toBe('NOT_FOUND');
  });

  it('limits query depth, aliases and cost', async () => {
    const deep = `{ schoolGroups { edges { node { members { school { memberships { group { members { school { memberships { group { leadSchool { region { parent { name } } } } } } } } } } } } } } }`;
    const d = await t.gql(deep, {}, admin.token);
    expect(d.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'depth' });
    const aliases = `{ ${[...Array(40).keys()].map((i) => `a${i}: regions { name }`).join(' ')} }`;
    expect((await t.gql(aliases, {}, admin.token)).errors?.[0]?.extensions).toMatchObject({ limit: 'aliases' });
    const costly = `{ schools(first: 100) { edges { node { memberships { group { members { school { name } } } } } } } }`;
    expect((await t.gql(costly, {}, admin.token)).errors?.[0]?.extensions).toMatchObject({ limit: 'cost' });
  });

  it('checks the limits of every request, also of a query that passed before (only passes are remembered, per variables)', async () => {
    const paged = `query($n: Int) { schools(first: $n) { edges { node { memberships { group { members { school { name } } } } } } } }`;
    for (let i = 0; i < 2; i++) {
      expect(codeOf(await t.gql(paged, { n: 2 }, admin.token))).toBe('OK');
      expect((await t.gql(paged, { n: 100 }, admin.token)).errors?.[0]?.extensions).toMatchObject({ limit: 'cost' });
    }
    const deep = `{ schoolGroups { edges { node { members { school { memberships { group { members { school { memberships { group { leadSchool { region { parent { name } } } } } } } } } } } } } } }`;
    for (const lang of ['en', 'zh-CN']) {
      const d = await t.gql(deep, {}, admin.token, { 'accept-language': lang });
      expect(d.errors?.[0]?.extensions).toMatchObject({ limit: 'depth' });
      expect(/[\u4e00-\u9fff]/.test(d.errors![0].message)).toBe(lang === 'zh-CN'); // each refusal in its request's language
    }
  });

  it('refuses an oversized body with 413 and a GraphQL-shaped error', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` },
      body: JSON.stringify({ query: `{ regions { name } }`, variables: { pad: 'x'.repeat(2 * 1024 * 1024) } }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const bad = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(bad.status).toBe(400);
  });

  it('serves zh-CN and en labels for every enum value', async () => {
    const d = await t.ok(`{ labels { enum value zh en } }`);
    expect(d.labels).toContainEqual({ enum: 'GroupKind', value: 'CONSORTIUM', zh: '县域教联体', en: 'County consortium' });
    expect(d.labels).toContainEqual({ enum: 'ConsortiumMode', value: 'FUSED', zh: '融合型', en: 'Fused' });
  });
});

describe('development mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ NODE_ENV: 'development' });
  });
  afterAll(async () => {
    await t?.stop();
  });
  it("serves Apollo's landing page to a browser", async () => {
    const page = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type')).toMatch(/html/);
    expect(await page.text()).toMatch(/apollo/i);
  });

  it('keeps "Did you mean" schema hints in error messages', async () => {
    const r = await t.gql(`{ regions { nme } }`);
    expect(r.errors?.[0]?.message).toMatch(/Did you mean "name"\?/);
  });
});

describe('production mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ NODE_ENV: 'production' });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('turns off introspection and the landing page and never reports SQL counts', async () => {
    const r = await t.gql(`{ __schema { types { name } } }`);
    expect(r.errors?.[0]?.message).toMatch(/introspection/i);
    const page = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type')).not.toMatch(/html/);
    const labels = await t.gql(`{ labels { value } }`);
    expect(labels.extensions?.sqlStatements).toBeUndefined();
  });

  it('leaves schema hints ("Did you mean …") out of every error message: unknown fields, arguments, input fields, enum values, types', async () => {
    const create = `mutation($i: CreateSchoolInput!) { createSchool(input: $i) { id } }`;
    const school = { name: '新学校', regionId: '00000000-0000-4000-8000-000000000000', stage: 'PRIMARY', locale: 'URBAN', studentCount: 1, teacherCount: 1 };
    const cases: [string, Record<string, unknown>, string?][] = [
      [`{ regions { nme } }`, {}],
      [`{ regions(parentIdd: null) { name } }`, {}],
      [`query($r: Regio) { regions { name } }`, {}],
      [create, { i: { ...school, stage: 'PRIMAR' } }, 'stage'],
      [create, { i: { ...school, nme: '新学校' } }, 'nme'],
      [`mutation { createSchool(input: { name: "x", regionId: "00000000-0000-4000-8000-000000000000", stage: PRIMAR, locale: URBAN, studentCount: 1, teacherCount: 1 }) { id } }`, {}],
    ];
    for (const [query, vars, name] of cases) {
      const r = await t.gql(query, vars);
      const e = r.errors?.[0];
      expect([query, e?.message]).toEqual([query, expect.not.stringMatching(/Did you mean/)]);
      expect(e?.extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
      if (name) expect(e?.extensions?.field).toBe(name);
    }
  });
});
