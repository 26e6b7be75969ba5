import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { baseRegionCoverage } from '#app/reporting';
import { upload, xlsx } from './support/imports';
import { TestApp } from './support/test-app';

const HEADERS = ['共同体名称', '学校', '所属区县', '角色', '结对类型', '加入日期', '退出日期'];

/** Imports of history (issue 15): memberships at their real dates, and the coverage the reports count from them. */
describe('spreadsheet imports: memberships with their history', () => {
  let t: TestApp;
  let w: Record<string, any>;

  beforeAll(async () => {
    t = await TestApp.start();
    const county = await t.region({ name: '随县', level: 'COUNTY' });
    const other = await t.region({ name: '曾都区', level: 'COUNTY' });
    const bureau = await t.user('REGION_ADMIN', county.id);
    // the county's schools come in by the schools import, so the reports count them as the API created them
    const schools = await upload(t, 'schools', { name: 's.xlsx', body: await xlsx([
      ['学校名称', '所属区县', '学段', '城乡类别', '在校学生数', '教职工数'],
      ['随县炎帝学校', '随县', '九年一贯制学校', '城区', '1800', '120'],
      ['随县厉山镇中心小学', '随县', '小学', '镇区', '900', '60'],
      ['随县厉山镇三河小学', '随县', '小学', '乡村', '210', '18'],
    ]) }, bureau.token, false);
    expect(schools.body.created).toBe(3);
    const id = async (name: string) => (await t.sql(`SELECT id FROM school WHERE name = $1`, [name]))[0].id as string;
    const [yandi, lishan, sanhe] = [{ id: await id('随县炎帝学校') }, { id: await id('随县厉山镇中心小学') }, { id: await id('随县厉山镇三河小学') }];
    const far = await t.school(other.id, { name: '曾都区实验小学' });
    const group = async (name: string, lead: string) =>
      (await t.ok(`mutation($i: CreateSchoolGroupInput!) { createSchoolGroup(input: $i) { id } }`, { i: { name, kind: 'CONSORTIUM', mode: 'FUSED', regionId: county.id, leadSchoolId: lead, foundedOn: '2024-03-01' } }, bureau.token)).createSchoolGroup;
    const g1 = await group('随县炎帝学校教联体', yandi.id);
    const g2 = await group('随县厉山镇中心小学教联体', lishan.id);
    w = { county, yandi, lishan, sanhe, far, g1, g2, bureau, manager: await t.user('GROUP_MANAGER', g1.id), outsider: await t.user('REGION_ADMIN', other.id) };
  });
  afterAll(async () => {
    await t?.stop();
  });

  const history = () =>
    xlsx([
      HEADERS,
      // listed out of order on purpose: the school leaves g1 on the day it joins g2
      ['随县厉山镇中心小学教联体', '随县厉山镇三河小学', null, '成员校', '优质校+乡村学校', '2025-07-01', null],
      ['随县炎帝学校教联体', '随县厉山镇三河小学', null, '成员校', '优质校+乡村学校', '2024-09-01', '2025-07-01'],
      ['随县炎帝学校教联体', '随县炎帝学校', null, '牵头校', null, '2024-03-01', null],
    ]);

  it('imports memberships with their real dates, in date order, and a re-import changes nothing', async () => {
    const dry = await upload(t, 'memberships', { name: 'm.xlsx', body: await history() }, w.bureau.token, true);
    expect(dry.body).toEqual({ dryRun: true, rows: 3, created: 2, updated: 0, unchanged: 1, errors: [] });
    expect(await t.sql(`SELECT 1 FROM group_membership WHERE school_id = $1`, [w.sanhe.id])).toEqual([]);
    const real = await upload(t, 'memberships', { name: 'm.xlsx', body: await history() }, w.bureau.token, false);
    expect(real.body).toMatchObject({ created: 2, unchanged: 1, errors: [] });
    expect(await t.sql(`SELECT group_id, pairing, joined_on::text, left_on::text FROM group_membership WHERE school_id = $1 ORDER BY joined_on`, [w.sanhe.id])).toEqual([
      { group_id: w.g1.id, pairing: 'STRONG_RURAL', joined_on: '2024-09-01', left_on: '2025-07-01' },
      { group_id: w.g2.id, pairing: 'STRONG_RURAL', joined_on: '2025-07-01', left_on: null },
    ]);
    const again = await upload(t, 'memberships', { name: 'm.xlsx', body: await history() }, w.bureau.token, false);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 3, errors: [] });
  });

  it('counts the imported history exactly in coverage as of past dates', async () => {
    const q = `query($r: ID!, $a: Date) { regionCoverage(regionId: $r, asOf: $a) { coveredSchools studentsCovered compulsorySchools } }`;
    for (const asOf of ['2024-08-31', '2024-09-01', '2025-06-30', '2025-07-01', '2026-01-01']) {
      const got = (await t.ok(q, { r: w.county.id, a: asOf }, w.bureau.token)).regionCoverage;
      const base = await baseRegionCoverage(t.db.manager, w.county.id, asOf);
      expect([asOf, got]).toEqual([asOf, { coveredSchools: base.coveredSchools, studentsCovered: base.studentsCovered, compulsorySchools: base.compulsorySchools }]);
    }
    // 三河小学 is covered from 2024-09-01 on: by g1, then by g2
    const at = async (asOf: string) => (await t.ok(q, { r: w.county.id, a: asOf }, w.bureau.token)).regionCoverage.coveredSchools;
    expect(await at('2024-09-01')).toBe((await at('2024-08-31')) + 1);
  });

  it('imports past sessions with their attendance, played at their own times, counted in the month they took place', async () => {
    const liu = await t.teacher(w.sanhe.id, { name: '刘晓燕' });
    const hu = await t.teacher(w.lishan.id, { name: '胡晓东' });
    await t.sql(`UPDATE teacher SET staff_no = '0421002' WHERE id = $1`, [hu.id]);
    await t.teacher(w.lishan.id, { name: '王芳' });
    await t.teacher(w.sanhe.id, { name: '王芳' }); // two 王芳 at the invited schools
    const headers = ['共同体名称', '活动名称', '活动类型', '形式', '主办校', '开始时间', '结束时间', '受邀学校', '参加教师', '活动纪要'];
    const g2 = '随县厉山镇中心小学教联体';
    const sessions = () =>
      xlsx([
        headers,
        [g2, '四年级语文“观潮”同课异构', '联合教研', '线下', '随县厉山镇中心小学', '2025-10-15 14:30', '2025-10-15 16:30', '随县厉山镇三河小学', '刘晓燕、0421002', '两位教师同上一课，课后研讨朗读指导。'],
        [g2, '乡村小学英语集体备课', '集体备课', '线上', '随县厉山镇中心小学', '2025-10-09 19:00', '2025-10-09 20:30', null, '胡晓东', null],
      ]);
    const real = await upload(t, 'sessions', { name: 's.xlsx', body: await sessions() }, w.bureau.token, false);
    expect(real.body).toEqual({ dryRun: false, rows: 2, created: 2, updated: 0, unchanged: 0, errors: [] });
    const rows = await t.sql(
      `SELECT rs.title, rs.status, rs.started_at, rs.ended_at, rs.minutes, (SELECT array_agg(a.teacher_id ORDER BY a.teacher_id) FROM research_attendance a WHERE a.session_id = rs.id) AS present,
              (SELECT min(a.checked_in_at) FROM research_attendance a WHERE a.session_id = rs.id) AS checked_in
         FROM research_session rs WHERE rs.group_id = $1 ORDER BY rs.starts_at`,
      [w.g2.id],
    );
    expect(rows.map((r: any) => [r.title, r.status, r.started_at.toISOString(), r.ended_at.toISOString(), r.checked_in.toISOString()])).toEqual([
      ['乡村小学英语集体备课', 'ENDED', '2025-10-09T11:00:00.000Z', '2025-10-09T12:30:00.000Z', '2025-10-09T11:00:00.000Z'],
      ['四年级语文“观潮”同课异构', 'ENDED', '2025-10-15T06:30:00.000Z', '2025-10-15T08:30:00.000Z', '2025-10-15T06:30:00.000Z'],
    ]);
    expect(rows[1].present).toEqual([liu.id, hu.id].sort());
    expect(rows[1].minutes).toContain('朗读指导');
    const sum = (await t.ok(`query($g: ID!) { groupActivitySummary(groupId: $g, from: "2025-09-01", to: "2025-11-30") { researchSessions teacherParticipations byMonth { month researchSessions } } }`, { g: w.g2.id }, w.bureau.token)).groupActivitySummary;
    expect([sum.researchSessions, sum.teacherParticipations]).toEqual([2, 3]);
    expect(sum.byMonth.filter((m: any) => m.researchSessions).map((m: any) => [m.month, m.researchSessions])).toEqual([['2025-10', 2]]);
    expect((await upload(t, 'sessions', { name: 's.xlsx', body: await sessions() }, w.bureau.token, false)).body).toMatchObject({ created: 0, unchanged: 2, errors: [] });

    const bad = await upload(t, 'sessions', { name: 's.xlsx', body: await xlsx([
      headers,
      [g2, '明天的活动', '联合教研', '线下', '随县厉山镇中心小学', '2099-10-15 14:30', '2099-10-15 16:30', null, null, null],
      [g2, '外校主办', '联合教研', '线下', '随县炎帝学校', '2025-10-15 14:30', '2025-10-15 16:30', null, null, null],
      [g2, '签到不清', '联合教研', '线下', '随县厉山镇中心小学', '2025-10-20 14:30', '2025-10-20 16:30', '随县厉山镇三河小学', '王芳、李四', null],
      [g2, '时间写错', '联合教研', '线下', '随县厉山镇中心小学', '2025-10-20 25:30', '2025-10-20 16:30', null, null, null],
    ]) }, w.bureau.token, false);
    expect(bad.body.errors.map((e: any) => [e.row, e.column, e.value])).toEqual([
      [2, '结束时间', expect.any(String)],
      [3, '主办校', '随县炎帝学校'],
      [4, '参加教师', '王芳'],
      [4, '参加教师', '李四'],
      [5, '开始时间', '2025-10-20 25:30'],
    ]);
    expect(await t.sql(`SELECT count(*)::int n FROM research_session`)).toEqual([{ n: 2 }]);
  });

  it("imports a past session of a school that has since left: the schools are checked on the session's day", async () => {
    const headers = ['共同体名称', '活动名称', '活动类型', '形式', '主办校', '开始时间', '结束时间', '受邀学校', '参加教师'];
    const g1 = '随县炎帝学校教联体';
    // 三河小学 was in g1 from 2024-09-01 to 2025-07-01 (the history above), and is in g2 now
    const then = await upload(t, 'sessions', { name: 's.xlsx', body: await xlsx([headers, [g1, '三年级数学“认识分数”联合教研', '联合教研', '线下', '随县炎帝学校', '2025-03-12 14:30', '2025-03-12 16:30', '随县厉山镇三河小学', '刘晓燕']]) }, w.bureau.token, false);
    expect(then.body).toMatchObject({ created: 1, errors: [] });
    const [s] = await t.sql(`SELECT rs.id, (SELECT array_agg(school_id) FROM research_session_school x WHERE x.session_id = rs.id) AS schools FROM research_session rs WHERE rs.title = '三年级数学“认识分数”联合教研'`);
    expect(s.schools.sort()).toEqual([w.yandi.id, w.sanhe.id].sort());
    // after it left, it is not a member school of g1 any more: refused, nothing written
    const after = await upload(t, 'sessions', { name: 's.xlsx', body: await xlsx([headers, [g1, '离开之后', '联合教研', '线下', '随县炎帝学校', '2025-09-10 14:30', '2025-09-10 16:30', '随县厉山镇三河小学', null]]) }, w.bureau.token, false);
    expect([after.body.created, after.body.errors.length, after.body.errors[0].row]).toEqual([0, 1, 2]);
    expect(await t.sql(`SELECT 1 FROM research_session WHERE title = '离开之后'`)).toEqual([]);
  });

  it('imports mentoring pairs at their real dates: accepted by the mentor when they started, completed or dissolved when they ended', async () => {
    const zhou = await t.teacher(w.lishan.id, { name: '周文华', subjects: ['语文'] });
    await t.teacher(w.sanhe.id, { name: '陈雨萱', subjects: ['语文'] });
    const li = await t.teacher(w.sanhe.id, { name: '李明', subjects: ['数学'] });
    const ma = await t.teacher(w.lishan.id, { name: '马丽', subjects: ['数学'] });
    const headers = ['共同体名称', '导师', '徒弟', '学科', '结对日期', '计划结束日期', '状态', '结束日期', '结对目标', '结业评价或解除原因'];
    const g2 = '随县厉山镇中心小学教联体';
    const file = () =>
      xlsx([
        headers,
        [g2, '周文华', '陈雨萱', '语文', '2025-09-01', '2028-07-01', '结对中', null, '站稳讲台、独立设计单元教学', null],
        [g2, '马丽', '李明', '数学', '2025-07-10', null, '已出师', '2025-12-20', null, '一学期内完成三次公开课，达到出师要求。'],
      ]);
    const real = await upload(t, 'mentoring-pairs', { name: 'p.xlsx', body: await file() }, w.bureau.token, false);
    expect(real.body).toEqual({ dryRun: false, rows: 2, created: 2, updated: 0, unchanged: 0, errors: [] });
    const pairs = await t.sql(`SELECT mentor_teacher_id, status, activated_on::text, ended_on::text, planned_end_on::text, goals, proposed_by FROM mentoring_pair WHERE group_id = $1 ORDER BY activated_on`, [w.g2.id]);
    expect(pairs).toEqual([
      { mentor_teacher_id: ma.id, status: 'COMPLETED', activated_on: '2025-07-10', ended_on: '2025-12-20', planned_end_on: '2028-07-10', goals: [], proposed_by: 'MANAGER' },
      { mentor_teacher_id: zhou.id, status: 'ACTIVE', activated_on: '2025-09-01', ended_on: null, planned_end_on: '2028-07-01', goals: ['站稳讲台', '独立设计单元教学'], proposed_by: 'MANAGER' },
    ]);
    const sum = (await t.ok(`query($g: ID!) { groupActivitySummary(groupId: $g, from: "2025-07-01", to: "2025-12-31") { mentoringPairsFormed mentoringPairsCompleted } }`, { g: w.g2.id }, w.bureau.token)).groupActivitySummary;
    expect(sum).toEqual({ mentoringPairsFormed: 2, mentoringPairsCompleted: 1 });
    expect((await upload(t, 'mentoring-pairs', { name: 'p.xlsx', body: await file() }, w.bureau.token, false)).body).toMatchObject({ created: 0, unchanged: 2, errors: [] });
    const bad = await upload(t, 'mentoring-pairs', { name: 'p.xlsx', body: await xlsx([
      headers,
      [g2, '周文华', '李明', '数学', '2025-09-01', null, '结对中', null, null, null], // 周文华 does not teach 数学: the service's own rule
    ]) }, w.bureau.token, false);
    expect(bad.body).toMatchObject({ created: 0, errors: [expect.objectContaining({ row: 2, column: '学科', messageEn: expect.stringContaining('does not teach') })] });
    const incomplete = await upload(t, 'mentoring-pairs', { name: 'p.xlsx', body: await xlsx([headers, [g2, '马丽', '陈雨萱', '数学', '2025-09-01', null, '已解除', null, null, null], [g2, '无名氏', '陈雨萱', '语文', '2025-09-01', null, '结对中', null, null, null]]) }, w.bureau.token, true);
    expect(incomplete.body.errors.map((e: any) => [e.row, e.column])).toEqual([
      [2, '结束日期'],
      [3, '导师'],
    ]);
  });

  it('imports teacher exchanges with their real days, through the exchange rules, and a re-import changes nothing', async () => {
    const headers = ['共同体名称', '教师', '派出学校', '接收学校', '交流类型', '开始日期', '结束日期', '备注'];
    const g2 = '随县厉山镇中心小学教联体';
    const file = () => xlsx([headers, [g2, '周文华', '随县厉山镇中心小学', '随县厉山镇三河小学', '交流轮岗', '2025-09-01', '2026-07-10', '轮岗一年，任五年级语文']]);
    const real = await upload(t, 'exchanges', { name: 'e.xlsx', body: await file() }, w.bureau.token, false);
    expect(real.body).toEqual({ dryRun: false, rows: 1, created: 1, updated: 0, unchanged: 0, errors: [] });
    expect(await t.sql(`SELECT e.kind, e.starts_on::text, e.ends_on::text, t.name FROM teacher_exchange e JOIN teacher t ON t.id = e.teacher_id WHERE e.group_id = $1`, [w.g2.id])).toEqual([
      { kind: 'ROTATION', starts_on: '2025-09-01', ends_on: '2026-07-10', name: '周文华' },
    ]);
    const sum = (await t.ok(`query($g: ID!) { groupActivitySummary(groupId: $g, from: "2025-09-01", to: "2025-09-30") { exchangedTeachers } }`, { g: w.g2.id }, w.bureau.token)).groupActivitySummary;
    expect(sum.exchangedTeachers).toBe(1);
    expect((await upload(t, 'exchanges', { name: 'e.xlsx', body: await file() }, w.bureau.token, false)).body).toMatchObject({ created: 0, unchanged: 1, errors: [] });
    const bad = await upload(t, 'exchanges', { name: 'e.xlsx', body: await xlsx([
      headers,
      [g2, '陈雨萱', '随县厉山镇中心小学', '随县厉山镇三河小学', '支教', '2025-10-01', null, null], // she works at 三河小学
      [g2, '周文华', '随县厉山镇中心小学', '随县炎帝学校', '支教', '2025-10-01', null, null], // not a member of g2
      [g2, '马丽', '随县厉山镇中心小学', '随县厉山镇三河小学', '走教送教', '2025-10-01', '2025-09-01', null],
    ]) }, w.bureau.token, false);
    expect(bad.body.errors.map((e: any) => [e.row, e.column])).toEqual([
      [2, '教师'],
      [3, '接收学校'],
      [4, '结束日期'],
    ]);
    // the service's own rule, caught while writing: 周文华 is on a rotation then already
    const overlap = await upload(t, 'exchanges', { name: 'e.xlsx', body: await xlsx([headers, [g2, '周文华', '随县厉山镇中心小学', '随县厉山镇三河小学', '支教', '2025-10-01', null, null]]) }, w.bureau.token, false);
    expect(overlap.body).toMatchObject({ created: 0, errors: [expect.objectContaining({ row: 2 })] });
    expect(await t.sql(`SELECT count(*)::int n FROM teacher_exchange`)).toEqual([{ n: 1 }]);
  });

  it('records a leaving day on a re-import, refuses what contradicts the history, and keeps to the caller’s groups', async () => {
    const leave = await upload(t, 'memberships', { name: 'm.xlsx', body: await xlsx([HEADERS, ['随县厉山镇中心小学教联体', '随县厉山镇三河小学', null, '成员校', '优质校+乡村学校', '2025-07-01', '2026-01-15']]) }, w.bureau.token, false);
    expect(leave.body).toMatchObject({ created: 0, updated: 1, errors: [] });
    expect((await t.sql(`SELECT left_on::text FROM group_membership WHERE school_id = $1 AND group_id = $2`, [w.sanhe.id, w.g2.id]))[0].left_on).toBe('2026-01-15');
    const bad = await upload(
      t,
      'memberships',
      {
        name: 'm.xlsx',
        body: await xlsx([
          HEADERS,
          ['随县炎帝学校教联体', '随县厉山镇中心小学', null, '牵头校', null, '2024-03-01', null], // not g1's lead
          ['随县炎帝学校教联体', '曾都区实验小学', null, '成员校', '优质校+薄弱校', '2025-01-01', null], // outside the group's county
          ['随县炎帝学校教联体', '随县厉山镇中心小学', null, '成员校', null, '2025-01-01', null], // no pairing
          ['随县炎帝学校教联体', '随县厉山镇中心小学', null, '成员校', '其他', '2025-03-01', '2025-01-01'], // left before joining
          ['随县炎帝学校教联体', '随县厉山镇中心小学', null, '成员校', '其他', '2099-01-01', null], // the future
          ['不存在的教联体', '随县厉山镇中心小学', null, '成员校', '其他', '2025-01-01', null],
        ]),
      },
      w.bureau.token,
      false,
    );
    expect(bad.body.errors.map((e: any) => [e.row, e.column])).toEqual([
      [2, '角色'],
      [3, '学校'],
      [4, '结对类型'],
      [5, '退出日期'],
      [6, '加入日期'],
      [7, '共同体名称'],
    ]);
    // a service rule caught while writing: the school was in g1 until 2025-07-01, so it cannot join g1 again before that
    const overlap = await upload(t, 'memberships', { name: 'm.xlsx', body: await xlsx([HEADERS, ['随县炎帝学校教联体', '随县厉山镇三河小学', null, '成员校', '其他', '2025-03-01', null]]) }, w.bureau.token, false);
    expect(overlap.body).toMatchObject({ created: 0, errors: [expect.objectContaining({ row: 2, column: '加入日期', messageEn: expect.stringContaining('joinedOn must be on or after') })] });
    // a group manager imports into their own group only; another county's bureau finds no such group
    const mine = await upload(t, 'memberships', { name: 'm.xlsx', body: await xlsx([HEADERS, ['随县厉山镇中心小学教联体', '随县炎帝学校', null, '成员校', '其他', '2025-01-01', null]]) }, w.manager.token, true);
    expect(mine.body.errors).toEqual([expect.objectContaining({ row: 2, column: '共同体名称' })]);
    const theirs = await upload(t, 'memberships', { name: 'm.xlsx', body: await history() }, w.outsider.token, true);
    expect(theirs.body.errors.map((e: any) => e.column)).toEqual(['共同体名称', '共同体名称', '共同体名称']);
    expect(await t.sql(`SELECT count(*)::int n FROM group_membership`)).toEqual([{ n: 4 }]);
  });
});
