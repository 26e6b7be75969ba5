import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { ExpectedIds, fixedClock, RequestContext } from '#app/core';
import { IdentityService } from '#app/identity';
import { RotationService } from '#app/activity';
import { baseGroupActivity, baseRegionActivity, rebuildRollups } from '#app/reporting';
import { codeOf, TestApp, type GqlResult } from './support/test-app';

const RECORD = `mutation($i: RecordTeacherExchangeInput!) { recordTeacherExchange(input: $i) {
  id kind startsOn endsOn note group { id } teacher { id name } fromSchool { id } toSchool { id } } }`;
const END = `mutation($id: ID!, $on: Date!) { endTeacherExchange(id: $id, endsOn: $on) { id startsOn endsOn } }`;
const LIST = `query($f: TeacherExchangeFilter, $first: Int, $after: String) { teacherExchanges(filter: $f, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id kind startsOn endsOn teacher { id } } } } }`;
const ACTIVITY = `mutation($i: RecordStudentActivityInput!) { recordStudentActivity(input: $i) {
  id title type participantCount heldOn description group { id } schools { id } } }`;
const ACTIVITIES = `query($f: StudentActivityFilter, $first: Int, $after: String) { studentActivities(filter: $f, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id title type heldOn participantCount schools { id } } } } }`;
const ROTATION = `query($g: ID!, $y: Int!) { groupRotation(groupId: $g, year: $y) {
  eligibleTeachers rotatedTeachers rotationRatio backboneRotated backboneShare rotationGap backboneGap teachersToRotate
  quota { scopeId source year minRotationRatio minBackboneRatio } } }`;
const QUOTA = `mutation($s: ID!, $y: Int!, $r: Float!, $b: Float!) { setRotationQuota(scopeId: $s, year: $y, minRotationRatio: $r, minBackboneRatio: $b) {
  scopeId source year minRotationRatio minBackboneRatio } }`;
const GROUP_SUMMARY = `query($g: ID!, $f: Date!, $t: Date!) { groupActivitySummary(groupId: $g, from: $f, to: $t) {
  teacherExchanges exchangedTeachers exchangesByKind { key count } studentActivities studentParticipants
  bySchool { school { id } teacherExchanges exchangedTeachers studentActivities } byMonth { month teacherExchanges studentActivities studentParticipants } } }`;
const REGION_SUMMARY = `query($r: ID!, $f: Date!, $t: Date!) { regionActivitySummary(regionId: $r, from: $f, to: $t) {
  teacherExchanges exchangedTeachers exchangesByKind { key count } studentActivities studentParticipants } }`;

const errorOf = (r: GqlResult) => r.errors?.[0]?.extensions;

