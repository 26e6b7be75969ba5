import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { upload, xlsx } from './support/imports';
import { balanceWorld, type BalanceWorld } from './support/balance-world';
import { codeOf, TestApp } from './support/test-app';

/**
 * 优质均衡 (教督〔2017〕6号): every figure below is worked out by hand, from the records of support/balance-world.ts
 * (its comments give each school's counts): four schools of one county (two primary schools, a nine-year school split
 * across the stages, a junior school), a teaching point under 50 students (left out) and a senior high school.
 */
const YEAR = 2025;

const REPORT = `query($regionId: ID!, $year: Int!, $asOf: Date) { balanceReport(regionId: $regionId, year: $year, asOf: $asOf) {
  year asOf wholeRegion exchangesCounted
  excluded { school { name } reason students }
  stages { stage students compliantSchools holds
    indicators { key standard value coefficient threshold holds pulls { school { name } share value } }
    schools { school { id name } students teachers values { key value meets } met complies missing } } } }`;

describe('balanceReport (优质均衡)', () => {
  let t: TestApp;
  let county: { id: string };
  let bureau: string;
  let school: BalanceWorld['school'];
  let teachers: BalanceWorld['teachers'];
  let teach: BalanceWorld['teach'];

  const report = async (token = bureau, asOf?: string) => (await t.ok(REPORT, { regionId: county.id, year: YEAR, asOf }, token)).balanceReport;
  const stageOf = (r: any, stage: string) => r.stages.find((s: any) => s.stage === stage);
  const indicator = (r: any, stage: string, key: string) => stageOf(r, stage).indicators.find((i: any) => i.key === key);
  const part = (r: any, stage: string, name: string) => stageOf(r, stage).schools.find((s: any) => s.school.name === name);
  const value = (p: any, key: string) => p.values.find((v: any) => v.key === key);

  beforeAll(async () => {
    t = await TestApp.start();
    ({ county, bureau, school, teachers, teach } = await balanceWorld(t, YEAR));
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("computes each school's seven values, how many it meets and whether it complies (6 of 7, the other ≥ 85%)", async () => {
    const r = await report();
    expect(r.asOf).toBe(`${YEAR}-09-30`);
    expect(r.wholeRegion).toBe(true);
    expect(r.excluded).toEqual([{ school: { name: '戊教学点' }, reason: 'SMALL_TEACHING_POINT', students: 30 }]);
    const primary = stageOf(r, 'PRIMARY');
    expect(primary.schools.map((s: any) => s.school.name).sort()).toEqual(['丙学校', '乙小学', '甲小学'].sort());
    expect(primary.students).toBe(400);
    const a = part(r, 'PRIMARY', '甲小学');
    expect(a.values.map((v: any) => [v.key, v.value, v.meets])).toEqual([
      ['QUALIFIED_TEACHERS', 4.5, true],
      ['BACKBONE_TEACHERS', 1, true],
      ['PE_ARTS_TEACHERS', 1, true],
      ['BUILDING_AREA', 5, true],
      ['SPORTS_AREA', 8, true],
      ['EQUIPMENT_VALUE', 2100, true],
      ['MULTIMEDIA_ROOMS', 2.5, true],
    ]);
    expect([a.students, a.teachers, a.met, a.complies, a.missing]).toEqual([200, 11, 7, true, []]);
    // 乙: building 4.0 < 4.5 but ≥ 85% of it: complies with 6
    const b = part(r, 'PRIMARY', '乙小学');
    expect(value(b, 'BUILDING_AREA')).toEqual({ key: 'BUILDING_AREA', value: 4, meets: false });
    expect([b.met, b.complies]).toEqual([6, true]);
    // 丙's primary part: no backbone teacher (0 < 85% of 1.0): 6 met, does not comply
    const cp = part(r, 'PRIMARY', '丙学校');
    expect(value(cp, 'QUALIFIED_TEACHERS').value).toBeCloseTo(4.5, 10);
    expect(value(cp, 'BACKBONE_TEACHERS')).toEqual({ key: 'BACKBONE_TEACHERS', value: 0, meets: false });
    expect(value(cp, 'BUILDING_AREA').value).toBeCloseTo(6, 10);
    expect([cp.students, cp.teachers, cp.met, cp.complies]).toEqual([100, 5.5, 6, false]);
    expect(primary.compliantSchools).toBe(2);
    // 丙's junior part: sports 10.0 < 10.2 (98%): complies; 丁: 3 of 7
    const cj = part(r, 'JUNIOR', '丙学校');
    expect(value(cj, 'QUALIFIED_TEACHERS').value).toBeCloseTo(6.5, 10);
    expect(value(cj, 'SPORTS_AREA')).toEqual({ key: 'SPORTS_AREA', value: 10, meets: false });
    expect([cj.students, cj.teachers, cj.met, cj.complies]).toEqual([100, 7.5, 6, true]);
    const d = part(r, 'JUNIOR', '丁初中');
    expect(value(d, 'BACKBONE_TEACHERS').value).toBeCloseTo(2 / 3, 10);
    expect([d.students, d.teachers, d.met, d.complies]).toEqual([300, 17, 1, false]);
    expect(stageOf(r, 'JUNIOR').compliantSchools).toBe(1);
    expect(r.stages.flatMap((s: any) => s.schools.map((p: any) => p.school.name))).not.toContain('己高中');
  });

  it('computes the student-weighted coefficient of each indicator per stage against 0.50 / 0.45', async () => {
    const r = await report();
    const expected: Record<string, Record<string, [number, number]>> = {
      // [county value X̄, CV]; primary P = 200 + 100 + 100
      PRIMARY: {
        QUALIFIED_TEACHERS: [4.625, Math.sqrt(18.75 / 400) / 4.625], // Σ P(X − X̄)² = 3.125 + 14.0625 + 1.5625
        BACKBONE_TEACHERS: [0.75, Math.sqrt(75 / 400) / 0.75], // 12.5 + 6.25 + 56.25: 0.577 > 0.50
        PE_ARTS_TEACHERS: [1, 0],
        BUILDING_AREA: [5, Math.sqrt(200 / 400) / 5],
        SPORTS_AREA: [8.5, Math.sqrt(300 / 400) / 8.5],
        EQUIPMENT_VALUE: [2200, Math.sqrt(12_000_000 / 400) / 2200],
        MULTIMEDIA_ROOMS: [2.75, Math.sqrt(25 / 400) / 2.75],
      },
      // junior P = 100 + 300
      JUNIOR: {
        QUALIFIED_TEACHERS: [5.375, Math.sqrt(168.75 / 400) / 5.375],
        BACKBONE_TEACHERS: [0.75, Math.sqrt((6.25 + 300 * (1 / 12) ** 2) / 400) / 0.75],
        PE_ARTS_TEACHERS: [1, 0],
        BUILDING_AREA: [5.25, Math.sqrt(75 / 400) / 5.25],
        SPORTS_AREA: [10, 0],
        EQUIPMENT_VALUE: [2125, Math.sqrt(18_750_000 / 400) / 2125],
        MULTIMEDIA_ROOMS: [2.25, Math.sqrt(75 / 400) / 2.25],
      },
    };
    for (const [stage, keys] of Object.entries(expected)) {
      for (const [key, [mean, cv]] of Object.entries(keys)) {
        const i = indicator(r, stage, key);
        expect([stage, key, i.value]).toEqual([stage, key, expect.closeTo(mean, 9)]);
        expect([stage, key, i.coefficient]).toEqual([stage, key, expect.closeTo(cv, 9)]);
        expect(i.threshold).toBe(stage === 'PRIMARY' ? 0.5 : 0.45);
        expect(i.holds).toBe(cv <= i.threshold);
      }
    }
    expect(indicator(r, 'PRIMARY', 'BACKBONE_TEACHERS').coefficient).toBeCloseTo(0.57735, 5);
    expect(indicator(r, 'PRIMARY', 'QUALIFIED_TEACHERS').standard).toBe(4.2);
    expect(indicator(r, 'JUNIOR', 'QUALIFIED_TEACHERS').standard).toBe(5.3);
    expect(stageOf(r, 'PRIMARY').holds).toBe(false);
    expect(stageOf(r, 'JUNIOR').holds).toBe(true);
    // 丙's primary part pulls the backbone coefficient up most: 56.25 of 75
    const pulls = indicator(r, 'PRIMARY', 'BACKBONE_TEACHERS').pulls;
    expect(pulls[0]).toEqual({ school: { name: '丙学校' }, share: expect.closeTo(0.75, 9), value: 0 });
    expect(pulls.map((p: any) => [p.school.name, p.share])).toEqual([
      ['丙学校', expect.closeTo(56.25 / 75, 9)],
      ['甲小学', expect.closeTo(12.5 / 75, 9)],
      ['乙小学', expect.closeTo(6.25 / 75, 9)],
    ]);
    expect(indicator(r, 'PRIMARY', 'PE_ARTS_TEACHERS').pulls).toEqual([]);
  });

  it('counts a teacher on a ROTATION or SUPPORT exchange at the host school on the days of the exchange (not a TRAVELING one)', async () => {
    const group = await t.group(county.id, school.D, { name: '丁初中教联体' });
    await t.member(group.id, school.C);
    const moving = teachers.D[12]; // a 硕士, county-level backbone teacher of 丁初中 (junior)
    const exchange = (kind: string, starts: string, ends: string) =>
      t.sql(`INSERT INTO teacher_exchange (group_id, teacher_id, from_school_id, to_school_id, kind, starts_on, ends_on) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
        group.id,
        moving,
        school.D,
        school.C,
        kind,
        starts,
        ends,
      ]);
    await exchange('TRAVELING', '2025-09-01', '2026-07-10');
    expect((await report()).exchangesCounted).toBe(0);
    await exchange('ROTATION', '2025-09-15', '2026-07-10');
    const during = await report();
    expect(during.exchangesCounted).toBe(1);
    // 丁: backbone 1 of 300 students, 本科 and up 14; 丙 junior: backbone 2 of 100, 本科 and up 7.5
    expect(value(part(during, 'JUNIOR', '丁初中'), 'BACKBONE_TEACHERS').value).toBeCloseTo(1 / 3, 10);
    expect(value(part(during, 'JUNIOR', '丁初中'), 'QUALIFIED_TEACHERS').value).toBeCloseTo(14 / 3, 10);
    expect(value(part(during, 'JUNIOR', '丙学校'), 'BACKBONE_TEACHERS').value).toBeCloseTo(2, 10);
    expect(part(during, 'JUNIOR', '丙学校').teachers).toBeCloseTo(8.5, 10);
    // the county mean does not move; the coefficient does: X = 2.0 (100), 0.333 (300), X̄ 0.75
    expect(indicator(during, 'JUNIOR', 'BACKBONE_TEACHERS').value).toBeCloseTo(0.75, 10);
    expect(indicator(during, 'JUNIOR', 'BACKBONE_TEACHERS').coefficient).toBeCloseTo(Math.sqrt((100 * 1.25 ** 2 + 300 * (0.75 - 1 / 3) ** 2) / 400) / 0.75, 9);
    // before the exchange's first day, the teacher is at home
    const before = await report(bureau, '2025-09-14');
    expect(before.exchangesCounted).toBe(0);
    expect(value(part(before, 'JUNIOR', '丁初中'), 'BACKBONE_TEACHERS').value).toBeCloseTo(2 / 3, 10);
    await t.sql(`DELETE FROM teacher_exchange WHERE teacher_id = $1`, [moving]);
    await t.sql(`DELETE FROM group_membership WHERE group_id = $1`, [group.id]);
  });

  it('simulates moves without saving them, and refuses a move it cannot make with the move’s field', async () => {
    const simulate = `query($regionId: ID!, $year: Int!, $moves: [BalanceMoveInput!]!) { simulateBalance(regionId: $regionId, year: $year, moves: $moves) {
      stages { stage holds indicators { key value coefficient holds } schools { school { name } values { key value } } } } }`;
    // 甲's county-level backbone teacher (primary) to 丙: backbone 甲 0.5, 丙 1.0 → CV = √(25/400)/0.75 = 0.333
    const moved = (await t.ok(simulate, { regionId: county.id, year: YEAR, moves: [{ teacherId: teachers.A[7], toSchoolId: school.C }] }, bureau)).simulateBalance;
    expect(indicator(moved, 'PRIMARY', 'BACKBONE_TEACHERS')).toEqual({ key: 'BACKBONE_TEACHERS', value: expect.closeTo(0.75, 9), coefficient: expect.closeTo(1 / 3, 9), holds: true });
    expect(indicator(moved, 'PRIMARY', 'QUALIFIED_TEACHERS').value).toBeCloseTo(4.625, 9);
    expect(stageOf(moved, 'PRIMARY').holds).toBe(true);
    // nothing saved
    expect(indicator(await report(), 'PRIMARY', 'BACKBONE_TEACHERS').coefficient).toBeCloseTo(0.57735, 5);
    // the what-if downloads as the report does, said to be one; through a signed link too
    const whatIf = `/reports/regions/${county.id}/balance.csv?year=${YEAR}&moves=${teachers.A[7]}:${school.C}`;
    const csv = await (await fetch(`${t.url}${whatIf}`, { headers: { authorization: `Bearer ${bureau}` } })).text();
    expect(csv).toContain('小学 PRIMARY,每百名学生拥有县级以上骨干教师数 BACKBONE_TEACHERS,1,0.75,0.3333,0.5000,是 Yes');
    expect(csv).toContain('模拟调整（未保存）Simulated moves (not saved),1');
    const link = (await t.ok(`mutation($p: String!) { createDownloadLink(path: $p) { url } }`, { p: whatIf }, bureau)).createDownloadLink.url;
    expect(await (await fetch(`${t.url}${link}`)).text()).toBe(csv);
    const badPair = await fetch(`${t.url}/reports/regions/${county.id}/balance.csv?year=${YEAR}&moves=${teachers.A[7]}`, { headers: { authorization: `Bearer ${bureau}` } });
    expect([badPair.status, ((await badPair.json()) as any).errors[0].extensions]).toEqual([400, expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'moves' })]);

    const refused = async (moves: unknown[]) => {
      const res = await t.gql(simulate, { regionId: county.id, year: YEAR, moves }, bureau);
      return [codeOf(res), res.errors?.[0].extensions?.field];
    };
    expect(await refused([{ teacherId: randomUUID(), toSchoolId: school.C }])).toEqual(['BAD_USER_INPUT', 'moves.0.teacherId']);
    expect(await refused([{ teacherId: teachers.A[7], toSchoolId: school.F }])).toEqual(['BAD_USER_INPUT', 'moves.0.toSchoolId']);
    expect(await refused([{ teacherId: teachers.A[7], toSchoolId: school.A }])).toEqual(['BAD_USER_INPUT', 'moves.0.toSchoolId']);
    expect(
      await refused([
        { teacherId: teachers.A[7], toSchoolId: school.C },
        { teacherId: teachers.A[7], toSchoolId: school.B },
      ]),
    ).toEqual(['BAD_USER_INPUT', 'moves.1.teacherId']);
    expect(await refused([{ teacherId: 'x', toSchoolId: school.C }])).toEqual(['BAD_USER_INPUT', expect.stringContaining('teacherId')]);
  });

  it('gives the report of earlier years (history), with what each year is missing', async () => {
    const h = (await t.ok(`query($regionId: ID!) { balanceHistory(regionId: $regionId, year: ${YEAR}, years: 2) { year asOf stages { stage indicators { key coefficient } schools { school { name } students missing } } } }`, { regionId: county.id }, bureau)).balanceHistory;
    expect(h.map((x: any) => [x.year, x.asOf])).toEqual([
      [YEAR - 1, `${YEAR - 1}-09-30`],
      [YEAR, `${YEAR}-09-30`],
    ]);
    // 2024: no facility figures, no enrolment: the school's student count (甲 999), 丙 split by its teachers' stages (5 : 7 of 500)
    const earlier = stageOf(h[0], 'PRIMARY');
    expect(earlier.schools.find((s: any) => s.school.name === '甲小学')).toEqual({ school: { name: '甲小学' }, students: 999, missing: ['FACILITIES'] });
    expect(earlier.schools.find((s: any) => s.school.name === '丙学校')).toEqual({ school: { name: '丙学校' }, students: Math.round((500 * 5) / 12), missing: ['FACILITIES', 'ENROLMENT_BY_STAGE'] });
    expect(h[1].stages[0].indicators[1].coefficient).toBeCloseTo(0.57735, 5);
  });

  it('refuses bad input with the field, and changes nothing when one row of many is wrong', async () => {
    const one = `mutation($input: SchoolFacilitiesInput!) { setSchoolFacilities(input: $input) { buildingArea } }`;
    const base = { schoolId: school.A, year: YEAR, buildingArea: 1, sportsArea: 1, equipmentValue: 1, multimediaRooms: 1 };
    for (const [patch, field] of [
      [{ buildingArea: -1 }, 'buildingArea'],
      [{ multimediaRooms: 1.5 }, 'multimediaRooms'],
      [{ year: 1800 }, 'year'],
      [{ equipmentValue: 1.234 }, 'equipmentValue'],
    ] as const) {
      const res = await t.gql(one, { input: { ...base, ...patch } }, bureau);
      expect([codeOf(res), res.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', expect.stringContaining(field)]);
    }
    const rows = [
      { ...base, buildingArea: 7 },
      { ...base, schoolId: school.B, sportsArea: -5 },
    ];
    const bulk = await t.gql(`mutation($input: SchoolFacilitiesBulkInput!) { setSchoolFacilitiesBulk(input: $input) { year } }`, { input: { rows } }, bureau);
    expect(codeOf(bulk)).toBe('BAD_USER_INPUT');
    const repeated = await t.gql(`mutation($input: SchoolFacilitiesBulkInput!) { setSchoolFacilitiesBulk(input: $input) { year } }`, { input: { rows: [base, base] } }, bureau);
    expect([codeOf(repeated), repeated.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', 'rows.1']);
    expect((await t.sql(`SELECT building_area::float8 AS a FROM school_facilities WHERE school_id = $1 AND year = $2`, [school.A, YEAR]))[0].a).toBe(1000);
    const bad = await t.gql(REPORT, { regionId: county.id, year: 2999 }, bureau);
    expect([codeOf(bad), bad.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', 'year']);
    const badDay = await t.gql(REPORT, { regionId: county.id, year: YEAR, asOf: '2027-01-01' }, bureau);
    expect([codeOf(badDay), badDay.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', 'asOf']);
  });

  it('suggests the fewest moves that close a coefficient, within a group and keeping a teacher of each subject, and makes them exchanges in one action', async () => {
    const suggest = `query($regionId: ID!, $year: Int!, $maxMoves: Int, $across: Boolean) { suggestBalancingRotations(regionId: $regionId, year: $year, maxMoves: $maxMoves, acrossGroups: $across) {
      reachesThresholds moves { teacher { id name } from { name } to { name } stage indicator groupId coefficientBefore coefficientAfter reason }
      coefficients { stage key before after holdsBefore holdsAfter } } }`;
    const run = async (vars: Record<string, unknown> = {}) => (await t.ok(suggest, { regionId: county.id, year: YEAR, maxMoves: 5, ...vars }, bureau)).suggestBalancingRotations;
    // only 小学 骨干 is above its line (0.577). No group joins 甲 and 丙, and across groups 甲's two backbone teachers
    // are its only 数学 and only 英语 teachers, 乙's its only 体育 teacher: nobody may leave, nothing is suggested.
    const none = await run({ across: true });
    expect(none.moves).toEqual([]);
    expect(none.reachesThresholds).toBe(false);
    expect(none.coefficients.find((c: any) => c.stage === 'PRIMARY' && c.key === 'BACKBONE_TEACHERS')).toEqual({ stage: 'PRIMARY', key: 'BACKBONE_TEACHERS', before: expect.closeTo(0.57735, 5), after: expect.closeTo(0.57735, 5), holdsBefore: false, holdsAfter: false });
    // a second 英语 teacher at 甲, and a group of 甲 and 丙: one move (甲's 英语 backbone teacher to 丙) brings it to 0.333
    await teach('A', 1, { stage: 'PRIMARY', edu: 'SECONDARY', subject: '英语' });
    const group = await t.group(county.id, school.A, { name: '甲小学教育集团', kind: 'EDUCATION_GROUP' });
    await t.member(group.id, school.C);
    const plan = await run();
    expect(plan.moves).toHaveLength(1);
    const [move] = plan.moves;
    expect(move).toMatchObject({ teacher: { id: teachers.A[8] }, from: { name: '甲小学' }, to: { name: '丙学校' }, stage: 'PRIMARY', indicator: 'BACKBONE_TEACHERS', groupId: group.id });
    expect([move.coefficientBefore, move.coefficientAfter]).toEqual([expect.closeTo(0.57735, 5), expect.closeTo(1 / 3, 9)]);
    expect(move.reason).toBe('Primary coefficient of “County-level or higher backbone teachers per 100 students” 0.577 → 0.333 (甲小学 → 丙学校)');
    const zh = await t.gql(suggest, { regionId: county.id, year: YEAR, maxMoves: 5 }, bureau, { 'accept-language': 'zh-CN' });
    expect(zh.data.suggestBalancingRotations.moves[0].reason).toBe('小学“每百名学生拥有县级以上骨干教师数”校际差异系数 0.577 → 0.333（甲小学 → 丙学校）');
    expect(plan.reachesThresholds).toBe(true);
    // the plan as a download: the moves in order with their group and reason, the coefficients before and after
    const download = (format: string, query: string) => fetch(`${t.url}/reports/regions/${county.id}/balance-plan.${format}?${query}`, { headers: { authorization: `Bearer ${bureau}`, 'accept-language': 'zh-CN' } });
    const csv = await (await download('csv', `year=${YEAR}&maxMoves=5`)).text();
    expect(csv.split('\r\n')[0]).toBe('序号 No.,教师 Teacher,学科 Subject,调出学校 From,调入学校 To,学段 Stage,指标 Indicator,调整前系数 Before,调整后系数 After,共同体 Group,原因 Reason');
    expect(csv).toContain(`1,${move.teacher.name},英语,甲小学,丙学校,小学,每百名学生拥有县级以上骨干教师数,0.5774,0.3333,甲小学教育集团,小学“每百名学生拥有县级以上骨干教师数”校际差异系数 0.577 → 0.333（甲小学 → 丙学校）`);
    const xlsx = await download('xlsx', `year=${YEAR}&maxMoves=5&acrossGroups=false`);
    expect(xlsx.headers.get('content-disposition')).toBe(`attachment; filename="balance-plan-${YEAR}.xlsx"`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as any);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['调整建议', '调整前后差异系数', '说明']);
    const badLimit = await download('csv', `year=${YEAR}&maxMoves=many`);
    expect([badLimit.status, ((await badLimit.json()) as any).errors[0].extensions]).toEqual([400, expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'maxMoves' })]);
    // one action: the suggested move becomes a 交流轮岗, and the report counts the teacher at 丙
    const made = await t.ok(`mutation($input: CreateBalancingExchangesInput!) { createBalancingExchanges(input: $input) { kind teacherId fromSchoolId toSchoolId startsOn } }`, {
      input: { moves: [{ teacherId: move.teacher.id, toSchoolId: school.C, groupId: move.groupId }], startsOn: '2025-09-20', endsOn: '2026-07-10' },
    }, bureau);
    expect(made.createBalancingExchanges).toEqual([{ kind: 'ROTATION', teacherId: teachers.A[8], fromSchoolId: school.A, toSchoolId: school.C, startsOn: '2025-09-20' }]);
    const r = await report();
    expect(r.exchangesCounted).toBe(1);
    expect(indicator(r, 'PRIMARY', 'BACKBONE_TEACHERS').coefficient).toBeCloseTo(1 / 3, 9);
    expect((await run()).moves).toEqual([]);
    // a bad move is refused and nothing is made
    const bad = await t.gql(`mutation($input: CreateBalancingExchangesInput!) { createBalancingExchanges(input: $input) { kind } }`, {
      input: { moves: [{ teacherId: teachers.B[0], toSchoolId: school.C, groupId: group.id }], startsOn: '2025-09-20' },
    }, bureau);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(suggest, { regionId: county.id, year: YEAR, maxMoves: 0 }, bureau))).toBe('BAD_USER_INPUT');
    expect((await t.sql(`SELECT count(*)::int AS n FROM teacher_exchange`))[0].n).toBe(1);
    await t.sql(`DELETE FROM teacher_exchange`);
    await t.sql(`DELETE FROM group_membership WHERE group_id = $1`, [group.id]);
  });

  it('keeps each school’s students per term, takes the yearly snapshot, and counts 回流 since a school joined its consortium', async () => {
    const enrol = `mutation($input: SchoolEnrolmentInput!) { setSchoolEnrolment(input: $input) { year term } }`;
    // 乙小学 before it joined (spring term 2022–2023: 6 pupils), the autumn after (87), and 2025 (100, set above)
    await t.ok(enrol, { input: { schoolId: school.B, year: 2022, term: 'SPRING', primaryStudents: 6, juniorStudents: 0 } }, bureau);
    await t.ok(enrol, { input: { schoolId: school.B, year: 2023, term: 'AUTUMN', primaryStudents: 87, juniorStudents: 0 } }, bureau);
    const history = (await t.ok(`query($id: ID!) { schoolEnrolments(schoolId: $id) { year term primaryStudents source } }`, { id: school.B }, bureau)).schoolEnrolments;
    expect(history).toEqual([
      { year: 2022, term: 'SPRING', primaryStudents: 6, source: 'EDIT' },
      { year: 2023, term: 'AUTUMN', primaryStudents: 87, source: 'EDIT' },
      { year: 2025, term: 'AUTUMN', primaryStudents: 100, source: 'EDIT' },
    ]);
    // 丁 leads (a lead school's own growth is not 回流); 乙 joined on 2023-03-20, 甲 on 2024-01-01
    const consortium = await t.group(county.id, school.D, { name: '丁初中融合教联体', kind: 'CONSORTIUM', foundedOn: '2023-03-20' });
    await t.member(consortium.id, school.B, '2023-03-20');
    await t.member(consortium.id, school.A, '2024-01-01');
    const returned = `query($r: ID!, $asOf: Date) { studentsReturned(regionId: $r, asOf: $asOf) { total counties { region { name } change schools }
      schools { school { name } joinedOn before beforeTerm { year term } now nowTerm { year term } change } } }`;
    const r = (await t.ok(returned, { r: county.id, asOf: '2025-10-01' }, bureau)).studentsReturned;
    // 乙: 6 in the spring term that began 2023-03-01 (before it joined on 03-20), 100 now: +94; 甲 has no term before 2024-01-01
    expect(r.total).toBe(94);
    expect(r.counties).toEqual([{ region: { name: '均衡县' }, change: 94, schools: 1 }]);
    expect(r.schools).toEqual([
      { school: { name: '乙小学' }, joinedOn: '2023-03-20', before: 6, beforeTerm: { year: 2022, term: 'SPRING' }, now: 100, nowTerm: { year: 2025, term: 'AUTUMN' }, change: 94 },
      { school: { name: '甲小学' }, joinedOn: '2024-01-01', before: null, beforeTerm: null, now: 200, nowTerm: { year: 2025, term: 'AUTUMN' }, change: null },
    ]);
    expect((await t.ok(returned, { r: county.id, asOf: '2024-01-01' }, bureau)).studentsReturned.total).toBe(81);
    // the snapshot of 2024: every school without an autumn 2024 enrolment gets its student count; 丙 (nine-year, no earlier term) is left for the bureau
    const snap = (await t.ok(`mutation($r: ID!) { snapshotEnrolment(regionId: $r, year: 2024) { year recorded skipped { name } } }`, { r: county.id }, bureau)).snapshotEnrolment;
    expect(snap).toEqual({ year: 2024, recorded: 5, skipped: [{ name: '丙学校' }] });
    expect(await t.sql(`SELECT primary_students AS p, junior_students AS j, source FROM school_enrolment WHERE school_id = $1 AND year = 2024`, [school.A])).toEqual([{ p: 999, j: 0, source: 'SNAPSHOT' }]);
    expect((await t.ok(`mutation($r: ID!) { snapshotEnrolment(regionId: $r, year: 2024) { recorded } }`, { r: county.id }, bureau)).snapshotEnrolment.recorded).toBe(0);
    // scope: another county's bureau, a group manager
    const city = (await t.sql(`SELECT parent_id FROM region WHERE id = $1`, [county.id]))[0].parent_id;
    const other = (await t.user('REGION_ADMIN', (await t.region({ name: '另一县', parentId: city })).id)).token;
    expect(codeOf(await t.gql(returned, { r: county.id }, other))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(`query($id: ID!) { schoolEnrolments(schoolId: $id) { year } }`, { id: school.B }, other))).toBe('FORBIDDEN');
    const manager = (await t.user('GROUP_MANAGER', consortium.id)).token;
    expect(codeOf(await t.gql(returned, { r: county.id }, manager))).toBe('FORBIDDEN');
    expect((await t.ok(`query($id: ID!) { schoolEnrolments(schoolId: $id) { year } }`, { id: school.B }, manager)).schoolEnrolments).toHaveLength(4); // with the snapshot's 2024
    await t.sql(`DELETE FROM school_enrolment WHERE year = 2024 OR (school_id = $1 AND year < 2025)`, [school.B]);
    await t.sql(`DELETE FROM group_membership WHERE group_id = $1`, [consortium.id]);
  });

  it('downloads the report as bureaus file it: the coefficients, each stage’s schools, and what it was counted on', async () => {
    const get = (format: string, token = bureau, year: string | null = String(YEAR)) =>
      fetch(`${t.url}/reports/regions/${county.id}/balance.${format}${year ? `?year=${year}` : ''}`, { headers: { authorization: `Bearer ${token}`, 'accept-language': 'zh-CN' } });
    const xlsx = await get('xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-disposition')).toBe(`attachment; filename="balance-${YEAR}.xlsx"`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as any);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['校际差异系数', '小学学校达标情况', '初中学校达标情况', '说明']);
    const cv = wb.getWorksheet('校际差异系数')!;
    const backbone = cv.getRow(3); // the header, then 小学's seven in the standard's order
    expect([backbone.getCell(1).value, backbone.getCell(2).value]).toEqual(['小学 PRIMARY', '每百名学生拥有县级以上骨干教师数 BACKBONE_TEACHERS']);
    expect(backbone.getCell(5).value).toBeCloseTo(0.57735, 5);
    expect([backbone.getCell(5).numFmt, backbone.getCell(7).value]).toEqual(['0.000', '否 No']);
    expect(String(backbone.getCell(8).value)).toContain('丙学校 75.0%');
    const schools = wb.getWorksheet('小学学校达标情况')!;
    const header = (schools.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['学校 School', '在校生 Students', '专任教师 Full-time teachers', '每百名学生拥有高于规定学历教师数 QUALIFIED_TEACHERS']);
    const b = schools.getRows(2, 3)!.find((row) => row.getCell(1).value === '乙小学')!;
    expect([b.getCell(2).value, b.getCell(7).value, b.getCell(11).value, b.getCell(12).value]).toEqual([100, 4, 6, '是 Yes']);
    const csv = await (await get('csv')).text();
    expect(csv.startsWith('学段 Stage,指标 Indicator')).toBe(true); // fetch's text() drops the BOM
    expect(csv).toContain('小学 PRIMARY,每百名学生拥有县级以上骨干教师数 BACKBONE_TEACHERS,1,0.75,0.5774,0.5000,否 No');
    // the same scope as balanceReport; the year is required
    const sibling = (await t.user('REGION_ADMIN', (await t.region({ name: '下载邻县', parentId: (await t.sql(`SELECT parent_id FROM region WHERE id = $1`, [county.id]))[0].parent_id })).id)).token;
    expect((await get('xlsx', sibling)).status).toBe(403);
    const noYear = await get('csv', bureau, null);
    expect(noYear.status).toBe(400);
    expect(((await noYear.json()) as any).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });

  it('shows a bureau its subtree, a group manager its groups’ schools, and nobody else anything', async () => {
    const city = (await t.sql(`SELECT parent_id FROM region WHERE id = $1`, [county.id]))[0].parent_id;
    const cityBureau = (await t.user('REGION_ADMIN', city)).token;
    expect((await report(cityBureau)).stages[0].schools).toHaveLength(3);
    const sibling = await t.region({ name: '邻县', parentId: city });
    const siblingBureau = (await t.user('REGION_ADMIN', sibling.id)).token;
    expect(codeOf(await t.gql(REPORT, { regionId: county.id, year: YEAR }, siblingBureau))).toBe('FORBIDDEN');
    // a group manager: the group's active member schools only (丁 lead, 丙 member)
    const group = await t.group(county.id, school.D, { name: '丁初中共同体', kind: 'EDUCATION_GROUP' });
    await t.member(group.id, school.C);
    const manager = (await t.user('GROUP_MANAGER', group.id)).token;
    const mine = await report(manager);
    expect(mine.wholeRegion).toBe(false);
    expect(mine.stages.map((s: any) => [s.stage, s.schools.map((p: any) => p.school.name).sort()])).toEqual([
      ['PRIMARY', ['丙学校']],
      ['JUNIOR', ['丙学校', '丁初中'].sort()],
    ]);
    const otherManager = (await t.user('GROUP_MANAGER', (await t.group(sibling.id, (await t.school(sibling.id)).id)).id)).token;
    expect(codeOf(await t.gql(REPORT, { regionId: county.id, year: YEAR }, otherManager))).toBe('FORBIDDEN');
    const teacher = (await t.user('TEACHER', null, { teacherId: teachers.A[0] })).token;
    expect(codeOf(await t.gql(REPORT, { regionId: county.id, year: YEAR }, teacher))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(REPORT, { regionId: randomUUID(), year: YEAR }, bureau))).toBe('NOT_FOUND');
    // facilities: a school admin of another school may not write 甲's; nor may the manager
    const otherAdmin = (await t.user('SCHOOL_ADMIN', school.B)).token;
    const write = `mutation($input: SchoolFacilitiesInput!) { setSchoolFacilities(input: $input) { year } }`;
    const input = { schoolId: school.A, year: YEAR, buildingArea: 1, sportsArea: 1, equipmentValue: 1, multimediaRooms: 1 };
    expect(codeOf(await t.gql(write, { input }, otherAdmin))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(write, { input }, manager))).toBe('FORBIDDEN');
    const ownAdmin = (await t.user('SCHOOL_ADMIN', school.A)).token;
    expect(codeOf(await t.gql(write, { input: { ...input, year: YEAR - 1 } }, ownAdmin))).toBe('OK');
    await t.sql(`DELETE FROM school_facilities WHERE school_id = $1 AND year = $2`, [school.A, YEAR - 1]);
  });
});

describe('importing 办学条件 and the teachers’ 优质均衡 columns from a spreadsheet', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('imports facilities with the autumn enrolment, is unchanged on a second import, refuses bad cells, and keeps to the caller’s schools', async () => {
    const city = await t.region({ name: '导入市', level: 'CITY' });
    const county = await t.region({ name: '导入县', parentId: city.id });
    const other = await t.region({ name: '别县', parentId: city.id });
    const a = await t.school(county.id, { name: '导入小学', stage: 'PRIMARY' });
    const b = await t.school(county.id, { name: '导入九年制学校', stage: 'NINE_YEAR' });
    await t.school(other.id, { name: '别县小学' });
    const bureau = (await t.user('REGION_ADMIN', county.id)).token;
    const headers = ['学校名称', '学年', '教学及辅助用房面积（㎡）', '体育运动场馆面积（㎡）', '教学仪器设备值（元）', '网络多媒体教室数', '小学在校生数', '初中在校生数'];
    const rows = [
      ['导入小学', 2025, '1860.5', 3200, '620000', 8, 312, null],
      ['导入九年制学校', 2025, 2400, 5000, '1,200,000.50', 12, 420, 300],
    ];
    const first = await upload(t, 'school-facilities', { name: 'f.xlsx', body: await xlsx([headers, ...rows]) }, bureau, false);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ created: 2, updated: 0, unchanged: 0, errors: [] });
    const saved = await t.sql(`SELECT school_id, building_area::float8 AS b, equipment_value::float8 AS e, multimedia_rooms AS m FROM school_facilities ORDER BY building_area`);
    expect(saved).toEqual([
      { school_id: a.id, b: 1860.5, e: 620000, m: 8 },
      { school_id: b.id, b: 2400, e: 1200000.5, m: 12 },
    ]);
    const enrolled = await t.sql(`SELECT school_id, term, primary_students AS p, junior_students AS j, source FROM school_enrolment ORDER BY primary_students`);
    expect(enrolled).toEqual([
      { school_id: a.id, term: 'AUTUMN', p: 312, j: 0, source: 'IMPORT' },
      { school_id: b.id, term: 'AUTUMN', p: 420, j: 300, source: 'IMPORT' },
    ]);
    const again = await upload(t, 'school-facilities', { name: 'f.xlsx', body: await xlsx([headers, ...rows]) }, bureau, false);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 2, errors: [] });
    const bad = await upload(
      t,
      'school-facilities',
      { name: 'f.xlsx', body: await xlsx([headers, ['导入小学', 2025, '1860.555', 3200, 620000, 8, null, null], ['别县小学', 2025, 1, 1, 1, 1, null, null], ['导入九年制学校', 2025, -3, 1, 1, 1, null, null]]) },
      bureau,
      false,
    );
    expect(bad.body.errors.map((e: any) => [e.row, e.column])).toEqual([
      [2, '教学及辅助用房面积（㎡）'],
      [3, '学校名称'],
      [4, '教学及辅助用房面积（㎡）'],
    ]);
    // all or nothing: the first row's change was not written
    expect((await t.sql(`SELECT building_area::float8 AS b FROM school_facilities WHERE school_id = $1`, [a.id]))[0].b).toBe(1860.5);
  });

  it('reads 最高学历, 骨干教师级别 and 是否专任教师 in the teachers import', async () => {
    const county = await t.region({ name: '教师县', level: 'COUNTY' });
    await t.school(county.id, { name: '教师小学' });
    const bureau = (await t.user('REGION_ADMIN', county.id)).token;
    const headers = ['姓名', '学校', '任教学科', '学段', '教龄', '最高学历', '骨干教师级别', '是否专任教师'];
    const res = await upload(t, 'teachers', { name: 't.xlsx', body: await xlsx([headers, ['王敏', '教师小学', '体育', '小学', 8, '本科', '市级', '是'], ['李强', '教师小学', '语文', '小学', 20, '专科', null, '否']]) }, bureau, false);
    expect(res.body).toMatchObject({ created: 2, errors: [] });
    expect(await t.sql(`SELECT name, education_level, backbone_level, full_time FROM teacher ORDER BY years_of_experience`)).toEqual([
      { name: '王敏', education_level: 'BACHELOR', backbone_level: 'CITY', full_time: true },
      { name: '李强', education_level: 'JUNIOR_COLLEGE', backbone_level: null, full_time: false },
    ]);
  });
});
