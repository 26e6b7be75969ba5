import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { csv, upload, xlsx } from './support/imports';
import { TestApp } from './support/test-app';

const TEACHER_HEADERS = ['姓名', '学校', '所属区县', '教职工号', '任教学科', '学段', '职称', '教龄', '荣誉', '邮箱', '手机号', '登录账号', '账号角色'];

/** Spreadsheet imports (issue 15): templates, dry runs, row errors, all or nothing, re-imports, scope. */
describe('spreadsheet imports: schools and teachers', () => {
  let t: TestApp;
  let w: Record<string, any>;
  const teachersOf = async (schoolId: string) => t.sql(`SELECT name, staff_no, subjects, stage, title, years_of_experience, honours FROM teacher WHERE school_id = $1 ORDER BY name`, [schoolId]);
  const count = async (table: string) => (await t.sql(`SELECT count(*)::int n FROM ${table}`))[0].n as number;

  beforeAll(async () => {
    t = await TestApp.start();
    const province = await t.region({ name: '湖北省', level: 'PROVINCE' });
    const city = await t.region({ name: '随州市', level: 'CITY', parentId: province.id });
    const suixian = await t.region({ name: '随县', parentId: city.id });
    const guangshui = await t.region({ name: '广水市', parentId: city.id });
    const sanhe = await t.school(suixian.id, { name: '随县厉山镇三河小学' });
    const yandi = await t.school(suixian.id, { name: '随县炎帝学校' });
    const far = await t.school(guangshui.id, { name: '广水市实验小学' });
    // the same name in two counties
    const twinA = await t.school(suixian.id, { name: '城南小学' });
    const twinB = await t.school(guangshui.id, { name: '城南小学' });
    w = {
      city, suixian, guangshui, sanhe, yandi, far, twinA, twinB,
      cityAdmin: await t.user('REGION_ADMIN', city.id),
      countyAdmin: await t.user('REGION_ADMIN', suixian.id),
      sanheAdmin: await t.user('SCHOOL_ADMIN', sanhe.id),
      teacher: await t.user(),
    };
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('hands out a template, and the template filled in imports: dry run first, then for real, then again changes nothing', async () => {
    const res = await fetch(`${t.url}/imports/teachers/template.xlsx`, { headers: { authorization: `Bearer ${w.countyAdmin.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as any);
    const ws = wb.worksheets[0];
    // the 优质均衡 columns last: files made from the earlier template still import
    const headers = [...TEACHER_HEADERS, '最高学历', '骨干教师级别', '是否专任教师'];
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(headers);
    expect(wb.getWorksheet('填写说明')!.rowCount).toBe(headers.length + 1);
    // fill it in as a county office would: replace the example row, add two more
    ws.spliceRows(2, 1);
    ws.addRow(['刘晓燕', '随县厉山镇三河小学', '', '0421001', '数学、科学', '小学', '一级教师', '12', '骨干教师', '', '']);
    ws.addRow(['胡晓东', '随县炎帝学校', '随县', '0421002', '语文', '小学', '高级教师', '20', '名师、学科带头人', 'hxd@example.cn', '13871234567']);
    ws.addRow(['王芳', '随县厉山镇三河小学', null, null, '英语', 'PRIMARY', null, '3', 'NEW_TEACHER', null, null]);
    const file = { name: '教师.xlsx', body: Buffer.from(await wb.xlsx.writeBuffer()) };

    const before = await count('teacher');
    const dry = await upload(t, 'teachers', file, w.countyAdmin.token, true);
    expect(dry).toEqual({ status: 200, body: { dryRun: true, rows: 3, created: 3, updated: 0, unchanged: 0, errors: [] } });
    expect(await count('teacher')).toBe(before);

    const real = await upload(t, 'teachers', file, w.countyAdmin.token, false);
    expect(real.body).toEqual({ dryRun: false, rows: 3, created: 3, updated: 0, unchanged: 0, errors: [] });
    expect(await teachersOf(w.sanhe.id)).toEqual([
      { name: '刘晓燕', staff_no: '0421001', subjects: ['数学', '科学'], stage: 'PRIMARY', title: 'FIRST_GRADE', years_of_experience: 12, honours: ['BACKBONE'] },
      { name: '王芳', staff_no: null, subjects: ['英语'], stage: 'PRIMARY', title: null, years_of_experience: 3, honours: ['NEW_TEACHER'] },
    ]);
    const [hu] = await t.sql(`SELECT t.honours, t.email, t.phone, a.from_date IS NOT NULL assigned FROM teacher t JOIN teacher_assignment a ON a.teacher_id = t.id WHERE t.staff_no = '0421002'`);
    expect(hu).toEqual({ honours: ['FAMOUS_TEACHER', 'SUBJECT_LEADER'], email: 'hxd@example.cn', phone: '13871234567', assigned: true });
    // the teachers are the API's teachers
    const listed = await t.ok(`query($s: ID!) { teachers(first: 10, filter: { schoolId: $s }) { edges { node { name staffNo } } } }`, { s: w.sanhe.id }, w.countyAdmin.token);
    expect(listed.teachers.edges.map((e: any) => e.node)).toEqual(expect.arrayContaining([{ name: '刘晓燕', staffNo: '0421001' }]));

    const again = await upload(t, 'teachers', file, w.countyAdmin.token, false);
    expect(again.body).toEqual({ dryRun: false, rows: 3, created: 0, updated: 0, unchanged: 3, errors: [] });
    expect(await count('teacher')).toBe(before + 3);

    // a corrected cell updates that teacher only (by staff number, even with a corrected name)
    ws.getRow(2).getCell(1).value = '刘晓艳';
    ws.getRow(2).getCell(8).value = '13';
    const corrected = await upload(t, 'teachers', { name: '教师.xlsx', body: Buffer.from(await wb.xlsx.writeBuffer()) }, w.countyAdmin.token);
    expect(corrected.body).toMatchObject({ created: 0, updated: 1, unchanged: 2, errors: [] });
    expect((await t.sql(`SELECT name, years_of_experience FROM teacher WHERE staff_no = '0421001'`))[0]).toEqual({ name: '刘晓艳', years_of_experience: 13 });
  });

  it('reads UTF-8 CSV with or without BOM, English headers and English enum values too', async () => {
    const rows = [
      ['Name', 'School', 'Staff number', 'Subjects', 'Stage', 'Years of experience', 'Title'],
      ['陈静', '随县炎帝学校', '0421100', '美术', 'Primary school', '7', 'second_grade'],
      ['张伟', '随县炎帝学校', '0421101', '体育,音乐', '小学', '9', '二级教师'],
    ];
    for (const [bom, name] of [[true, 'a.csv'], [false, 'b.CSV']] as const) {
      const r = await upload(t, 'teachers', { name, body: csv(rows, bom) }, w.countyAdmin.token, true);
      expect(r.body).toEqual({ dryRun: true, rows: 2, created: 2, updated: 0, unchanged: 0, errors: [] });
    }
    const r = await upload(t, 'teachers', { name: 'a.csv', body: csv(rows) }, w.countyAdmin.token, false);
    expect(r.body.created).toBe(2);
    expect(await t.sql(`SELECT subjects, title FROM teacher WHERE staff_no = '0421101'`)).toEqual([{ subjects: ['体育', '音乐'], title: 'SECOND_GRADE' }]);
  });

  it('lists every row error with its row, column, value and a Chinese and English message, and writes nothing', async () => {
    const before = await count('teacher');
    const file = await xlsx([
      TEACHER_HEADERS,
      ['赵磊', '随县炎帝学校', null, '0421200', '数学', '小学', null, '5', null, null, null], // fine
      ['钱敏', '随县炎帝学校', null, null, '数学', '大学', null, '5', null, null, null], // unknown stage
      ['孙丽', '广水市实验小学', null, null, '语文', '小学', null, '5', null, null, null], // outside the county
      [null, '随县炎帝学校', null, null, '语文', '小学', null, 'abc', '劳模', 'not-an-email', null], // several at once
      ['周强', '随县炎帝学校', null, '0421200', '数学', '小学', null, '5', null, null, null], // same staff number as row 2
    ]);
    for (const dryRun of [true, false]) {
      const r = await upload(t, 'teachers', { name: 'x.xlsx', body: file }, w.countyAdmin.token, dryRun);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ dryRun, rows: 5, created: 0, updated: 0, unchanged: 0 });
      const errs = r.body.errors.map((e: any) => [e.row, e.column, e.value]);
      expect(errs).toEqual(
        expect.arrayContaining([
          [3, '学段', '大学'],
          [4, '学校', '广水市实验小学'],
          [5, '姓名', null],
          [5, '教龄', 'abc'],
          [5, '荣誉', '劳模'],
          [6, '教职工号', '0421200'],
        ]),
      );
      expect(errs.some((e: any[]) => e[0] === 2)).toBe(false);
      for (const e of r.body.errors) {
        expect(e.message).toMatch(/[\u4e00-\u9fff]/);
        expect(e.messageEn.replace(/"[^"]*"/g, '')).toMatch(/^[\x20-\x7e]+$/); // English, apart from the quoted value
      }
      expect(r.body.errors.find((e: any) => e.row === 3).message).toContain('小学');
    }
    // the e-mail check is the API's own (class-validator on CreateTeacherInput), once the other cells are right
    const bad = await upload(t, 'teachers', { name: 'x.xlsx', body: await xlsx([TEACHER_HEADERS, ['吴刚', '随县炎帝学校', null, null, '语文', '小学', null, '5', null, 'not-an-email', null]]) }, w.countyAdmin.token);
    expect(bad.body.errors).toEqual([expect.objectContaining({ row: 2, column: '邮箱', value: 'not-an-email' })]);
    expect(await count('teacher')).toBe(before);
  });

  it('checks the headers: unknown, repeated and missing required columns', async () => {
    const r = await upload(t, 'teachers', { name: 'h.csv', body: csv([['姓名', '姓名', '工资'], ['李四', '李四', '1']]) }, w.countyAdmin.token);
    expect(r.body.errors.map((e: any) => [e.row, e.column])).toEqual(
      expect.arrayContaining([
        [1, '姓名'],
        [1, '工资'],
        [1, '学校'],
        [1, '任教学科'],
        [1, '学段'],
        [1, '教龄'],
      ]),
    );
    const empty = await upload(t, 'teachers', { name: 'e.csv', body: '' }, w.countyAdmin.token);
    expect(empty.body.errors[0]).toMatchObject({ row: 1, message: expect.stringContaining('模板') });
  });

  it('resolves school names within the caller’s scope: a county, a school admin, an ambiguous name', async () => {
    const row = (school: string, region: string | null, staffNo: string) => [`教师${staffNo}`, school, region, staffNo, '数学', '小学', null, '4', null, null, null];
    // the city sees both 城南小学: ambiguous unless the county is named
    const amb = await upload(t, 'teachers', { name: 'a.xlsx', body: await xlsx([TEACHER_HEADERS, row('城南小学', null, '0700001')]) }, w.cityAdmin.token, true);
    expect(amb.body.errors).toEqual([expect.objectContaining({ row: 2, column: '学校', message: expect.stringContaining('所属区县') })]);
    const named = await upload(t, 'teachers', { name: 'a.xlsx', body: await xlsx([TEACHER_HEADERS, row('城南小学', '广水市', '0700001')]) }, w.cityAdmin.token, false);
    expect(named.body.created).toBe(1);
    expect((await t.sql(`SELECT school_id FROM teacher WHERE staff_no = '0700001'`))[0].school_id).toBe(w.twinB.id);
    // the county sees only its own 城南小学
    const county = await upload(t, 'teachers', { name: 'a.xlsx', body: await xlsx([TEACHER_HEADERS, row('城南小学', null, '0700002')]) }, w.countyAdmin.token, false);
    expect(county.body.created).toBe(1);
    expect((await t.sql(`SELECT school_id FROM teacher WHERE staff_no = '0700002'`))[0].school_id).toBe(w.twinA.id);
    // a school admin imports its own teachers only
    const own = await upload(t, 'teachers', { name: 'a.xlsx', body: await xlsx([TEACHER_HEADERS, row('随县厉山镇三河小学', null, '0700003'), row('随县炎帝学校', null, '0700004')]) }, w.sanheAdmin.token, false);
    expect(own.body).toMatchObject({ created: 0, errors: [expect.objectContaining({ row: 3, column: '学校', value: '随县炎帝学校' })] });
    expect(await t.sql(`SELECT 1 FROM teacher WHERE staff_no IN ('0700003', '0700004')`)).toEqual([]);
    // a staff number of a teacher at another school is not taken over (a transfer is its own operation)
    const moved = await upload(t, 'teachers', { name: 'a.xlsx', body: await xlsx([TEACHER_HEADERS, row('随县炎帝学校', null, '0700002')]) }, w.countyAdmin.token, true);
    expect(moved.body.errors).toEqual([expect.objectContaining({ row: 2, column: '教职工号' })]);
    // and the API keeps staff numbers unique too
    const dup = await t.gql(`mutation($i: CreateTeacherInput!) { createTeacher(input: $i) { id } }`, { i: { name: '重号', schoolId: w.yandi.id, subjects: ['数学'], stage: 'PRIMARY', yearsOfExperience: 1, staffNo: '0700002' } }, w.countyAdmin.token);
    expect(dup.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'staffNo' });
  });

  it('refuses callers without the role, other kinds, unreadable and oversized files, clearly', async () => {
    const file = { name: 't.csv', body: csv([TEACHER_HEADERS]) };
    expect((await upload(t, 'teachers', file, null)).status).toBe(401);
    const teacher = await upload(t, 'teachers', file, w.teacher.token);
    expect([teacher.status, teacher.body.errors[0].extensions.code]).toEqual([403, 'FORBIDDEN']);
    const schools = await upload(t, 'schools', { name: 's.csv', body: csv([['学校名称']]) }, w.sanheAdmin.token);
    expect([schools.status, schools.body.errors[0].extensions.code]).toEqual([403, 'FORBIDDEN']); // school admins import teachers, not schools
    expect((await upload(t, 'salaries', file, w.countyAdmin.token)).status).toBe(404);
    const dry = await upload(t, 'teachers', { ...file }, w.countyAdmin.token);
    expect(dry.status).toBe(200);
    const badFlag = await fetch(`${t.url}/imports/teachers?dryRun=maybe`, { method: 'POST', headers: { authorization: `Bearer ${w.countyAdmin.token}` } });
    expect([badFlag.status, ((await badFlag.json()) as any).errors[0].extensions]).toEqual([400, expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'dryRun' })]);
    const gbk = Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x0d, 0x0a]); // 姓名 in GBK
    const notUtf8 = await upload(t, 'teachers', { name: 'gbk.csv', body: gbk }, w.countyAdmin.token);
    expect([notUtf8.status, notUtf8.body.errors[0].extensions.field, notUtf8.body.errors[0].message]).toEqual([400, 'file', expect.stringContaining('UTF-8')]);
    const txt = await upload(t, 'teachers', { name: 'list.txt', body: 'x' }, w.countyAdmin.token);
    expect([txt.status, txt.body.errors[0].extensions.field]).toEqual([400, 'file']);
    const broken = await upload(t, 'teachers', { name: 'broken.xlsx', body: 'not a zip' }, w.countyAdmin.token);
    expect([broken.status, broken.body.errors[0].message]).toEqual([400, expect.stringContaining('.xlsx')]);
    const none = await fetch(`${t.url}/imports/teachers`, { method: 'POST', headers: { authorization: `Bearer ${w.countyAdmin.token}` } });
    expect(((await none.json()) as any).errors[0].extensions.field).toBe('file');

    const small = await t.startSibling({ IMPORT_MAX_BYTES: '2000' });
    try {
      const big = await upload(small, 'teachers', { name: 'big.csv', body: csv([TEACHER_HEADERS, ...Array.from({ length: 60 }, (_, i) => [`教师${i}`, '随县炎帝学校', '', '', '数学', '小学', '', '3', '', '', ''])]) }, w.countyAdmin.token);
      expect([big.status, big.body.errors[0].extensions]).toEqual([413, { code: 'BAD_USER_INPUT', field: 'file', maxBytes: 2000 }]);
      expect(big.body.errors[0].message).toContain('导入上限');
    } finally {
      await small.stop();
    }
  });

  it('imports schools by name within their county, campuses included, and a re-import changes nothing', async () => {
    const headers = ['学校名称', '所属区县', '学段', '城乡类别', '在校学生数', '教职工数', '主校区'];
    const rows = [
      headers,
      ['随县万和镇中心小学', '随县', '小学', '乡村', '418', '35', null],
      ['随县万和镇中心小学东校区', '随县', '小学', '镇区', '120', '11', '随县万和镇中心小学'], // a campus of the row above
      ['随县炎帝学校', '随县', '九年一贯制学校', '城区', '1,860', '120', null], // exists: updated
    ];
    const before = await count('school');
    const dry = await upload(t, 'schools', { name: 's.xlsx', body: await xlsx(rows) }, w.countyAdmin.token, true);
    expect(dry.body).toEqual({ dryRun: true, rows: 3, created: 2, updated: 1, unchanged: 0, errors: [] });
    expect(await count('school')).toBe(before);
    const real = await upload(t, 'schools', { name: 's.xlsx', body: await xlsx(rows) }, w.countyAdmin.token, false);
    expect(real.body).toMatchObject({ created: 2, updated: 1, errors: [] });
    const [campus] = await t.sql(`SELECT c.locale, m.name AS main FROM school c JOIN school m ON m.id = c.campus_of_id WHERE c.name = '随县万和镇中心小学东校区'`);
    expect(campus).toEqual({ locale: 'TOWNSHIP', main: '随县万和镇中心小学' });
    expect((await t.sql(`SELECT stage, student_count FROM school WHERE id = $1`, [w.yandi.id]))[0]).toEqual({ stage: 'NINE_YEAR', student_count: 1860 });
    const again = await upload(t, 'schools', { name: 's.xlsx', body: await xlsx(rows) }, w.countyAdmin.token, false);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 3, errors: [] });
    // a county outside the caller's, and a row repeated
    const bad = await upload(t, 'schools', { name: 's.xlsx', body: await xlsx([headers, ['广水市新学校', '广水市', '小学', '城区', '100', '10', null], rows[1], rows[1]]) }, w.countyAdmin.token, false);
    expect(bad.body.errors.map((e: any) => [e.row, e.column])).toEqual([
      [2, '所属区县'],
      [4, '学校名称'],
    ]);
    expect(await count('school')).toBe(before + 2);
  });
});
