import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TestApp } from './support/test-app';
import { LiveClient } from './support/live-client';
import { WsClient } from './support/ws-client';

/**
 * Issue 15: the API answers messages in zh-CN (by default, and for Accept-Language zh*) and in English for
 * Accept-Language en*; extensions (code, field) do not depend on the language.
 */
describe('API messages in zh-CN and en', () => {
  let t: TestApp;
  let admin: { id: string; token: string };
  let nobody: { id: string; token: string };
  let county: { id: string };

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.user('PLATFORM_ADMIN');
    nobody = await t.user();
    county = await t.region({ name: '随县', level: 'COUNTY' });
    await t.ok(`mutation { createRegion(input: { name: "湖北省", level: PROVINCE, code: "42" }) { id } }`, {}, admin.token);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const CREATE_REGION = `mutation($i: CreateRegionInput!) { createRegion(input: $i) { id } }`;
  const CREATE_SCHOOL = `mutation($i: CreateSchoolInput!) { createSchool(input: $i) { id } }`;
  const missingParent = randomUUID();
  const schoolInput = () => ({ name: '校'.repeat(101), regionId: county.id, stage: 'PRIMARY', locale: 'TOWNSHIP', studentCount: 400, teacherCount: 30 });

  /** The first error of the request, sent with the given Accept-Language (none: no header at all). */
  async function firstError(query: string, vars: Record<string, unknown>, token: string, lang?: string) {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(lang ? { 'accept-language': lang } : {}) },
      body: JSON.stringify({ query, variables: vars }),
    });
    const body = (await res.json()) as any;
    return body.errors[0] as { message: string; extensions: Record<string, unknown> };
  }

  const cases: { name: string; query: () => [string, Record<string, unknown>, string]; code: string; field?: string; zh: string | RegExp; en: string | RegExp }[] = [
    {
      name: 'BAD_USER_INPUT with a field (a service rule)',
      query: () => [CREATE_REGION, { i: { name: '随县某镇', level: 'PROVINCE', parentId: county.id } }, admin.token],
      code: 'BAD_USER_INPUT',
      field: 'level',
      zh: '省级区域不能隶属于县级区域',
      en: 'A PROVINCE cannot sit under a COUNTY',
    },
    {
      name: 'NOT_FOUND',
      query: () => [CREATE_REGION, { i: { name: '某县', level: 'COUNTY', parentId: missingParent } }, admin.token],
      code: 'NOT_FOUND',
      zh: `未找到区域 ${missingParent}`,
      en: `Region ${missingParent} not found`,
    },
    {
      name: 'CONFLICT',
      query: () => [CREATE_REGION, { i: { name: '湖北', level: 'PROVINCE', code: '42' } }, admin.token],
      code: 'CONFLICT',
      zh: '行政区划代码 42 已被使用',
      en: 'Region code 42 is already used',
    },
    {
      name: 'FORBIDDEN',
      query: () => [CREATE_REGION, { i: { name: '某省', level: 'PROVINCE' } }, nobody.token],
      code: 'FORBIDDEN',
      zh: /^该操作需要以下角色之一：/,
      en: /^This operation needs one of the roles /,
    },
    {
      name: 'a class-validator error',
      query: () => [CREATE_SCHOOL, { i: schoolInput() }, admin.token],
      code: 'BAD_USER_INPUT',
      field: 'name',
      zh: '「name」最多 100 个字符',
      en: 'name must be shorter than or equal to 100 characters',
    },
    {
      name: 'a DTO message of its own (@Matches)',
      query: () => [CREATE_REGION, { i: { name: '某省', level: 'PROVINCE', code: '4' } }, admin.token],
      code: 'BAD_USER_INPUT',
      field: 'code',
      zh: '行政区划代码须为 2 至 12 位数字',
      en: 'code must be 2 to 12 digits',
    },
  ];

  const expectText = (message: string, want: string | RegExp) => (typeof want === 'string' ? expect(message).toBe(want) : expect(message).toMatch(want));

  it.each(cases)('$name: zh-CN without the header and for zh-CN, English for en, same extensions', async (c) => {
    const [query, vars, token] = c.query();
    const byDefault = await firstError(query, vars, token);
    const zh = await firstError(query, vars, token, 'zh-CN,zh;q=0.9,en;q=0.8');
    const en = await firstError(query, vars, token, 'en-US,en;q=0.9');
    expectText(byDefault.message, c.zh);
    expectText(zh.message, c.zh);
    expectText(en.message, c.en);
    for (const e of [byDefault, zh, en]) expect(e.extensions).toMatchObject({ code: c.code, ...(c.field ? { field: c.field } : {}) });
    expect(zh.extensions).toEqual(en.extensions);
  });

  it('request-level refusals (a subscription over HTTP, a query over a limit) too, with their status and extensions', async () => {
    const post = async (query: string, lang?: string) => {
      const res = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}`, ...(lang ? { 'accept-language': lang } : {}) },
        body: JSON.stringify({ query }),
      });
      return { status: res.status, error: ((await res.json()) as any).errors[0] };
    };
    const sub = `subscription { lessonPlanEvents(planId: "${randomUUID()}") { type } }`;
    expect(await post(sub)).toEqual({ status: 400, error: expect.objectContaining({ message: expect.stringMatching(/^HTTP 不提供订阅/), extensions: { code: 'BAD_USER_INPUT' } }) });
    expect(await post(sub, 'en')).toEqual({ status: 400, error: expect.objectContaining({ message: expect.stringMatching(/^Subscriptions are not served over HTTP/), extensions: { code: 'BAD_USER_INPUT' } }) });
    const aliases = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    expect((await post(aliases)).error).toMatchObject({ message: '查询使用的别名过多：31 个，最多 30 个', extensions: { code: 'BAD_USER_INPUT', limit: 'aliases' } });
    expect((await post(aliases, 'en')).error).toMatchObject({ message: 'Query uses too many aliases: 31, at most 30', extensions: { code: 'BAD_USER_INPUT', limit: 'aliases' } });
  });

  it('UNAUTHENTICATED for a bad token, in both languages', async () => {
    const zh = await firstError('{ me { id } }', {}, 'garbage');
    const en = await firstError('{ me { id } }', {}, 'garbage', 'en');
    expect([zh.extensions.code, en.extensions.code]).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
    expect(zh.message).toBe('登录凭证无效或已过期，请重新登录');
    expect(en.message).toBe('The token is invalid or has expired: sign in again');
  });

  it('plain HTTP routes (report downloads) answer in the language asked for', async () => {
    const get = async (lang?: string) => {
      const res = await fetch(`${t.url}/reports/regions/not-an-id/coverage.csv`, { headers: { authorization: `Bearer ${admin.token}`, ...(lang ? { 'accept-language': lang } : {}) } });
      return { status: res.status, body: (await res.json()) as any };
    };
    const [byDefault, en] = [await get(), await get('en')];
    expect([byDefault.status, en.status]).toEqual([400, 400]);
    expect(byDefault.body.errors[0]).toEqual({ message: '「regionId」须为有效的 ID（UUID）', extensions: { code: 'BAD_USER_INPUT', field: 'regionId' } });
    expect(en.body.errors[0]).toEqual({ message: 'regionId must be an id (UUID)', extensions: { code: 'BAD_USER_INPUT', field: 'regionId' } });
  });

  it('graphql-ws answers in the language of the connection (connectionParams accept-language)', async () => {
    const planId = randomUUID();
    const query = `subscription($id: ID!) { lessonPlanEvents(planId: $id) { type } }`;
    const zhClient = new WsClient(t.url, admin.token, 'zh-CN');
    const enClient = new WsClient(t.url, admin.token, 'en');
    try {
      const [zh, en] = [await zhClient.once(query, { id: planId }), await enClient.once(query, { id: planId })];
      expect(zh.errors?.[0]).toMatchObject({ message: `未找到教案 ${planId}`, extensions: { code: 'NOT_FOUND' } });
      expect(en.errors?.[0]).toMatchObject({ message: `Lesson plan ${planId} not found`, extensions: { code: 'NOT_FOUND' } });
    } finally {
      await zhClient.client.dispose();
      await enClient.client.dispose();
    }
  });

  it('socket.io acks answer in the language of the handshake', async () => {
    const [zh, en] = [await LiveClient.connect(t.url, admin.token, 'zh-CN'), await LiveClient.connect(t.url, admin.token, 'en')];
    try {
      expect(await zh.request('session:join', { sessionId: 'nope' })).toMatchObject({ ok: false, code: 'BAD_USER_INPUT', field: 'sessionId', message: '「sessionId」须为有效的 ID（UUID）' });
      expect(await en.request('session:join', { sessionId: 'nope' })).toMatchObject({ ok: false, code: 'BAD_USER_INPUT', field: 'sessionId', message: 'sessionId must be an id (UUID)' });
    } finally {
      zh.socket.disconnect();
      en.socket.disconnect();
    }
  });

  it("a user's own choice (updateMyProfile locale) wins over Accept-Language, until cleared", async () => {
    const me = await t.user('PLATFORM_ADMIN');
    const SET = `mutation($l: String) { updateMyProfile(input: { locale: $l }) { locale } }`;
    const notFoundFor = (lang?: string) => firstError(CREATE_REGION, { i: { name: '某县', level: 'COUNTY', parentId: missingParent } }, me.token, lang);
    expect(await t.ok(SET, { l: 'en' }, me.token)).toEqual({ updateMyProfile: { locale: 'en' } });
    expect((await notFoundFor()).message).toBe(`Region ${missingParent} not found`);
    expect((await notFoundFor('zh-CN')).message).toBe(`Region ${missingParent} not found`);
    expect(await t.ok(SET, { l: 'zh-CN' }, me.token)).toEqual({ updateMyProfile: { locale: 'zh-CN' } });
    expect((await notFoundFor('en')).message).toBe(`未找到区域 ${missingParent}`);
    const ws = new WsClient(t.url, me.token, 'en');
    try {
      const planId = randomUUID();
      const r = await ws.once(`subscription($id: ID!) { lessonPlanEvents(planId: $id) { type } }`, { id: planId });
      expect(r.errors?.[0]?.message).toBe(`未找到教案 ${planId}`);
    } finally {
      await ws.client.dispose();
    }
    expect(await t.ok(SET, { l: null }, me.token)).toEqual({ updateMyProfile: { locale: null } });
    expect((await notFoundFor('en')).message).toBe(`Region ${missingParent} not found`);
    expect((await notFoundFor()).message).toBe(`未找到区域 ${missingParent}`);
    // only the two languages
    const bad = await firstError(SET, { l: 'fr' }, me.token);
    expect(bad).toMatchObject({ message: '「locale」须为以下值之一：zh-CN, en', extensions: { code: 'BAD_USER_INPUT', field: 'locale' } });
  });
});
