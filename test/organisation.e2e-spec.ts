import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { codeOf, TestApp } from './support/test-app';

const CREATE_GROUP = `mutation($input: CreateSchoolGroupInput!) { createSchoolGroup(input: $input) { id kind mode leadSchool { id } members { role pairing joinedOn leftOn school { id } } } }`;
const ADD_MEMBER = `mutation($input: AddGroupMemberInput!) { addGroupMember(input: $input) { id role pairing joinedOn leftOn school { id name } group { id } } }`;
const REMOVE_MEMBER = `mutation($g: ID!, $s: ID!, $on: Date) { removeGroupMember(groupId: $g, schoolId: $s, leftOn: $on) { role joinedOn leftOn } }`;

describe('organisations: groups, memberships, teachers', () => {
  let t: TestApp;
  let city: { id: string };
  let county: { id: string };
  let otherCounty: { id: string };
  let bureau: { token: string };

  beforeAll(async () => {
    t = await TestApp.start();
    const province = await t.region({ name: '湖北省', level: 'PROVINCE' });
    city = await t.region({ name: '随州市', level: 'CITY', parentId: province.id });
    county = await t.region({ name: '随县', level: 'COUNTY', parentId: city.id });
    otherCounty = await t.region({ name: '广水市', level: 'COUNTY', parentId: city.id });
    bureau = await t.user('REGION_ADMIN', city.id);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const membershipCount = async () => (await t.sql(`SELECT count(*)::int AS n FROM group_membership`))[0].n;
  const groupCount = async () => (await t.sql(`SELECT count(*)::int AS n FROM school_group`))[0].n;

  it('makes the lead school a LEAD member from the moment the group is created', async () => {
    const lead = await t.school(county.id, { name: '随县第一中学' });
    const data = await t.ok(CREATE_GROUP, { input: { name: '随县第一教联体', kind: 'CONSORTIUM', mode: 'FUSED', regionId: county.id, leadSchoolId: lead.id, foundedOn: '2024-03-01', level: 'PROVINCIAL_PILOT' } }, bureau.token);
    const g = data.createSchoolGroup;
    expect(g.leadSchool.id).toBe(lead.id);
    expect(g.members).toEqual([{ role: 'LEAD', pairing: null, joinedOn: '2024-03-01', leftOn: null, school: { id: lead.id } }]);
  });

  it('keeps a school in at most one active consortium, naming the current one', async () => {
    const leadA = await t.school(county.id);
    const leadB = await t.school(county.id);
    const member = await t.school(county.id, { stage: 'TEACHING_POINT', locale: 'RURAL' });
    const a = await t.group(county.id, leadA.id, { name: '厉山镇教联体' });
    const b = await t.group(county.id, leadB.id, { name: '洪山镇教联体' });
    await t.ok(ADD_MEMBER, { input: { groupId: a.id, schoolId: member.id, pairing: 'STRONG_RURAL', joinedOn: '2024-02-01' } }, bureau.token);

    const before = await membershipCount();
    const r = await t.gql(ADD_MEMBER, { input: { groupId: b.id, schoolId: member.id, pairing: 'STRONG_RURAL' } }, bureau.token);
    expect(codeOf(r)).toBe('CONFLICT');
    expect(r.errors![0].message).toContain('厉山镇教联体');
    expect(r.errors![0].extensions!.currentConsortiumId).toBe(a.id);
    expect(await membershipCount()).toBe(before);

    // the same school twice in one group
    const again = await t.gql(ADD_MEMBER, { input: { groupId: a.id, schoolId: member.id, pairing: 'STRONG_RURAL' } }, bureau.token);
    expect(codeOf(again)).toBe('CONFLICT');

    // any number of groups of other kinds
    const eg = await t.group(county.id, leadA.id, { kind: 'EDUCATION_GROUP', name: '随县实验教育集团' });
    const district = await t.group(county.id, leadB.id, { kind: 'SCHOOL_DISTRICT', name: '随县城区学区' });
    await t.ok(ADD_MEMBER, { input: { groupId: eg.id, schoolId: member.id, pairing: 'STRONG_WEAK' } }, bureau.token);
    await t.ok(ADD_MEMBER, { input: { groupId: district.id, schoolId: member.id, pairing: 'OTHER' } }, bureau.token);

    // after leaving, the school may join another consortium; history keeps both rows
    await t.ok(REMOVE_MEMBER, { g: a.id, s: member.id, on: '2024-06-30' }, bureau.token);
    await t.ok(ADD_MEMBER, { input: { groupId: b.id, schoolId: member.id, pairing: 'STRONG_RURAL', joinedOn: '2024-07-01' } }, bureau.token);
    const rows = await t.sql(`SELECT group_id, left_on FROM group_membership WHERE school_id = $1 AND group_kind = 'CONSORTIUM' ORDER BY joined_on`, [member.id]);
    expect(rows).toEqual([{ group_id: a.id, left_on: '2024-06-30' }, { group_id: b.id, left_on: null }]);

    // history never overlaps: after leaving B at the end of 2024, joining C dated inside B's time is refused
    await t.ok(REMOVE_MEMBER, { g: b.id, s: member.id, on: '2024-12-31' }, bureau.token);
    const c = await t.group(county.id, (await t.school(county.id)).id, { name: '万和镇教联体' });
    const overlap = await t.gql(ADD_MEMBER, { input: { groupId: c.id, schoolId: member.id, pairing: 'STRONG_RURAL', joinedOn: '2024-12-01' } }, bureau.token);
    expect(overlap.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'joinedOn' });
    expect(overlap.errors?.[0]?.message).toContain('洪山镇教联体');
    await t.ok(ADD_MEMBER, { input: { groupId: c.id, schoolId: member.id, pairing: 'STRONG_RURAL', joinedOn: '2024-12-31' } }, bureau.token);
  });

  it('refuses a group whose lead school is already in another consortium, and creates nothing', async () => {
    const lead = await t.school(county.id);
    await t.group(county.id, lead.id, { name: '已有教联体' });
    const before = await groupCount();
    const r = await t.gql(CREATE_GROUP, { input: { name: '第二个教联体', kind: 'CONSORTIUM', mode: 'CO_BUILT', regionId: county.id, leadSchoolId: lead.id } }, bureau.token);
    expect(codeOf(r)).toBe('CONFLICT');
    expect(r.errors![0].message).toContain('已有教联体');
    expect(await groupCount()).toBe(before);
  });

  it("admits only schools of the group's region subtree, except into an alliance", async () => {
    const lead = await t.school(county.id);
    const outsider = await t.school(otherCounty.id, { name: '广水市实验小学' });
    const g = await t.group(county.id, lead.id);
    const r = await t.gql(ADD_MEMBER, { input: { groupId: g.id, schoolId: outsider.id, pairing: 'STRONG_WEAK' } }, bureau.token);
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0].extensions!.field).toBe('schoolId');

    const alliance = await t.group(county.id, lead.id, { kind: 'ALLIANCE', name: '随州市学校联盟' });
    const ok = await t.ok(ADD_MEMBER, { input: { groupId: alliance.id, schoolId: outsider.id, pairing: 'OTHER' } }, bureau.token);
    expect(ok.addGroupMember.school.name).toBe('广水市实验小学');

    // a city-level group takes schools of all its counties
    const cityLead = await t.school(county.id);
    const cityGroup = await t.group(city.id, cityLead.id, { kind: 'EDUCATION_GROUP' });
    await t.ok(ADD_MEMBER, { input: { groupId: cityGroup.id, schoolId: outsider.id, pairing: 'OTHER' } }, bureau.token);
  });

  it('keeps history when a member leaves and refuses to remove the lead school', async () => {
    const lead = await t.school(county.id);
    const m = await t.school(county.id);
    const g = await t.group(county.id, lead.id, { kind: 'EDUCATION_GROUP' });
    await t.member(g.id, m.id, '2024-01-01');
    const left = await t.ok(REMOVE_MEMBER, { g: g.id, s: m.id, on: '2024-12-31' }, bureau.token);
    expect(left.removeGroupMember).toEqual({ role: 'MEMBER', joinedOn: '2024-01-01', leftOn: '2024-12-31' });

    const q = `query($id: ID!) { schoolGroup(id: $id) { memberCount current: members { school { id } } all: members(includeFormer: true) { leftOn school { id } } } }`;
    const data = await t.ok(q, { id: g.id }, bureau.token);
    expect(data.schoolGroup.memberCount).toBe(1);
    expect(data.schoolGroup.current).toEqual([{ school: { id: lead.id } }]);
    expect(data.schoolGroup.all).toHaveLength(2);
    expect(data.schoolGroup.all.find((x: any) => x.school.id === m.id).leftOn).toBe('2024-12-31');

    const r = await t.gql(REMOVE_MEMBER, { g: g.id, s: lead.id }, bureau.token);
    expect(codeOf(r)).toBe('CONFLICT');
    const leftBeforeJoin = await t.gql(REMOVE_MEMBER, { g: g.id, s: m.id }, bureau.token);
    expect(codeOf(leftBeforeJoin)).toBe('NOT_FOUND'); // no active membership any more
  });

  it('moves a teacher between schools, one school at a time, keeping history', async () => {
    const from = await t.school(county.id, { name: '随县草店镇中心小学' });
    const to = await t.school(county.id, { name: '随县万和镇中心小学' });
    const teacher = await t.teacher(from.id, { name: '王晓燕' });
    const q = `mutation($id: ID!, $to: ID!, $on: Date) { transferTeacher(teacherId: $id, toSchoolId: $to, on: $on) { school { id } history { fromDate toDate school { name } } } }`;
    const data = await t.ok(q, { id: teacher.id, to: to.id, on: '2025-09-01' }, bureau.token);
    expect(data.transferTeacher.school.id).toBe(to.id);
    expect(data.transferTeacher.history).toEqual([
      { fromDate: '2020-09-01', toDate: '2025-09-01', school: { name: '随县草店镇中心小学' } },
      { fromDate: '2025-09-01', toDate: null, school: { name: '随县万和镇中心小学' } },
    ]);
    expect(codeOf(await t.gql(q, { id: teacher.id, to: to.id }, bureau.token))).toBe('BAD_USER_INPUT');
    const early = await t.gql(q, { id: teacher.id, to: from.id, on: '2025-01-01' }, bureau.token);
    expect(codeOf(early)).toBe('BAD_USER_INPUT');
    expect(early.errors![0].extensions!.field).toBe('on');
  });

  it('creates regions, schools, groups and teachers through the API and round-trips Chinese text exactly', async () => {
    const name = '随县洪山镇三里岗教学点（𠀾𡈼）· “示范”';
    const region = await t.ok(`mutation($i: CreateRegionInput!) { createRegion(input: $i) { id name level parent { name } } }`, { i: { name: '曾都区', level: 'COUNTY', parentId: city.id, code: '421303' } }, bureau.token);
    expect(region.createRegion).toMatchObject({ name: '曾都区', level: 'COUNTY', parent: { name: '随州市' } });
    const school = await t.ok(
      `mutation($i: CreateSchoolInput!) { createSchool(input: $i) { id name stage locale studentCount region { name } } }`,
      { i: { name, regionId: region.createRegion.id, stage: 'TEACHING_POINT', locale: 'RURAL', studentCount: 23, teacherCount: 3 } },
      bureau.token,
    );
    expect(school.createSchool).toMatchObject({ name, stage: 'TEACHING_POINT', locale: 'RURAL', studentCount: 23, region: { name: '曾都区' } });
    const teacher = await t.ok(
      `mutation($i: CreateTeacherInput!) { createTeacher(input: $i) { id name subjects honours title email school { name } history { fromDate } } }`,
      { i: { name: '欧阳娜娜', schoolId: school.createSchool.id, subjects: ['语文', '道德与法治'], stage: 'PRIMARY', title: 'FIRST_GRADE', yearsOfExperience: 12, honours: ['BACKBONE'], email: 'ouyang@example.cn' } },
      bureau.token,
    );
    expect(teacher.createTeacher).toMatchObject({ name: '欧阳娜娜', subjects: ['语文', '道德与法治'], honours: ['BACKBONE'], email: 'ouyang@example.cn', school: { name } });
    const stored = await t.sql(`SELECT name FROM school WHERE id = $1`, [school.createSchool.id]);
    expect(stored[0].name).toBe(name);
    const found = await t.ok(`query($s: String) { schools(filter: { search: $s }) { totalCount edges { node { name } } } }`, { s: '三里岗' }, bureau.token);
    expect(found.schools.edges.map((e: any) => e.node.name)).toEqual([name]);
  });

  it('lets a campus become independent (独立建制)', async () => {
    const main = await t.school(county.id, { name: '随县实验小学' });
    const campus = await t.ok(
      `mutation($i: CreateSchoolInput!) { createSchool(input: $i) { id campusOf { id } } }`,
      { i: { name: '随县实验小学东校区', regionId: county.id, stage: 'PRIMARY', locale: 'URBAN', studentCount: 900, teacherCount: 50, campusOfId: main.id } },
      bureau.token,
    );
    expect(campus.createSchool.campusOf.id).toBe(main.id);
    const upd = await t.ok(`mutation($id: ID!) { updateSchool(id: $id, input: { campusOfId: null, name: "随县曙光小学" }) { name campusOf { id } } }`, { id: campus.createSchool.id }, bureau.token);
    expect(upd.updateSchool).toEqual({ name: '随县曙光小学', campusOf: null });
  });

  it('filters and pages through schools, groups and teachers with stable cursors', async () => {
    const region = await t.region({ name: '分页县', level: 'COUNTY', parentId: city.id });
    for (let i = 0; i < 25; i++) await t.school(region.id, { name: `分页学校${String(i).padStart(2, '0')}`, stage: i % 5 === 0 ? 'JUNIOR' : 'PRIMARY' });
    const q = `query($after: String, $r: ID) { schools(first: 10, after: $after, filter: { regionId: $r }) { totalCount pageInfo { hasNextPage endCursor } edges { node { name } } } }`;
    const names: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const d: any = await t.ok(q, { after, r: region.id }, bureau.token);
      expect(d.schools.totalCount).toBe(25);
      names.push(...d.schools.edges.map((e: any) => e.node.name));
      after = d.schools.pageInfo.endCursor;
      if (!d.schools.pageInfo.hasNextPage) break;
    }
    expect(names).toEqual([...Array(25).keys()].map((i) => `分页学校${String(i).padStart(2, '0')}`));
    const juniors = await t.ok(`query($r: ID) { schools(filter: { regionId: $r, stage: JUNIOR }) { totalCount } }`, { r: region.id }, bureau.token);
    expect(juniors.schools.totalCount).toBe(5);
    // the subtree: a city filter includes its counties' schools
    const cityCount = await t.ok(`query($r: ID) { schools(first: 0, filter: { regionId: $r }) { totalCount } }`, { r: city.id }, bureau.token);
    expect(cityCount.schools.totalCount).toBeGreaterThan(25);

    const lead = await t.school(region.id);
    const g = await t.group(region.id, lead.id, { kind: 'CONSORTIUM', mode: 'CO_BUILT' });
    await t.teacher(lead.id, { name: '张伟', subjects: ['数学'] });
    await t.teacher(lead.id, { name: '李静', subjects: ['语文'] });
    const groups = await t.ok(`query($r: ID) { schoolGroups(filter: { regionId: $r, kind: CONSORTIUM, mode: CO_BUILT }) { totalCount edges { node { id } } } }`, { r: region.id }, bureau.token);
    expect(groups.schoolGroups.edges).toEqual([{ node: { id: g.id } }]);
    const teachers = await t.ok(`query($g: ID) { teachers(filter: { groupId: $g, subject: "数学" }) { totalCount edges { node { name } } } }`, { g: g.id }, bureau.token);
    expect(teachers.teachers.edges).toEqual([{ node: { name: '张伟' } }]);
  });
});