describe('teacher exchanges, student activities and rotation', () => {
  let t: TestApp;
  const id: Record<string, string> = {};
  const tok: Record<string, string> = {};
  beforeAll(async () => {
    t = await TestApp.start();
    const province = await t.region({ name: '湖北省', level: 'PROVINCE' });
    const city = await t.region({ name: '随州市', level: 'CITY', parentId: province.id });
    const county = await t.region({ name: '随县', level: 'COUNTY', parentId: city.id });
    const other = await t.region({ name: '广水市', level: 'COUNTY', parentId: city.id });
    const lead = await t.school(county.id, { name: '随县炎帝学校' });
    const member = await t.school(county.id, { name: '随县厉山镇三河小学', locale: 'RURAL' });
    const member2 = await t.school(county.id, { name: '随县殷店镇中心小学', locale: 'RURAL' });
    const outside = await t.school(county.id, { name: '随县草店镇中心学校' });
    const group = await t.group(county.id, lead.id, { name: '随县炎帝学校教联体' });
    await t.member(group.id, member.id);
    await t.member(group.id, member2.id);
    const backbone = await t.teacher(lead.id, { name: '周文华' });
    await t.sql(`UPDATE teacher SET honours = '{BACKBONE}' WHERE id = $1`, [backbone.id]);
    const leadTeacher = await t.teacher(lead.id, { name: '李明' });
    const leadTeacher2 = await t.teacher(lead.id, { name: '王芳' });
    const memberTeacher = await t.teacher(member.id, { name: '陈雨萱' });
    for (let i = 0; i < 6; i++) await t.teacher(member2.id, { name: `殷店教师${i}` });
    const outsideTeacher = await t.teacher(outside.id, { name: '吴刚' });
    await t.db.transaction((em) => rebuildRollups(em)); // rows were written directly
    Object.assign(id, {
      province: province.id, city: city.id, county: county.id, other: other.id, lead: lead.id, member: member.id, member2: member2.id,
      outside: outside.id, group: group.id, backbone: backbone.id, leadTeacher: leadTeacher.id, leadTeacher2: leadTeacher2.id,
      memberTeacher: memberTeacher.id, outsideTeacher: outsideTeacher.id,
    });
    tok.admin = (await t.user('PLATFORM_ADMIN')).token;
    tok.city = (await t.user('REGION_ADMIN', city.id)).token;
    const countyUser = await t.user('REGION_ADMIN', county.id);
    tok.county = countyUser.token;
    id.countyUser = countyUser.id;
    tok.other = (await t.user('REGION_ADMIN', other.id)).token;
    tok.manager = (await t.user('GROUP_MANAGER', group.id)).token;
    tok.leadAdmin = (await t.user('SCHOOL_ADMIN', lead.id)).token;
    tok.memberAdmin = (await t.user('SCHOOL_ADMIN', member.id)).token;
    tok.member2Admin = (await t.user('SCHOOL_ADMIN', member2.id)).token;
    tok.outsideAdmin = (await t.user('SCHOOL_ADMIN', outside.id)).token;
    tok.memberTeacher = (await t.user('TEACHER', null, { teacherId: memberTeacher.id })).token;
    tok.leadTeacher = (await t.user('TEACHER', null, { teacherId: leadTeacher.id })).token;
  });
  afterAll(async () => {
    await t?.stop();
  });

  const input = (over: Record<string, unknown> = {}) => ({
    groupId: id.group,
    teacherId: id.backbone,
    fromSchoolId: id.lead,
    toSchoolId: id.member,
    kind: 'ROTATION',
    startsOn: '2025-09-01',
    endsOn: '2026-01-31',
    ...over,
  });
  const record = async (over: Record<string, unknown> = {}, token = tok.manager) => (await t.ok(RECORD, { i: input(over) }, token)).recordTeacherExchange;
  const snapshot = () => t.sql(`SELECT (SELECT count(*) FROM teacher_exchange)::int AS exchanges, (SELECT count(*) FROM student_activity)::int AS activities,
    (SELECT coalesce(sum(value), 0)::int FROM activity_rollup) AS rollups`);

  it('records an exchange between two member schools, with its group, teacher and schools', async () => {
    const e = await record({ note: '骨干教师到乡村学校交流轮岗一学期' });
    expect(e).toMatchObject({
      kind: 'ROTATION', startsOn: '2025-09-01', endsOn: '2026-01-31', note: '骨干教师到乡村学校交流轮岗一学期',
      group: { id: id.group }, teacher: { id: id.backbone, name: '周文华' }, fromSchool: { id: id.lead }, toSchool: { id: id.member },
    });
    // the admin of the teacher's own school may record one too
    const e2 = await record({ teacherId: id.memberTeacher, fromSchoolId: id.member, toSchoolId: id.lead, startsOn: '2026-09-01', endsOn: null }, tok.memberAdmin);
    expect(e2).toMatchObject({ endsOn: null, fromSchool: { id: id.member }, toSchool: { id: id.lead } });
  });

  it('validates an exchange, naming the field, and changes nothing on error', async () => {
    const before = await snapshot();
    const bad = async (over: Record<string, unknown>, field: string) => {
      const r = await t.gql(RECORD, { i: input({ teacherId: id.leadTeacher, startsOn: '2027-03-01', endsOn: null, ...over }) }, tok.manager);
      expect([field, errorOf(r)]).toEqual([field, expect.objectContaining({ code: 'BAD_USER_INPUT', field })]);
    };
    await bad({ toSchoolId: id.lead }, 'toSchoolId');
    await bad({ toSchoolId: id.outside }, 'toSchoolId');
    await bad({ teacherId: id.outsideTeacher, fromSchoolId: id.outside }, 'fromSchoolId');
    await bad({ teacherId: id.memberTeacher }, 'teacherId');
    await bad({ endsOn: '2027-02-28' }, 'endsOn');
    await bad({ startsOn: '2027-02-30' }, 'startsOn');
    await bad({ kind: 'HOLIDAY' }, 'kind');
    await bad({ groupId: 'not-an-id' }, 'groupId');
    await bad({ note: '长'.repeat(1001) }, 'note');
    expect(codeOf(await t.gql(RECORD, { i: input({ teacherId: '00000000-0000-4000-8000-000000000000', startsOn: '2027-03-01', endsOn: null }) }, tok.manager))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(RECORD, { i: input({ groupId: '00000000-0000-4000-8000-000000000000' }) }, tok.manager))).toBe('NOT_FOUND');
    expect(await snapshot()).toEqual(before);
  });

  it('lets only the managers, the region admins above and the teacher school admins record, and nothing changes when refused', async () => {
    const before = await snapshot();
    const attempt = (token?: string) => t.gql(RECORD, { i: input({ teacherId: id.leadTeacher, startsOn: '2027-03-01', endsOn: null }) }, token);
    expect(codeOf(await attempt(tok.outsideAdmin))).toBe('FORBIDDEN');
    expect(codeOf(await attempt(tok.member2Admin))).toBe('FORBIDDEN'); // a member school, but not the teacher's
    expect(codeOf(await attempt(tok.other))).toBe('FORBIDDEN');
    expect(codeOf(await attempt(tok.leadTeacher))).toBe('FORBIDDEN');
    expect(codeOf(await attempt())).toBe('UNAUTHENTICATED');
    expect(await snapshot()).toEqual(before);
    // region admins above the group may
    const e = await record({ teacherId: id.leadTeacher, kind: 'SUPPORT', startsOn: '2024-03-01', endsOn: '2024-07-15' }, tok.city);
    expect(e.kind).toBe('SUPPORT');
  });

  it('refuses overlapping periods and a second open exchange of a teacher; end moves the last day', async () => {
    const first = await record({ teacherId: id.leadTeacher2, kind: 'TRAVELING', startsOn: '2026-03-01', endsOn: null, toSchoolId: id.member2 });
    const before = await snapshot();
    const open = await t.gql(RECORD, { i: input({ teacherId: id.leadTeacher2, startsOn: '2026-09-01', endsOn: null }) }, tok.manager);
    expect(errorOf(open)).toMatchObject({ code: 'CONFLICT', exchangeId: first.id });
    const closed = await t.gql(RECORD, { i: input({ teacherId: id.leadTeacher2, startsOn: '2026-01-01', endsOn: '2026-03-01' }) }, tok.manager);
    expect(codeOf(closed)).toBe('CONFLICT'); // the last day of one and the first of the other are the same day
    expect(await snapshot()).toEqual(before);

    expect((await t.ok(END, { id: first.id, on: '2026-06-30' }, tok.manager)).endTeacherExchange).toEqual({ id: first.id, startsOn: '2026-03-01', endsOn: '2026-06-30' });
    const next = await record({ teacherId: id.leadTeacher2, kind: 'ROTATION', startsOn: '2026-07-01', endsOn: '2026-12-31' });
    expect(codeOf(await t.gql(RECORD, { i: input({ teacherId: id.leadTeacher2, startsOn: '2026-02-01', endsOn: '2026-02-28' }) }, tok.manager))).toBe('OK');
    // moving an end date: later into the next exchange is refused, earlier is fine, before the start is bad input
    expect(codeOf(await t.gql(END, { id: first.id, on: '2026-07-15' }, tok.manager))).toBe('CONFLICT');
    expect((await t.ok(END, { id: first.id, on: '2026-05-31' }, tok.leadAdmin)).endTeacherExchange.endsOn).toBe('2026-05-31');
    expect(errorOf(await t.gql(END, { id: first.id, on: '2026-02-28' }, tok.manager))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endsOn' });
    expect((await t.ok(END, { id: next.id, on: '2027-01-31' }, tok.manager)).endTeacherExchange.endsOn).toBe('2027-01-31'); // extended
    expect(codeOf(await t.gql(END, { id: next.id, on: '2027-02-28' }, tok.outsideAdmin))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(END, { id: next.id, on: '2027-02-28' }, tok.memberAdmin))).toBe('FORBIDDEN'); // the to-school's admin
    expect(codeOf(await t.gql(END, { id: next.id, on: '2027-02-28' }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(END, { id: '00000000-0000-4000-8000-000000000000', on: '2027-02-28' }, tok.manager))).toBe('NOT_FOUND');
    expect((await t.sql(`SELECT ends_on::text FROM teacher_exchange WHERE id = $1`, [next.id]))[0].ends_on).toBe('2027-01-31');
  });

  it('lists exchanges in scope, by filter and period, page by page', async () => {
    const list = async (f: Record<string, unknown> = {}, token = tok.manager, page: Record<string, unknown> = {}) => (await t.ok(LIST, { f, ...page }, token)).teacherExchanges;
    const all = await list({ groupId: id.group });
    const [{ n }] = await t.sql(`SELECT count(*)::int n FROM teacher_exchange WHERE group_id = $1`, [id.group]);
    expect(all.totalCount).toBe(n);
    const starts = all.edges.map((e: any) => e.node.startsOn);
    expect(starts).toEqual([...starts].sort());
    expect((await list({ groupId: id.group }, tok.admin)).totalCount).toBe(n);
    expect((await list({ groupId: id.group }, tok.city)).totalCount).toBe(n);
    expect((await list({}, tok.other)).totalCount).toBe(0);
    expect((await list({}, tok.outsideAdmin)).totalCount).toBe(0);
    // a school admin sees the exchanges from or to its school; a teacher its own
    const mine = await list({}, tok.memberAdmin);
    const [{ m }] = await t.sql(`SELECT count(*)::int m FROM teacher_exchange WHERE $1 IN (from_school_id, to_school_id)`, [id.member]);
    expect(mine.totalCount).toBe(m);
    expect((await list({}, tok.memberTeacher)).edges.map((e: any) => e.node.teacher.id)).toEqual([id.memberTeacher]);
    expect((await list({}, tok.leadTeacher)).edges.map((e: any) => e.node.teacher.id)).toEqual([id.leadTeacher]);
    // filters
    expect((await list({ kind: 'TRAVELING' })).edges.map((e: any) => e.node.kind)).toEqual(['TRAVELING']);
    expect((await list({ teacherId: id.leadTeacher2 })).totalCount).toBe(3);
    expect((await list({ schoolId: id.member2 })).totalCount).toBe(1);
    const overlapping = await list({ from: '2026-01-15', to: '2026-02-15' });
    expect(overlapping.edges.map((e: any) => e.node.startsOn).sort()).toEqual(['2025-09-01', '2026-02-01']);
    expect((await list({ from: '2026-10-01' })).edges.map((e: any) => e.node.startsOn)).toEqual(['2026-07-01', '2026-09-01']); // the open one too
    // pages
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await list({ groupId: id.group }, tok.manager, { first: 2, after });
      seen.push(...page.edges.map((e: any) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(all.edges.map((e: any) => e.node.id));
    expect(codeOf(await t.gql(LIST, {}))).toBe('UNAUTHENTICATED');
    // nested fields are batched: the same statements for one exchange and for all
    const NESTED = `query($first: Int) { teacherExchanges(first: $first) { edges { node { group { name } teacher { name school { name } } fromSchool { name } toSchool { name } } } } }`;
    const one = await t.gql(NESTED, { first: 1 }, tok.manager);
    const many = await t.gql(NESTED, { first: 100 }, tok.manager);
    expect(many.data.teacherExchanges.edges.length).toBeGreaterThan(4);
    expect(many.extensions!.sqlStatements).toBe(one.extensions!.sqlStatements);
  });

  it('records joint student activities of member schools only', async () => {
    const activity = (over: Record<string, unknown> = {}) => ({
      groupId: id.group, title: '“书香校园”联合读书节', type: 'READING', schoolIds: [id.lead, id.member], participantCount: 320, heldOn: '2026-04-23', ...over,
    });
    const a = (await t.ok(ACTIVITY, { i: activity({ description: '城乡学生共读一本书' }) }, tok.manager)).recordStudentActivity;
    expect(a).toMatchObject({ title: '“书香校园”联合读书节', type: 'READING', participantCount: 320, heldOn: '2026-04-23', description: '城乡学生共读一本书', group: { id: id.group } });
    expect(a.schools.map((s: any) => s.id).sort()).toEqual([id.lead, id.member].sort());
    await t.ok(ACTIVITY, { i: activity({ title: '城乡少年篮球联赛', type: 'SPORTS', schoolIds: [id.lead, id.member, id.member2], participantCount: 96, heldOn: '2026-05-20' }) }, tok.county);
    await t.ok(ACTIVITY, { i: activity({ title: '劳动实践周', type: 'LABOUR', schoolIds: [id.member2], participantCount: 45, heldOn: '2025-11-12' }) }, tok.admin);

    const before = await snapshot();
    const bad = async (over: Record<string, unknown>, field: string) => {
      const r = await t.gql(ACTIVITY, { i: activity(over) }, tok.manager);
      expect([field, errorOf(r)]).toEqual([field, expect.objectContaining({ code: 'BAD_USER_INPUT', field })]);
    };
    await bad({ schoolIds: [id.lead, id.outside] }, 'schoolIds');
    await bad({ schoolIds: [] }, 'schoolIds');
    await bad({ participantCount: 0 }, 'participantCount');
    await bad({ title: '  ' }, 'title');
    await bad({ type: 'PARTY' }, 'type');
    await bad({ heldOn: '2026-13-01' }, 'heldOn');
    expect(codeOf(await t.gql(ACTIVITY, { i: activity() }, tok.leadAdmin))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(ACTIVITY, { i: activity() }, tok.other))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(ACTIVITY, { i: activity() }))).toBe('UNAUTHENTICATED');
    expect(await snapshot()).toEqual(before);
  });

  it('lists student activities in scope, by filter, page by page', async () => {
    const list = async (f: Record<string, unknown> = {}, token = tok.manager, page: Record<string, unknown> = {}) => (await t.ok(ACTIVITIES, { f, ...page }, token)).studentActivities;
    const all = await list({ groupId: id.group });
    expect(all.edges.map((e: any) => e.node.heldOn)).toEqual(['2025-11-12', '2026-04-23', '2026-05-20']);
    expect((await list({ type: 'SPORTS' })).edges.map((e: any) => e.node.title)).toEqual(['城乡少年篮球联赛']);
    expect((await list({ schoolId: id.member2 })).totalCount).toBe(2);
    expect((await list({ from: '2026-01-01', to: '2026-04-30' })).edges.map((e: any) => e.node.heldOn)).toEqual(['2026-04-23']);
    expect((await list({}, tok.memberAdmin)).totalCount).toBe(2); // the two its school took part in
    expect((await list({}, tok.memberTeacher)).totalCount).toBe(2);
    expect((await list({}, tok.outsideAdmin)).totalCount).toBe(0);
    expect((await list({}, tok.other)).totalCount).toBe(0);
    const p1 = await list({ groupId: id.group }, tok.city, { first: 2 });
    const p2 = await list({ groupId: id.group }, tok.city, { first: 2, after: p1.pageInfo.endCursor });
    expect(p1.pageInfo.hasNextPage).toBe(true);
    expect([...p1.edges, ...p2.edges].map((e: any) => e.node.id)).toEqual(all.edges.map((e: any) => e.node.id));
    expect(p2.pageInfo.hasNextPage).toBe(false);
    const NESTED = `query($first: Int) { studentActivities(first: $first) { edges { node { group { name } schools { name region { name } } } } } }`;
    const one = await t.gql(NESTED, { first: 1 }, tok.manager);
    const many = await t.gql(NESTED, { first: 100 }, tok.manager);
    expect(many.extensions!.sqlStatements).toBe(one.extensions!.sqlStatements);
  });

  it('reports rotation against the quota of the group, else the nearest region, else the defaults', async () => {
    // 2026: ROTATION of 周文华 (backbone, 2025-09..2026-01), 王芳 (2026-07..2027-01) and 陈雨萱 (open from 2026-09); eligible: 3 + 1 + 6 teachers
    const rotation = async (token = tok.manager, year = 2026) => (await t.ok(ROTATION, { g: id.group, y: year }, token)).groupRotation;
    const r = await rotation();
    expect(r).toMatchObject({ eligibleTeachers: 10, rotatedTeachers: 3, backboneRotated: 1, teachersToRotate: 0 });
    expect(r.quota).toEqual({ scopeId: null, source: 'DEFAULT', year: 2026, minRotationRatio: 0.1, minBackboneRatio: 0.2 });
    expect(r.rotationRatio).toBeCloseTo(0.3);
    expect(r.backboneShare).toBeCloseTo(1 / 3);
    expect(r.rotationGap).toBeCloseTo(0.1 - 0.3);
    expect(r.backboneGap).toBeCloseTo(0.2 - 1 / 3);
    expect((await rotation(tok.manager, 2024))).toMatchObject({ rotatedTeachers: 0, backboneShare: 0, teachersToRotate: 1 }); // 2024 had a SUPPORT exchange only

    const set = (token: string, scope: string, r: number, b: number, year = 2026) => t.gql(QUOTA, { s: scope, y: year, r, b }, token);
    expect((await set(tok.city, id.city, 0.4, 0.5)).data.setRotationQuota).toEqual({ scopeId: id.city, source: 'REGION', year: 2026, minRotationRatio: 0.4, minBackboneRatio: 0.5 });
    expect((await rotation()).quota).toMatchObject({ scopeId: id.city, source: 'REGION', minRotationRatio: 0.4 });
    await set(tok.county, id.county, 0.35, 0.3);
    await set(tok.county, id.county, 0.2, 0.5, 2027); // another year does not apply
    const county = await rotation(tok.county);
    expect(county.quota).toMatchObject({ scopeId: id.county, source: 'REGION', minRotationRatio: 0.35, minBackboneRatio: 0.3 });
    expect(county.rotationGap).toBeCloseTo(0.05);
    expect(county.backboneGap).toBeCloseTo(0.3 - 1 / 3);
    expect(county.teachersToRotate).toBe(1); // ceil(0.35 × 10) − 3
    await set(tok.manager, id.group, 0.5, 0.4);
    const own = await rotation(tok.city);
    expect(own.quota).toEqual({ scopeId: id.group, source: 'GROUP', year: 2026, minRotationRatio: 0.5, minBackboneRatio: 0.4 });
    expect(own.teachersToRotate).toBe(2);
    expect(own.backboneGap).toBeCloseTo(0.4 - 1 / 3);
    // updating replaces
    await set(tok.county, id.group, 0.25, 0.4);
    expect((await rotation()).quota.minRotationRatio).toBe(0.25);

    expect(codeOf(await set(tok.manager, id.county, 0.1, 0.1))).toBe('FORBIDDEN');
    expect(codeOf(await set(tok.other, id.group, 0.1, 0.1))).toBe('FORBIDDEN');
    expect(codeOf(await set(tok.other, id.county, 0.1, 0.1))).toBe('FORBIDDEN');
    expect(codeOf(await set(tok.leadAdmin, id.group, 0.1, 0.1))).toBe('FORBIDDEN');
    expect(codeOf(await set(tok.county, '00000000-0000-4000-8000-000000000000', 0.1, 0.1))).toBe('NOT_FOUND');
    expect(errorOf(await set(tok.county, id.group, 1.5, 0.1))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'minRotationRatio' });
    expect(errorOf(await set(tok.county, id.group, 0.1, -0.1))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'minBackboneRatio' });
    expect(errorOf(await set(tok.county, id.group, 0.1, 0.1, 1999))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
    expect((await rotation()).quota.minRotationRatio).toBe(0.25);
    expect(codeOf(await t.gql(ROTATION, { g: id.group, y: 2026 }, tok.other))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(ROTATION, { g: id.group, y: 2026 }, tok.memberAdmin))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(ROTATION, { g: id.group, y: 2026 }))).toBe('UNAUTHENTICATED');
    expect((await t.gql(ROTATION, { g: id.group, y: 3000 }, tok.manager)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });

  it('counts exchanges and activities in the group and region summaries, as the base tables do, and a rebuild agrees', async () => {
    for (const [from, to] of [['2024-01-01', '2027-12-31'], ['2026-01-01', '2026-06-30'], ['2025-11-12', '2026-07-01'], ['2026-04-23', '2026-04-23']]) {
      const g = (await t.ok(GROUP_SUMMARY, { g: id.group, f: from, t: to }, tok.manager)).groupActivitySummary;
      const want = await baseGroupActivity(t.db.manager, id.group, from, to);
      expect([from, to, g.teacherExchanges, g.exchangedTeachers, g.studentActivities, g.studentParticipants]).toEqual([
        from, to, want.teacherExchanges, want.exchangedTeachers, want.studentActivities, want.studentParticipants,
      ]);
      const kinds = Object.fromEntries(g.exchangesByKind.map((k: any) => [k.key, k.count]));
      const wantKinds: Record<string, number> = {};
      for (const e of want.exchanges) wantKinds[e.kind] = (wantKinds[e.kind] ?? 0) + e.n;
      expect(kinds).toEqual(wantKinds);
      for (const s of g.bySchool) {
        expect(s.teacherExchanges).toBe(want.exchanges.filter((e) => e.school_id === s.school.id).reduce((a, e) => a + e.n, 0));
        expect(s.studentActivities).toBe(want.activitySchools.find((x) => x.school_id === s.school.id)?.n ?? 0);
      }
      for (const m of g.byMonth) {
        expect(m.teacherExchanges).toBe(want.exchanges.filter((e) => e.month === m.month).reduce((a, e) => a + e.n, 0));
        expect(m.studentParticipants).toBe(want.activities.filter((a) => a.month === m.month).reduce((a, r) => a + r.participants, 0));
      }
      for (const region of [id.province, id.city, id.county, id.other]) {
        const r = (await t.ok(REGION_SUMMARY, { r: region, f: from, t: to }, tok.admin)).regionActivitySummary;
        const w = await baseRegionActivity(t.db.manager, region, from, to);
        expect([region, r.teacherExchanges, r.exchangedTeachers, r.studentActivities, r.studentParticipants]).toEqual([
          region, w.teacherExchanges, w.exchangedTeachers, w.studentActivities, w.studentParticipants,
        ]);
        expect(Object.fromEntries(r.exchangesByKind.map((k: any) => [k.key, k.count]))).toEqual(Object.fromEntries(w.exchangesByKind.map((k: any) => [k.kind, k.n])));
      }
    }
    // the figures are really there
    const whole = (await t.ok(GROUP_SUMMARY, { g: id.group, f: '2024-01-01', t: '2027-12-31' }, tok.manager)).groupActivitySummary;
    expect(whole).toMatchObject({ teacherExchanges: 6, exchangedTeachers: 6, studentActivities: 3, studentParticipants: 461 });
    expect(whole.exchangesByKind).toEqual([{ key: 'ROTATION', count: 4 }, { key: 'SUPPORT', count: 1 }, { key: 'TRAVELING', count: 1 }]);
    const region = (await t.ok(REGION_SUMMARY, { r: id.city, f: '2024-01-01', t: '2027-12-31' }, tok.city)).regionActivitySummary;
    expect(region).toMatchObject({ teacherExchanges: 6, studentActivities: 3, studentParticipants: 461 });
    expect((await t.ok(REGION_SUMMARY, { r: id.other, f: '2024-01-01', t: '2027-12-31' }, tok.other)).regionActivitySummary.teacherExchanges).toBe(0);
    // a member school's admin sees its own row: exchanges to it and activities it took part in
    const own = (await t.ok(GROUP_SUMMARY, { g: id.group, f: '2024-01-01', t: '2027-12-31' }, tok.memberAdmin)).groupActivitySummary;
    expect(own.bySchool).toEqual([{ school: { id: id.member }, teacherExchanges: 4, exchangedTeachers: 4, studentActivities: 2 }]);
    expect(own).toMatchObject({ teacherExchanges: 4, studentActivities: 2, studentParticipants: 0 }); // participants are not split by school

    const rows = () => t.sql(`SELECT scope, scope_id, school_id, day::text, metric, key, value::int FROM activity_rollup WHERE value <> 0 ORDER BY 1, 2, 3, 4, 5, 6`);
    const live = await rows();
    await t.db.transaction((em) => rebuildRollups(em));
    expect(await rows()).toEqual(live);
  });

  it('sets a quota at the request clock, with the id the context supplies; setting it again keeps the row and moves the time', async () => {
    const svc = t.app.get(RotationService);
    const admin = (await t.app.get(IdentityService).resolve(id.countyUser))!;
    const at = (instant: string, ids?: ExpectedIds) => {
      const ctx = new RequestContext(t.db.manager, admin).withClock(fixedClock(instant));
      return ids ? ctx.withIds(ids) : ctx;
    };
    const row = async () => (await t.sql(`SELECT id, set_by, updated_at, min_rotation_ratio FROM rotation_quota WHERE region_id = $1 AND year = 2023`, [id.county]))[0];
    const quotaId = randomUUID();
    const ids = new ExpectedIds().expect('rotation_quota', quotaId);
    await svc.setQuota(at('2023-01-10T02:00:00Z', ids), id.county, 2023, 0.1, 0.2);
    expect(ids.left()).toEqual([]);
    expect(await row()).toEqual({ id: quotaId, set_by: id.countyUser, updated_at: new Date('2023-01-10T02:00:00Z'), min_rotation_ratio: 0.1 });
    await svc.setQuota(at('2023-03-01T02:00:00Z'), id.county, 2023, 0.15, 0.2);
    expect(await row()).toEqual({ id: quotaId, set_by: id.countyUser, updated_at: new Date('2023-03-01T02:00:00Z'), min_rotation_ratio: 0.15 });
  });

  it('records one of several concurrent exchanges of the same teacher and refuses the others', async () => {
    const teacher = await t.teacher(id.lead, { name: '赵强' });
    const results = await Promise.all(
      ['2028-03-01', '2028-04-01', '2028-05-01', '2028-06-01', '2028-07-01'].map((startsOn) => t.gql(RECORD, { i: input({ teacherId: teacher.id, startsOn, endsOn: null }) }, tok.manager)),
    );
    expect(results.map(codeOf).sort()).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'OK']);
    expect((await t.sql(`SELECT count(*)::int n FROM teacher_exchange WHERE teacher_id = $1`, [teacher.id]))[0].n).toBe(1);
  });
});
