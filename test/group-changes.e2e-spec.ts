import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { rebuildRollups } from '#app/reporting';
import { COVERAGE_Q, REGION_Q, daysAgo } from './support/reports';
import { codeOf, TestApp } from './support/test-app';

const UPDATE = `mutation($i: UpdateSchoolGroupInput!) { updateSchoolGroup(input: $i) {
  id name mode level status dissolvedOn crossRegion profiles { validFrom mode level } members(includeFormer: true) { role joinedOn leftOn school { id } } } }`;
const CREATE_SCHOOL = `mutation($i: CreateSchoolInput!) { createSchool(input: $i) { id } }`;
const CREATE_GROUP = `mutation($i: CreateSchoolGroupInput!) { createSchoolGroup(input: $i) { id crossRegion profiles { validFrom mode level } } }`;
const ADD_MEMBER = `mutation($i: AddGroupMemberInput!) { addGroupMember(input: $i) { id } }`;

/** updateSchoolGroup: rename, mode and level from a day on (history kept), dissolve; cross-region co-built consortia. */
describe('groups: rename, level history, dissolution, cross-region consortia', () => {
  let t: TestApp;
  let city: { id: string };
  let county: { id: string };
  let otherCounty: { id: string };
  let cityBureau: string;
  let countyBureau: string;
  let otherBureau: string;
  let n = 0;
  const school = async (regionId: string) =>
    (await t.ok(CREATE_SCHOOL, { i: { name: `学校${n++}`, regionId, stage: 'PRIMARY', locale: 'RURAL', studentCount: 300, teacherCount: 20 } }, cityBureau)).createSchool.id as string;
  const consortium = async (regionId: string, extra: Record<string, unknown> = {}) =>
    (await t.ok(CREATE_GROUP, { i: { name: `教联体${n++}`, kind: 'CONSORTIUM', mode: 'FUSED', regionId, leadSchoolId: await school(regionId), foundedOn: daysAgo(300), ...extra } }, cityBureau)).createSchoolGroup;
  const coverage = async (regionId: string, asOf: string) => (await t.ok(COVERAGE_Q, { r: regionId, a: asOf }, cityBureau)).regionCoverage;
  const groupRow = async (id: string) => (await t.sql(`SELECT name, mode, level, status, dissolved_on::text FROM school_group WHERE id = $1`, [id]))[0];

  beforeAll(async () => {
    t = await TestApp.start();
    const province = await t.region({ name: '湖北省', level: 'PROVINCE' });
    city = await t.region({ name: '随州市', level: 'CITY', parentId: province.id });
    county = await t.region({ name: '随县', level: 'COUNTY', parentId: city.id });
    otherCounty = await t.region({ name: '广水市', level: 'COUNTY', parentId: city.id });
    cityBureau = (await t.user('REGION_ADMIN', city.id)).token;
    countyBureau = (await t.user('REGION_ADMIN', county.id)).token;
    otherBureau = (await t.user('REGION_ADMIN', otherCounty.id)).token;
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('renames a group for the bureaus above it only', async () => {
    const g = await consortium(county.id);
    const manager = (await t.user('GROUP_MANAGER', g.id)).token;
    const before = await groupRow(g.id);
    expect(codeOf(await t.gql(UPDATE, { i: { groupId: g.id, name: '改名' } }, manager))).toBe('FORBIDDEN');
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(codeOf(await t.gql(UPDATE, { i: { groupId: g.id, name: '改名' } }, otherBureau)));
    expect(await groupRow(g.id)).toEqual(before);
    const r = await t.ok(UPDATE, { i: { groupId: g.id, name: '随县厉山镇教联体' } }, countyBureau);
    expect([r.updateSchoolGroup.name, r.updateSchoolGroup.profiles.length]).toEqual(['随县厉山镇教联体', 1]);
    const nothing = await t.gql(UPDATE, { i: { groupId: g.id } }, countyBureau);
    expect([codeOf(nothing), nothing.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'groupId']);
  });

  it('changes the level from a day on, keeps the history, and counts levels as of a date', async () => {
    const g = await consortium(county.id, { level: 'PROVINCIAL_PILOT' });
    const changedOn = daysAgo(100);
    const r = await t.ok(UPDATE, { i: { groupId: g.id, level: 'PROVINCIAL_DEMONSTRATION', effectiveOn: changedOn } }, countyBureau);
    expect(r.updateSchoolGroup.level).toBe('PROVINCIAL_DEMONSTRATION');
    expect(r.updateSchoolGroup.profiles).toEqual([
      { validFrom: daysAgo(300), mode: 'FUSED', level: 'PROVINCIAL_PILOT' },
      { validFrom: changedOn, mode: 'FUSED', level: 'PROVINCIAL_DEMONSTRATION' },
    ]);
    const levels = async (asOf: string) => Object.fromEntries((await coverage(county.id, asOf)).consortiaByLevel.map((x: any) => [x.key, x.count]));
    expect(await levels(daysAgo(150))).toMatchObject({ PROVINCIAL_PILOT: 1 });
    expect((await levels(daysAgo(150))).PROVINCIAL_DEMONSTRATION ?? 0).toBe(0);
    expect(await levels(daysAgo(10))).toMatchObject({ PROVINCIAL_DEMONSTRATION: 1 });
    expect((await levels(daysAgo(10))).PROVINCIAL_PILOT ?? 0).toBe(0);

    // refused, and nothing changes: a day before the last change, a day in the future, a mode for a non-consortium
    const before = [await groupRow(g.id), await t.sql(`SELECT * FROM school_group_profile WHERE group_id = $1 ORDER BY valid_from`, [g.id])];
    for (const [i, field] of [
      [{ groupId: g.id, level: 'MUNICIPAL_PILOT', effectiveOn: daysAgo(120) }, 'effectiveOn'],
      [{ groupId: g.id, level: 'MUNICIPAL_PILOT', effectiveOn: daysAgo(-2) }, 'effectiveOn'],
      [{ groupId: g.id, dissolve: true, level: 'MUNICIPAL_PILOT' }, 'dissolve'],
    ] as const) {
      const bad = await t.gql(UPDATE, { i }, countyBureau);
      expect([codeOf(bad), bad.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', field]);
    }
    const eg = await t.ok(`mutation($i: CreateSchoolGroupInput!) { createSchoolGroup(input: $i) { id } }`, { i: { name: '随县实验教育集团', kind: 'EDUCATION_GROUP', regionId: county.id, leadSchoolId: await school(county.id) } }, countyBureau);
    const mode = await t.gql(UPDATE, { i: { groupId: eg.createSchoolGroup.id, mode: 'CO_BUILT' } }, countyBureau);
    expect([codeOf(mode), mode.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'mode']);
    expect([await groupRow(g.id), await t.sql(`SELECT * FROM school_group_profile WHERE group_id = $1 ORDER BY valid_from`, [g.id])]).toEqual(before);

    // the level can be taken away; a second change on the same day replaces that day's row
    await t.ok(UPDATE, { i: { groupId: g.id, level: null, effectiveOn: daysAgo(5) } }, countyBureau);
    const last = await t.ok(UPDATE, { i: { groupId: g.id, mode: 'CO_BUILT', effectiveOn: daysAgo(5) } }, countyBureau);
    expect(last.updateSchoolGroup.profiles.slice(-1)).toEqual([{ validFrom: daysAgo(5), mode: 'CO_BUILT', level: null }]);
    expect(last.updateSchoolGroup.profiles).toHaveLength(3);
  });

  it('dissolves a group on a day: its memberships end that day, coverage drops from then on, its history stays', async () => {
    const g = await consortium(county.id);
    const member = await school(county.id);
    await t.ok(ADD_MEMBER, { i: { groupId: g.id, schoolId: member, pairing: 'STRONG_RURAL', joinedOn: daysAgo(200) } }, countyBureau);
    const onDay = daysAgo(50);
    const covered = async (asOf: string) => (await coverage(county.id, asOf)).coveredSchools as number;
    const groups = async (to: string) => (await t.ok(REGION_Q, { r: county.id, f: to, t: to }, cityBureau)).regionActivitySummary.groups as number;
    const [coveredBefore, coveredAfter, groupsBefore, groupsAfter] = [await covered(daysAgo(60)), await covered(daysAgo(10)), await groups(daysAgo(60)), await groups(daysAgo(10))];

    const early = await t.gql(UPDATE, { i: { groupId: g.id, dissolve: true, effectiveOn: daysAgo(250) } }, countyBureau);
    expect([codeOf(early), early.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'effectiveOn']);
    const r = (await t.ok(UPDATE, { i: { groupId: g.id, dissolve: true, effectiveOn: onDay } }, countyBureau)).updateSchoolGroup;
    expect([r.status, r.dissolvedOn]).toEqual(['DISSOLVED', onDay]);
    expect(r.members.map((m: any) => m.leftOn)).toEqual([onDay, onDay]);

    // before the day nothing changed; from the day on the group and its two schools no longer count
    expect([await covered(daysAgo(60)), await groups(daysAgo(60))]).toEqual([coveredBefore, groupsBefore]);
    expect([await covered(daysAgo(10)), await groups(daysAgo(10))]).toEqual([coveredAfter - 2, groupsAfter - 1]);
    // a dissolved group takes no members and no more changes
    expect(codeOf(await t.gql(ADD_MEMBER, { i: { groupId: g.id, schoolId: await school(county.id), pairing: 'STRONG_RURAL' } }, countyBureau))).toBe('CONFLICT');
    expect(codeOf(await t.gql(UPDATE, { i: { groupId: g.id, name: '又改名' } }, countyBureau))).toBe('CONFLICT');
    // the member may join another consortium from that day
    const other = await consortium(county.id);
    await t.ok(ADD_MEMBER, { i: { groupId: other.id, schoolId: member, pairing: 'STRONG_RURAL', joinedOn: onDay } }, countyBureau);
  });

  it('lets a co-built consortium cross regions, each school counted in its own region', async () => {
    const fused = await t.gql(CREATE_GROUP, { i: { name: '跨区融合', kind: 'CONSORTIUM', mode: 'FUSED', crossRegion: true, regionId: county.id, leadSchoolId: await school(county.id) } }, countyBureau);
    expect([codeOf(fused), fused.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'crossRegion']);
    const plain = await consortium(county.id);
    const farSchool = await school(otherCounty.id);
    const refused = await t.gql(ADD_MEMBER, { i: { groupId: plain.id, schoolId: farSchool, pairing: 'STRONG_RURAL' } }, cityBureau);
    expect([codeOf(refused), refused.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'schoolId']);

    const g = await consortium(county.id, { mode: 'CO_BUILT', crossRegion: true, name: '随县—广水跨区域共建教联体' });
    expect(g.crossRegion).toBe(true);
    const [inCounty, inOther] = [(await coverage(county.id, daysAgo(0))).coveredSchools, (await coverage(otherCounty.id, daysAgo(0))).coveredSchools];
    await t.ok(ADD_MEMBER, { i: { groupId: g.id, schoolId: farSchool, pairing: 'STRONG_RURAL', joinedOn: daysAgo(20) } }, cityBureau);
    expect([(await coverage(county.id, daysAgo(0))).coveredSchools, (await coverage(otherCounty.id, daysAgo(0))).coveredSchools]).toEqual([inCounty, inOther + 1]);
    const mode = await t.gql(UPDATE, { i: { groupId: g.id, mode: 'FUSED' } }, countyBureau);
    expect([codeOf(mode), mode.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'mode']);
  });

  it('keeps the rollups equal to a rebuild from the base tables', async () => {
    const snapshot = async () => {
      const rows = await t.sql(`SELECT scope, scope_id, school_id, metric, key, sum(value)::int AS v FROM activity_rollup GROUP BY 1, 2, 3, 4, 5 HAVING sum(value) <> 0 ORDER BY 1, 2, 3, 4, 5`);
      return rows.map((r) => `${r.scope}|${r.scope_id}|${r.school_id}|${r.metric}|${r.key}=${r.v}`);
    };
    const byDay = async () => t.sql(`SELECT day::text, metric, key, scope_id, sum(value)::int AS v FROM activity_rollup WHERE metric IN ('groups', 'consortia', 'consortia_level') GROUP BY 1, 2, 3, 4 HAVING sum(value) <> 0 ORDER BY 1, 2, 3, 4`);
    const [live, liveDays] = [await snapshot(), await byDay()];
    await t.db.transaction((em) => rebuildRollups(em));
    expect(await snapshot()).toEqual(live);
    expect(await byDay()).toEqual(liveDays);
  });
});
