import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RequestContext, todayInChina } from '#app/core';
import { Metric, rebuildRollups, ReportsService, RollupService } from '#app/reporting';
import { COVERAGE_Q, GROUP_Q, REGION_Q } from './support/reports';
import { codeOf, TestApp } from './support/test-app';

describe('reports: scope, targets, CSV', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    t = await TestApp.start();
    const city = await t.region({ name: '随州市', level: 'CITY' });
    const a = await t.region({ name: '随县', level: 'COUNTY', parentId: city.id });
    const b = await t.region({ name: '广水市', level: 'COUNTY', parentId: city.id });
    const lead = await t.school(a.id, { name: '随县炎帝学校', students: 1500 });
    const member = await t.school(a.id, { name: '随县三河小学', students: 87 });
    const alone = await t.school(a.id, { name: '随县孤山教学点', stage: 'TEACHING_POINT', students: 12 });
    await t.school(a.id, { name: '随县一中', stage: 'SENIOR', students: 3000 });
    const group = await t.group(a.id, lead.id, { name: '随县炎帝学校教联体', foundedOn: '2023-03-01' });
    await t.member(group.id, member.id, '2023-03-15');
    await t.db.transaction((em) => rebuildRollups(em)); // rows were written directly
    Object.assign(ids, { city: city.id, a: a.id, b: b.id, lead: lead.id, member: member.id, alone: alone.id, group: group.id });
    tokens.city = (await t.user('REGION_ADMIN', city.id)).token;
    tokens.a = (await t.user('REGION_ADMIN', a.id)).token;
    tokens.b = (await t.user('REGION_ADMIN', b.id)).token;
    tokens.manager = (await t.user('GROUP_MANAGER', group.id)).token;
    tokens.memberAdmin = (await t.user('SCHOOL_ADMIN', member.id)).token;
    tokens.aloneAdmin = (await t.user('SCHOOL_ADMIN', alone.id)).token;
    tokens.teacher = (await t.user('TEACHER', null, { teacherId: (await t.teacher(member.id)).id })).token;
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('reports coverage against the year target set on the region or an ancestor', async () => {
    await t.ok(`mutation($r: ID!) { setCoverageTarget(regionId: $r, year: 2026, ratio: 0.8) { ratio } }`, { r: ids.city }, tokens.city);
    const c = (await t.ok(COVERAGE_Q, { r: ids.a, a: '2026-06-30' }, tokens.a)).regionCoverage;
    expect(c).toMatchObject({ compulsorySchools: 3, coveredSchools: 2, compulsoryStudents: 1599, studentsCovered: 1587, consortia: 1, consortiaByMode: [{ key: 'FUSED', count: 1 }] });
    expect(c.ratio).toBeCloseTo(2 / 3);
    expect(c.target).toEqual({ year: 2026, ratio: 0.8, regionId: ids.city });
    expect(c.gap).toBeCloseTo(0.8 - 2 / 3);
    expect(c.uncoveredSchools.edges).toEqual([{ node: { id: ids.alone } }]);
    const early = (await t.ok(COVERAGE_Q, { r: ids.a, a: '2023-03-10' }, tokens.a)).regionCoverage;
    expect(early).toMatchObject({ coveredSchools: 1, target: null, gap: null }); // the member joined on 03-15; no 2023 target
    await t.ok(`mutation($r: ID!) { setCoverageTarget(regionId: $r, year: 2026, ratio: 0.7) { ratio } }`, { r: ids.a }, tokens.a);
    expect((await t.ok(COVERAGE_Q, { r: ids.a, a: '2026-06-30' }, tokens.a)).regionCoverage.target).toEqual({ year: 2026, ratio: 0.7, regionId: ids.a });
    expect((await t.gql(`mutation($r: ID!) { setCoverageTarget(regionId: $r, year: 2026, ratio: 1.5) { ratio } }`, { r: ids.a }, tokens.a)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ratio' });
  });

  it('carries a target forward to later years until replaced, in every report, the region\'s own before its ancestors\'', async () => {
    // years far ahead, so the other tests' 2026 targets stay as they are
    const set = (r: string, year: number, ratio: number) => t.ok(`mutation($r: ID!, $y: Int!, $x: Float!) { setCoverageTarget(regionId: $r, year: $y, ratio: $x) { ratio } }`, { r, y: year, x: ratio }, tokens.city);
    const target = async (r: string, asOf: string) => (await t.ok(COVERAGE_Q, { r, a: asOf }, tokens.city)).regionCoverage;
    await set(ids.city, 2026, 0.8); // as the test above left them (the same values), so this one runs alone too
    await set(ids.a, 2026, 0.7);
    await set(ids.city, 2031, 0.75);
    // 广水市 has none of its own: the city's latest of a year up to the asked one
    expect((await target(ids.b, '2030-06-30')).target).toEqual({ year: 2026, ratio: 0.8, regionId: ids.city });
    expect((await target(ids.b, '2033-06-30')).target).toEqual({ year: 2031, ratio: 0.75, regionId: ids.city });
    const b2033 = await target(ids.b, '2033-06-30');
    expect(b2033.gap).toBeCloseTo(0.75 - b2033.ratio);
    // 随县's own 2026 target goes on in force over the city's newer one, until 随县 sets another
    expect((await target(ids.a, '2033-06-30')).target).toEqual({ year: 2026, ratio: 0.7, regionId: ids.a });
    await set(ids.a, 2032, 0.9);
    expect((await target(ids.a, '2031-12-31')).target).toEqual({ year: 2026, ratio: 0.7, regionId: ids.a });
    expect((await target(ids.a, '2033-06-30')).target).toEqual({ year: 2032, ratio: 0.9, regionId: ids.a });

    // the trend: each point the target in force in its year
    const trend = (await t.ok(`query($r: ID!) { regionCoverageTrend(regionId: $r, months: 48, asOf: "2033-06-30") { points { month target { year ratio regionId } } } }`, { r: ids.b }, tokens.city)).regionCoverageTrend.points;
    const byYear = (y: string) => new Set(trend.filter((p: any) => p.month.startsWith(y)).map((p: any) => JSON.stringify(p.target)));
    expect([...byYear('2030')]).toEqual([JSON.stringify({ year: 2026, ratio: 0.8, regionId: ids.city })]);
    for (const y of ['2031', '2032', '2033']) expect([...byYear(y)]).toEqual([JSON.stringify({ year: 2031, ratio: 0.75, regionId: ids.city })]);
    // the breakdown: each county its own rule
    const rows = (await t.ok(`query($r: ID!) { regionBreakdown(regionId: $r, from: "2033-01-01", to: "2033-06-30", asOf: "2033-06-30") { rows { region { id } target { year ratio regionId } } } }`, { r: ids.city }, tokens.city)).regionBreakdown.rows;
    expect(Object.fromEntries(rows.map((r: any) => [r.region.id, r.target]))).toEqual({
      [ids.a]: { year: 2032, ratio: 0.9, regionId: ids.a },
      [ids.b]: { year: 2031, ratio: 0.75, regionId: ids.city },
    });
    // and the downloads, written from the same figures
    const csv = await (await fetch(`${t.url}/reports/regions/${ids.b}/coverage.csv?asOf=2033-06-30`, { headers: { authorization: `Bearer ${tokens.city}` } })).text();
    expect(csv).toContain('年度目标 Target (2031),0.7500');
  });

  it('shows each manager only their scope', async () => {
    const period = { f: '2026-01-01', t: '2026-12-31' };
    expect(codeOf(await t.gql(COVERAGE_Q, { r: ids.a }, tokens.b))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(COVERAGE_Q, { r: ids.city }, tokens.a))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(COVERAGE_Q, { r: ids.a }, tokens.manager))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(REGION_Q, { r: ids.a, ...period }, tokens.b))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(`mutation($r: ID!) { setCoverageTarget(regionId: $r, year: 2026, ratio: 0.9) { ratio } }`, { r: ids.city }, tokens.a))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(GROUP_Q, { g: ids.group, ...period }, tokens.b))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(GROUP_Q, { g: ids.group, ...period }, tokens.aloneAdmin))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(GROUP_Q, { g: ids.group, ...period }, tokens.teacher))).toBe('FORBIDDEN');
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(codeOf(await t.gql(GROUP_Q, { g: unknown, ...period }, tokens.manager))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(COVERAGE_Q, { r: unknown }, tokens.a))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(REGION_Q, { r: unknown, ...period }, tokens.a))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(GROUP_Q, { g: ids.group, ...period }))).toBe('UNAUTHENTICATED');
    const manager = (await t.ok(GROUP_Q, { g: ids.group, ...period }, tokens.manager)).groupActivitySummary;
    expect(manager.bySchool.map((s: any) => s.school.id).sort()).toEqual([ids.lead, ids.member].sort());
    expect(manager.byMonth).toHaveLength(12);
    const own = (await t.ok(GROUP_Q, { g: ids.group, ...period }, tokens.memberAdmin)).groupActivitySummary;
    expect(own.bySchool.map((s: any) => s.school.id)).toEqual([ids.member]);
    // a session at the lead school with the member invited, ended today: the member's admin sees it in its row and month
    const starts = new Date(Date.now() + 86400_000);
    const session = await t.ok(
      `mutation($i: ScheduleResearchSessionInput!) { scheduleResearchSession(input: $i) { id } }`,
      { i: { groupId: ids.group, hostSchoolId: ids.lead, title: '联合教研', type: 'JOINT_RESEARCH', mode: 'ONSITE', startsAt: starts.toISOString(), endsAt: new Date(starts.getTime() + 7200_000).toISOString(), invitedSchoolIds: [ids.member] } },
      tokens.manager,
    );
    await t.ok(`mutation($id: ID!) { startResearchSession(id: $id) { id } }`, { id: session.scheduleResearchSession.id }, tokens.manager);
    await t.ok(`mutation($id: ID!) { endResearchSession(id: $id) { id } }`, { id: session.scheduleResearchSession.id }, tokens.manager);
    const today = todayInChina();
    const thisYear = { f: `${today.slice(0, 4)}-01-01`, t: `${today.slice(0, 4)}-12-31` };
    for (const token of [tokens.memberAdmin, tokens.manager]) {
      const got = (await t.ok(GROUP_Q, { g: ids.group, ...thisYear }, token)).groupActivitySummary;
      const row = got.bySchool.find((x: any) => x.school.id === ids.member);
      expect([got.researchSessions, row.researchSessions]).toEqual([1, 1]);
      expect(got.byMonth.filter((m: any) => m.researchSessions).map((m: any) => [m.month, m.researchSessions])).toEqual([[today.slice(0, 7), 1]]);
    }
    expect((await t.gql(GROUP_Q, { g: ids.group, f: '2026-02-01', t: '2026-01-01' }, tokens.manager)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });

  it("caches a group's figures per instance by the group's rollup revision: repeats are served from memory, any write (on any instance) or rebuild is seen at once", async () => {
    const cache = t.app.get(ReportsService).figures;
    const today = todayInChina();
    const period = { f: `${today.slice(0, 4)}-01-01`, t: today };
    const view = async () => (await t.ok(GROUP_Q, { g: ids.group, ...period }, tokens.manager)).groupActivitySummary.researchSessions;
    const counts = () => [cache.hits, cache.misses];
    const before = await view();
    let [hits, misses] = counts();
    expect(await view()).toBe(before);
    expect(await view()).toBe(before);
    expect([cache.hits - hits, cache.misses - misses]).toEqual([2, 0]);
    // the scope check comes first: cached figures are not served to someone outside the group
    expect(codeOf(await t.gql(GROUP_Q, { g: ids.group, ...period }, tokens.b))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(GROUP_Q, { g: ids.group, ...period }, tokens.aloneAdmin))).toBe('FORBIDDEN');

    // a session ended through another API instance on the same database: this one hears nothing from it
    const sibling = await t.startSibling();
    let sessionId: string;
    try {
      const starts = new Date(Date.now() + 86400_000);
      const session = await sibling.ok(
        `mutation($i: ScheduleResearchSessionInput!) { scheduleResearchSession(input: $i) { id } }`,
        { i: { groupId: ids.group, hostSchoolId: ids.lead, title: '同课异构：分数的意义', type: 'DEMO_LESSON', mode: 'ONLINE', startsAt: starts.toISOString(), endsAt: new Date(starts.getTime() + 3600_000).toISOString(), invitedSchoolIds: [ids.member] } },
        tokens.manager,
      );
      sessionId = session.scheduleResearchSession.id;
      await sibling.ok(`mutation($id: ID!) { startResearchSession(id: $id) { id } }`, { id: sessionId }, tokens.manager);
      await sibling.ok(`mutation($id: ID!) { endResearchSession(id: $id) { id } }`, { id: sessionId }, tokens.manager);
    } finally {
      await sibling.stop();
    }
    [hits, misses] = counts();
    expect(await view()).toBe(before + 1);
    expect([cache.hits - hits, cache.misses - misses]).toEqual([0, 1]);
    expect(await view()).toBe(before + 1);
    expect(cache.hits - hits).toBe(1);

    // data repaired in the base tables and the rollups rebuilt: every group gets a new revision
    await t.sql(
      `UPDATE research_session SET starts_at = starts_at - interval '2 years', ends_at = ends_at - interval '2 years',
              started_at = started_at - interval '2 years', ended_at = ended_at - interval '2 years' WHERE id = $1`,
      [sessionId!],
    );
    expect(await view()).toBe(before + 1); // rollups not rebuilt yet: still what they say
    await t.db.transaction((em) => rebuildRollups(em));
    expect(await view()).toBe(before);

    // rollups written in a transaction that TransactionService did not open (no end-of-transaction hooks) renew it too
    const rollups = t.app.get(RollupService);
    await t.db.transaction(async (em) => {
      const tx = new RequestContext(em, null);
      await rollups.bump(tx, await rollups.forGroup(tx, ids.group, { day: today, metric: Metric.ResearchSessions, key: 'LECTURE', delta: 1 }, [ids.lead]));
    });
    expect(await view()).toBe(before + 1);
  });

  it('exports CSV with a BOM, Chinese headers and the same scope rules', async () => {
    const get = (path: string, token?: string) => fetch(`${t.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const res = await get(`/reports/regions/${ids.a}/coverage.csv?asOf=2026-06-30`, tokens.a);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv; charset=utf-8/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text).toContain('纳入教联体学校 Covered schools,2');
    expect(text).toContain('随县孤山教学点');
    const group = await get(`/reports/groups/${ids.group}/activity.csv?from=2026-01-01&to=2026-12-31`, tokens.manager);
    expect(group.status).toBe(200);
    expect(await group.text()).toContain('随县三河小学');
    const region = await get(`/reports/regions/${ids.a}/activity.csv?from=2026-01-01&to=2026-12-31`, tokens.city);
    expect(await region.text()).toContain('办学共同体 Groups,1');

    expect((await get(`/reports/regions/${ids.a}/coverage.csv`, tokens.b)).status).toBe(403);
    expect((await get(`/reports/regions/${ids.a}/coverage.csv`)).status).toBe(401);
    const bad = await get(`/reports/groups/${ids.group}/activity.csv?from=2026-13-01&to=2026-12-31`, tokens.manager);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'from' });
    expect((await get(`/reports/groups/not-an-id/activity.csv?from=2026-01-01&to=2026-12-31`, tokens.manager)).status).toBe(400);
  });
});
