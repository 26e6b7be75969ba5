import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GROUP_COUNTERS } from '#app/reporting';
import { DEMO_PASSWORD, seedDemo } from '../apps/api/src/demo/seed-demo';
import { codeOf, TestApp } from './support/test-app';

const DOMAIN = 'demo.school-groups.cn';
const COUNTY = '82e11328-fb1e-530b-b33a-e56b531db7d8'; // 随县
const GROUP = '51cf86cc-5402-53f1-9a76-756609f40d3e'; // 随县炎帝学校教联体
const [FROM, TO] = ['2025-09-01', '2026-11-30'];
const counters = GROUP_COUNTERS.map((f) => f.field).join(' ');
const BREAKDOWN = `query($r: ID!, $f: Date!, $t: Date!) { regionGroupBreakdown(regionId: $r, from: $f, to: $t) { rows { group { id name } kind mode level memberSchools ${counters} } } }`;
const PEOPLE = `exchangePeople { key exchanges teachers }`;

/** Reports per consortium, and the distinct people beside the exchange counts (issue 15, reports). */
describe('reports: one row per group, distinct exchanged teachers', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const login = async (who: string) =>
    (tokens[who] ??= (await t.ok(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: `${who}@${DOMAIN}`, p: DEMO_PASSWORD })).login.token);
  const download = async (path: string, token: string) => {
    const r = await fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: r.status, text: (await r.text()).replace(/^\uFEFF/, '') };
  };
  // the exchanges of the groups given, by kind and in all, counted from the table itself
  const peopleFromTable = async (groupIds: string[]) => {
    const rows = await t.sql(
      `SELECT coalesce(kind, '') AS key, count(*)::int AS exchanges, count(DISTINCT teacher_id)::int AS teachers FROM teacher_exchange
        WHERE group_id = ANY($1::uuid[]) AND starts_on BETWEEN $2 AND $3 GROUP BY GROUPING SETS ((kind), ()) ORDER BY 1`,
      [groupIds, FROM, TO],
    );
    return rows.map((r) => ({ key: r.key, exchanges: r.exchanges, teachers: r.teachers }));
  };

  beforeAll(async () => {
    t = await TestApp.start();
    await seedDemo(t.app);
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
  });

  it("gives one row per group of the county that existed in the period, each equal to that group's own summary", async () => {
    const rows = (await t.ok(BREAKDOWN, { r: COUNTY, f: FROM, t: TO }, await login('bureau'))).regionGroupBreakdown.rows;
    const expected = await t.sql(
      `SELECT g.id, g.kind FROM school_group g JOIN region r ON r.id = g.region_id WHERE r.path @> ARRAY[$1]::uuid[] AND g.founded_on <= $3 AND (g.dissolved_on IS NULL OR g.dissolved_on > $2)
        ORDER BY g.kind <> 'CONSORTIUM', g.name, g.id`,
      [COUNTY, FROM, TO],
    );
    expect(rows.map((r: any) => r.group.id)).toEqual(expected.map((g) => g.id));
    expect(rows.filter((r: any) => r.kind === 'CONSORTIUM').length).toBe(12);
    for (const row of rows) {
      const s = (await t.ok(`query($g: ID!, $f: Date!, $t: Date!) { groupActivitySummary(groupId: $g, from: $f, to: $t) { ${counters} } }`, { g: row.group.id, f: FROM, t: TO }, tokens.bureau)).groupActivitySummary;
      expect([row.group.name, Object.fromEntries(GROUP_COUNTERS.map((f) => [f.field, row[f.field]]))]).toEqual([row.group.name, s]);
      const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM group_membership WHERE group_id = $1 AND joined_on <= $2 AND (left_on IS NULL OR left_on > $2)`, [row.group.id, TO]);
      expect([row.group.name, row.memberSchools]).toEqual([row.group.name, n]);
    }
    expect(rows.reduce((a: number, r: any) => a + r.researchSessions, 0)).toBeGreaterThan(0);

    // each group's level is the one in force at the end of the period
    await t.ok(`mutation { updateSchoolGroup(input: { groupId: "${GROUP}", level: PROVINCIAL_DEMONSTRATION, effectiveOn: "2026-10-01" }) { id } }`, {}, tokens.bureau);
    const level = async (to: string) => (await t.ok(BREAKDOWN, { r: COUNTY, f: FROM, t: to }, tokens.bureau)).regionGroupBreakdown.rows.find((r: any) => r.group.id === GROUP).level;
    expect([await level('2026-09-30'), await level(TO)]).toEqual(['PROVINCIAL_PILOT', 'PROVINCIAL_DEMONSTRATION']);
  });

  it('is for the bureaus of the region only', async () => {
    expect(codeOf(await t.gql(BREAKDOWN, { r: COUNTY, f: FROM, t: TO }, await login('manager')))).toBe('FORBIDDEN');
    const other = (await t.sql(`SELECT id FROM region WHERE name = '广水市'`))[0].id;
    const city = (await t.ok(`{ me { roles { scopeId } } }`, {}, await login('city'))).me.roles[0].scopeId;
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(codeOf(await t.gql(BREAKDOWN, { r: city, f: FROM, t: TO }, tokens.bureau)));
    expect((await t.ok(BREAKDOWN, { r: other, f: FROM, t: TO }, tokens.city)).regionGroupBreakdown.rows.length).toBeGreaterThan(0);
    expect((await download(`/reports/regions/${COUNTY}/groups.csv?from=${FROM}&to=${TO}`, tokens.manager)).status).toBe(403);
  });

  it('counts the distinct teachers beside the exchanges, per kind and in all, for a group, a county and a school admin', async () => {
    // 高婷婷 travels to teach twice in the period (two exchanges of one kind): two exchanges, one teacher
    const exchange = (startsOn: string, endsOn: string) =>
      t.ok(`mutation($i: RecordTeacherExchangeInput!) { recordTeacherExchange(input: $i) { id } }`, {
        i: { groupId: GROUP, teacherId: '0fbbd4bf-cb07-506b-a3ca-621f1109a20a', fromSchoolId: '76226123-34c8-5dce-a165-5addb805efbf', toSchoolId: 'b48d1068-321b-5654-9ef9-7757eca51768', kind: 'TRAVELING', startsOn, endsOn },
      }, tokens.manager);
    await exchange('2026-10-12', '2026-10-16');
    await exchange('2026-11-02', '2026-11-06');

    const group = (await t.ok(`query($g: ID!, $f: Date!, $t: Date!) { groupActivitySummary(groupId: $g, from: $f, to: $t) { teacherExchanges ${PEOPLE} } }`, { g: GROUP, f: FROM, t: TO }, tokens.manager)).groupActivitySummary;
    expect(group.exchangePeople).toEqual(await peopleFromTable([GROUP]));
    const all = group.exchangePeople.find((p: any) => p.key === '');
    const traveling = group.exchangePeople.find((p: any) => p.key === 'TRAVELING');
    expect(all.exchanges).toBe(group.teacherExchanges);
    expect(traveling.teachers).toBeLessThan(traveling.exchanges); // the same teacher twice counts once

    const countyGroups = (await t.sql(`SELECT g.id FROM school_group g JOIN region r ON r.id = g.region_id WHERE r.path @> ARRAY[$1]::uuid[]`, [COUNTY])).map((g) => g.id);
    const region = (await t.ok(`query($r: ID!, $f: Date!, $t: Date!) { regionActivitySummary(regionId: $r, from: $f, to: $t) { teacherExchanges ${PEOPLE} } }`, { r: COUNTY, f: FROM, t: TO }, tokens.bureau)).regionActivitySummary;
    expect(region.exchangePeople).toEqual(await peopleFromTable(countyGroups));
    expect(region.exchangePeople.find((p: any) => p.key === '').exchanges).toBe(region.teacherExchanges);

    // the lead school's admin reads the group through its own school: the exchanges going to it only
    const school = (await t.ok(`query($g: ID!, $f: Date!, $t: Date!) { groupActivitySummary(groupId: $g, from: $f, to: $t) { teacherExchanges ${PEOPLE} } }`, { g: GROUP, f: FROM, t: TO }, await login('school'))).groupActivitySummary;
    const [mine] = await t.sql(`SELECT count(*)::int AS n FROM teacher_exchange WHERE group_id = $1 AND to_school_id = '76226123-34c8-5dce-a165-5addb805efbf' AND starts_on BETWEEN $2 AND $3`, [GROUP, FROM, TO]);
    expect(school.exchangePeople.find((p: any) => p.key === '')?.exchanges ?? 0).toBe(mine.n);
    expect(school.teacherExchanges).toBe(mine.n);
  });

  it('downloads the rows per group, and the exchange kinds as rows of their own, as CSV', async () => {
    const groups = await download(`/reports/regions/${COUNTY}/groups.csv?from=${FROM}&to=${TO}`, tokens.bureau);
    expect(groups.status).toBe(200);
    const lines = groups.text.trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^共同体 Group,类型 Kind,模式 Mode,级别 Level,成员校 Member schools,联合教研活动 Research sessions/);
    const rows = (await t.ok(BREAKDOWN, { r: COUNTY, f: FROM, t: TO }, tokens.bureau)).regionGroupBreakdown.rows;
    expect(lines.length).toBe(1 + rows.length);
    expect(lines[1]).toContain(rows[0].group.name);

    const activity = await download(`/reports/regions/${COUNTY}/activity.csv?from=${FROM}&to=${TO}`, tokens.bureau);
    const people = await peopleFromTable((await t.sql(`SELECT g.id FROM school_group g JOIN region r ON r.id = g.region_id WHERE r.path @> ARRAY[$1]::uuid[]`, [COUNTY])).map((g) => g.id));
    expect(activity.text).toContain('交流类型 Exchange kind,交流人次 Exchanges,交流教师（去重）Distinct teachers');
    for (const p of people.filter((x) => x.key)) expect(activity.text).toMatch(new RegExp(`^[^,\\n]* ${p.key},${p.exchanges},${p.teachers}\\r?$`, 'm'));
    const total = people.find((x) => !x.key)!;
    expect(activity.text).toMatch(new RegExp(`^合计 Total,${total.exchanges},${total.teachers}\\r?$`, 'm'));

    const group = await download(`/reports/groups/${GROUP}/activity.csv?from=${FROM}&to=${TO}`, tokens.manager);
    expect(group.text).toMatch(/走教送教 TRAVELING,\d+,\d+/);
  });
});
