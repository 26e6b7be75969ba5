import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RequestContext, todayInChina } from '#app/core';
import { baseRegionCoverage, Metric, rebuildRollups, RollupService } from '#app/reporting';
import { daysAgo } from './support/reports';
import { codeOf, TestApp } from './support/test-app';

describe('reports: coverage trend by month and breakdown by child region', () => {
  let t: TestApp;
  let admin: string;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  const today = todayInChina();
  const mid = daysAgo(400).slice(0, 7);
  const TREND_Q = `query($r: ID!, $m: Int, $a: Date) { regionCoverageTrend(regionId: $r, months: $m, asOf: $a) {
    regionId asOf points { month asOf compulsorySchools coveredSchools ratio compulsoryStudents studentsCovered consortia target { year ratio regionId } gap } } }`;
  const POINT_Q = `query($r: ID!, $a: Date) { regionCoverage(regionId: $r, asOf: $a) {
    compulsorySchools coveredSchools ratio compulsoryStudents studentsCovered consortia target { year ratio regionId } gap } }`;
  const BREAKDOWN_Q = `query($r: ID!, $f: Date!, $t: Date!, $a: Date) { regionBreakdown(regionId: $r, from: $f, to: $t, asOf: $a) {
    regionId asOf rows { region { id name level } compulsorySchools coveredSchools ratio compulsoryStudents studentsCovered target { year ratio regionId } gap consortia
      researchSessions teacherParticipations mentoringPairsActive teacherExchanges exchangedTeachers } } }`;
  const ACTIVITY_Q = `query($r: ID!, $f: Date!, $t: Date!) { regionActivitySummary(regionId: $r, from: $f, to: $t) {
    researchSessions teacherParticipations mentoringPairsActive teacherExchanges exchangedTeachers } }`;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = (await t.user('PLATFORM_ADMIN')).token;
    const province = await t.region({ name: '湖北省', level: 'PROVINCE', code: '420000' });
    const city = await t.region({ name: '随州市', level: 'CITY', parentId: province.id, code: '421300' });
    const other = await t.region({ name: '孝感市', level: 'CITY', parentId: province.id, code: '420900' });
    const a = await t.region({ name: '随县', level: 'COUNTY', parentId: city.id, code: '421321' });
    const b = await t.region({ name: '广水市', level: 'COUNTY', parentId: city.id, code: '421381' });
    const empty = await t.region({ name: '曾都区', level: 'COUNTY', parentId: city.id, code: '421303' });
    const d = await t.region({ name: '安陆市', level: 'COUNTY', parentId: other.id, code: '420982' });
    Object.assign(ids, { province: province.id, city: city.id, other: other.id, a: a.id, b: b.id, empty: empty.id, d: d.id });
    const schools: Record<string, string[]> = { a: [], b: [], d: [] };
    for (const [county, n] of [['a', 7], ['b', 4], ['d', 3]] as const) {
      for (let i = 0; i < n; i++) schools[county].push((await t.school(ids[county], { name: `${county}校${i}`, students: 100 * (i + 1) + n })).id);
    }
    await t.school(a.id, { name: '随县一中', stage: 'SENIOR', students: 3000 });
    await t.db.transaction((em) => rebuildRollups(em)); // rows were written directly; from here on every change goes through the API
    tokens.city = (await t.user('REGION_ADMIN', city.id)).token;
    tokens.a = (await t.user('REGION_ADMIN', a.id)).token;
    tokens.b = (await t.user('REGION_ADMIN', b.id)).token;

    const consortium = async (region: string, lead: string, founded: string, mode: string) =>
      (await t.ok(`mutation($i: CreateSchoolGroupInput!) { createSchoolGroup(input: $i) { id } }`, { i: { name: `${lead.slice(0, 4)}教联体`, kind: 'CONSORTIUM', mode, regionId: region, leadSchoolId: lead, foundedOn: founded } }, admin)).createSchoolGroup.id;
    const join = (g: string, s: string, on: string) => t.ok(`mutation($i: AddGroupMemberInput!) { addGroupMember(input: $i) { id } }`, { i: { groupId: g, schoolId: s, pairing: 'STRONG_RURAL', joinedOn: on } }, admin);
    const leave = (g: string, s: string, on: string) => t.ok(`mutation($g: ID!, $s: ID!, $on: Date) { removeGroupMember(groupId: $g, schoolId: $s, leftOn: $on) { id } }`, { g, s, on }, admin);
    // 随县: one consortium from 27 months ago, a second from 16 months ago; schools join and leave at various dates
    const g1 = await consortium(a.id, schools.a[0], daysAgo(820), 'FUSED');
    await join(g1, schools.a[1], daysAgo(700));
    await join(g1, schools.a[2], daysAgo(540));
    await join(g1, schools.a[3], `${mid}-05`); // a join and a leave in the same month, either side of its 15th
    await leave(g1, schools.a[1], `${mid}-25`);
    await leave(g1, schools.a[2], daysAgo(300));
    const g2 = await consortium(a.id, schools.a[4], daysAgo(480), 'CO_BUILT');
    await join(g2, schools.a[2], daysAgo(250)); // back in, in another consortium
    await join(g2, schools.a[1], daysAgo(200));
    await join(g2, schools.a[5], daysAgo(95));
    await leave(g1, schools.a[3], daysAgo(61));
    await join(g2, schools.a[3], daysAgo(45));
    await join(g2, schools.a[6], today); // in the current month, which ends at asOf
    // 广水市: a consortium from 10 months ago; a member leaves last month
    const g3 = await consortium(b.id, schools.b[0], daysAgo(300), 'FUSED_AND_CO_BUILT');
    await join(g3, schools.b[1], daysAgo(280));
    await join(g3, schools.b[2], daysAgo(150));
    await leave(g3, schools.b[1], daysAgo(35));
    // a school becomes a senior school (no longer compulsory); another one is added
    await t.ok(`mutation($id: ID!) { updateSchool(id: $id, input: { stage: SENIOR }) { id } }`, { id: schools.b[3] }, admin);
    await t.ok(`mutation($i: CreateSchoolInput!) { createSchool(input: $i) { id } }`, { i: { name: '随县新建小学', regionId: a.id, stage: 'PRIMARY', locale: 'RURAL', studentCount: 66, teacherCount: 8 } }, admin);
    // targets: the city's for last year, the county's own for this year
    const year = Number(today.slice(0, 4));
    await t.ok(`mutation($r: ID!, $y: Int!) { setCoverageTarget(regionId: $r, year: $y, ratio: 0.6) { ratio } }`, { r: city.id, y: year - 1 }, admin);
    await t.ok(`mutation($r: ID!, $y: Int!) { setCoverageTarget(regionId: $r, year: $y, ratio: 0.8) { ratio } }`, { r: city.id, y: year }, admin);
    await t.ok(`mutation($r: ID!, $y: Int!) { setCoverageTarget(regionId: $r, year: $y, ratio: 0.7) { ratio } }`, { r: a.id, y: year }, admin);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('gives each month-end exactly what regionCoverage gives for that day, in a handful of SQL statements', async () => {
    for (const region of [ids.city, ids.a, ids.b, ids.province]) {
      const r = await t.gql(TREND_Q, { r: region }, admin);
      const trend = r.data.regionCoverageTrend;
      expect(trend.asOf).toBe(today);
      expect(trend.points).toHaveLength(24);
      expect(trend.points.at(-1)).toMatchObject({ month: today.slice(0, 7), asOf: today });
      for (const [i, p] of trend.points.entries()) {
        if (i < 23) expect(p.asOf).toBe(new Date(Date.UTC(Number(p.month.slice(0, 4)), Number(p.month.slice(5, 7)), 0)).toISOString().slice(0, 10));
        const { month: _m, asOf: _a, ...figures } = p;
        const single = (await t.ok(POINT_Q, { r: region, a: p.asOf }, admin)).regionCoverage;
        expect([region, p.asOf, figures]).toEqual([region, p.asOf, single]);
        const base = await baseRegionCoverage(t.db.manager, region, p.asOf);
        expect([region, p.asOf, p.coveredSchools, p.compulsorySchools, p.studentsCovered]).toEqual([region, p.asOf, base.coveredSchools, base.compulsorySchools, base.studentsCovered]);
      }
      expect(r.extensions!.sqlStatements).toBeLessThanOrEqual(2);
    }
    // the history shows: coverage changed from month to month, and the targets of both years are there
    const a = (await t.ok(TREND_Q, { r: ids.a }, tokens.a)).regionCoverageTrend.points;
    expect(new Set(a.map((p: any) => p.coveredSchools)).size).toBeGreaterThanOrEqual(5);
    const year = Number(today.slice(0, 4));
    expect(a.at(-1).target).toEqual({ year, ratio: 0.7, regionId: ids.a });
    expect(a.find((p: any) => p.month === `${year - 1}-06`).target).toEqual({ year: year - 1, ratio: 0.6, regionId: ids.city });
    const older = (await t.ok(TREND_Q, { r: ids.a, m: 36 }, tokens.a)).regionCoverageTrend.points[0];
    expect([older.month < `${year - 1}-01`, older.target, older.gap]).toEqual([true, null, null]);
    expect(a.at(-1).gap).toBeCloseTo(0.7 - a.at(-1).ratio);
  });

  it('ends at a given day in the middle of a month, takes 1 to 60 months, and costs the same for 60 as for 6', async () => {
    const asOf = `${mid}-15`;
    const [y, m] = mid.split('-').map(Number);
    const trend = (await t.ok(TREND_Q, { r: ids.a, m: 13, a: asOf }, tokens.a)).regionCoverageTrend;
    expect(trend.points.map((p: any) => p.asOf)).toEqual([
      ...Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(y - 1, m + i, 0)).toISOString().slice(0, 10)),
      asOf,
    ]);
    // the 15th counts the join of the 5th and not yet the leave of the 25th
    const covered = async (day: string) => (await t.ok(TREND_Q, { r: ids.a, m: 1, a: day }, tokens.a)).regionCoverageTrend.points[0].coveredSchools;
    const onThe15th = trend.points.at(-1).coveredSchools;
    expect([onThe15th - (await covered(`${mid}-04`)), (await covered(new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10))) - onThe15th]).toEqual([1, -1]);
    for (const p of trend.points) {
      const { month: _m, asOf: day, ...figures } = p;
      expect([day, figures]).toEqual([day, (await t.ok(POINT_Q, { r: ids.a, a: day }, tokens.a)).regionCoverage]);
    }
    const six = await t.gql(TREND_Q, { r: ids.a, m: 6 }, tokens.a);
    const sixty = await t.gql(TREND_Q, { r: ids.a, m: 60 }, tokens.a);
    expect(sixty.data.regionCoverageTrend.points).toHaveLength(60);
    expect(sixty.data.regionCoverageTrend.points.slice(54)).toEqual(six.data.regionCoverageTrend.points);
    expect(sixty.extensions!.sqlStatements).toBe(six.extensions!.sqlStatements);
    expect((await t.ok(TREND_Q, { r: ids.a, m: 1 }, tokens.a)).regionCoverageTrend.points).toHaveLength(1);

    const error = async (vars: Record<string, unknown>, token = tokens.a) => (await t.gql(TREND_Q, { r: ids.a, ...vars }, token)).errors?.[0]?.extensions;
    expect(await error({ m: 61 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'months' });
    expect(await error({ m: 0 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'months' });
    expect(await error({ a: '2026-02-30' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'a' });
    expect(await error({}, tokens.b)).toMatchObject({ code: 'FORBIDDEN' });
    expect(codeOf(await t.gql(TREND_Q, { r: ids.city }, tokens.a))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(TREND_Q, { r: '00000000-0000-4000-8000-000000000000' }, tokens.a))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(TREND_Q, { r: ids.a }))).toBe('UNAUTHENTICATED');
  });

  it('gives one row per child region equal to regionCoverage and regionActivitySummary of that child, in a fixed number of statements', async () => {
    // activity rollups on days in and around the period, for three counties in two cities
    const from = daysAgo(200);
    const to = daysAgo(12);
    const before = new Date(Date.parse(from) - 86400_000).toISOString().slice(0, 10);
    const after = new Date(Date.parse(to) + 86400_000).toISOString().slice(0, 10);
    const days = [before, from, daysAgo(150), daysAgo(100), daysAgo(40), to, after];
    const rollups = t.app.get(RollupService);
    const expected: Record<string, number> = {};
    await t.db.transaction(async (em) => {
      const tx = new RequestContext(em, null);
      for (const [n, county] of [ids.a, ids.b, ids.d].entries()) {
        for (const [i, day] of days.entries()) {
          const facts = [
            { metric: Metric.ResearchSessions, key: i % 2 ? 'JOINT_RESEARCH' : 'DEMO_LESSON', delta: n + 1 },
            { metric: Metric.TeacherParticipations, delta: 3 * (n + i) },
            { metric: Metric.TeacherExchanges, key: 'ROTATION', delta: i % 3 },
            { metric: Metric.ExchangedTeachers, delta: i % 3 },
            { metric: Metric.MentoringActive, delta: i === 4 ? -1 : 2 },
          ];
          for (const f of facts) await rollups.bump(tx, await rollups.forRegion(tx, county, { day, ...f }));
          if (county === ids.a && day >= from && day <= to) expected.aSessions = (expected.aSessions ?? 0) + n + 1;
        }
      }
    });
    const asOf = daysAgo(30);
    for (const [region, children] of [
      [ids.city, [ids.empty, ids.a, ids.b]], // in the order of their region codes
      [ids.province, [ids.other, ids.city]],
    ] as const) {
      for (const [f, tt, a] of [[from, to, asOf], [`${today.slice(0, 4)}-01-01`, today, undefined]]) {
        const r = await t.gql(BREAKDOWN_Q, { r: region, f, t: tt, a }, admin);
        const b = r.data.regionBreakdown;
        expect(b.asOf).toBe(a ?? today);
        expect(b.rows.map((row: any) => row.region.id)).toEqual(children);
        for (const row of b.rows) {
          const { region: child, researchSessions, teacherParticipations, mentoringPairsActive, teacherExchanges, exchangedTeachers, ...coverage } = row;
          const single = (await t.ok(POINT_Q, { r: child.id, a: b.asOf }, admin)).regionCoverage;
          expect([child.name, coverage]).toEqual([child.name, single]);
          const activity = (await t.ok(ACTIVITY_Q, { r: child.id, f, t: tt }, admin)).regionActivitySummary;
          expect([child.name, { researchSessions, teacherParticipations, mentoringPairsActive, teacherExchanges, exchangedTeachers }]).toEqual([child.name, activity]);
        }
        expect(r.extensions!.sqlStatements).toBe(3);
      }
    }
    // not trivially equal: the counties differ and the period's edges count
    const rows = (await t.ok(BREAKDOWN_Q, { r: ids.city, f: from, t: to, a: asOf }, tokens.city)).regionBreakdown.rows;
    const byName = Object.fromEntries(rows.map((r: any) => [r.region.name, r]));
    expect(byName['随县'].researchSessions).toBe(expected.aSessions);
    expect(byName['随县'].researchSessions).not.toBe(byName['广水市'].researchSessions);
    expect(byName['随县'].coveredSchools).toBeGreaterThan(byName['广水市'].coveredSchools);
    expect(byName['随县'].target).toMatchObject({ regionId: ids.a, ratio: 0.7 });
    expect(byName['广水市'].target).toMatchObject({ regionId: ids.city, ratio: 0.8 });
    expect(byName['曾都区']).toMatchObject({ compulsorySchools: 0, ratio: 0, researchSessions: 0, region: { level: 'COUNTY' } });

    // scope: the city's admin and those above; a county has no rows
    expect(codeOf(await t.gql(BREAKDOWN_Q, { r: ids.city, f: from, t: to }, tokens.a))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(BREAKDOWN_Q, { r: ids.province, f: from, t: to }, tokens.city))).toBe('FORBIDDEN');
    expect((await t.ok(BREAKDOWN_Q, { r: ids.a, f: from, t: to }, tokens.city)).regionBreakdown.rows).toEqual([]);
    expect(codeOf(await t.gql(BREAKDOWN_Q, { r: '00000000-0000-4000-8000-000000000000', f: from, t: to }, admin))).toBe('NOT_FOUND');
    expect((await t.gql(BREAKDOWN_Q, { r: ids.city, f: to, t: from }, tokens.city)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    expect(codeOf(await t.gql(BREAKDOWN_Q, { r: ids.city, f: from, t: to }))).toBe('UNAUTHENTICATED');
  });
});
