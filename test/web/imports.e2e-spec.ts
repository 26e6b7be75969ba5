import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { demoWeb } from '../support/demo-web';
import { xlsx } from '../support/imports';
import type { TestApp } from '../support/test-app';

const HEADERS = ['姓名', '学校', '教职工号', '任教学科', '学段', '教龄'];

/** The import page in a real browser (issue 15): template, a dry run with row errors, the import, who sees the page. */
describe('web app: importing from spreadsheets', () => {
  let web: Awaited<ReturnType<typeof demoWeb>>;
  let t: TestApp;
  let tokens: Record<string, string>;
  beforeAll(async () => {
    web = await demoWeb(['bureau', 'school', 'teacher']);
    ({ t, tokens } = web);
  }, 120_000);
  afterAll(async () => {
    await web?.stop();
  });

  it('lets a county bureau download the template, see every row problem of a file in Chinese, and import the corrected file', async () => {
    const w = await web.open('bureau');
    await w.page.goto(`${t.url}/`);
    await w.page.getByRole('link', { name: '数据导入' }).click();
    await w.page.getByRole('heading', { name: '从表格导入' }).waitFor();
    expect(await w.page.getByRole('radiogroup', { name: '导入内容' }).getByRole('radio').count()).toBe(7);
    await w.page.getByText('教师', { exact: true }).click();
    const [download] = await Promise.all([w.page.waitForEvent('download'), w.page.getByRole('button', { name: '下载模板' }).click()]);
    expect(download.suggestedFilename()).toBe('teachers-template.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await download.path());
    expect((wb.worksheets[0].getRow(1).values as unknown[]).slice(1, 4)).toEqual(['姓名', '学校', '所属区县']);

    const before = (await t.sql(`SELECT count(*)::int n FROM teacher`))[0].n;
    const input = w.page.locator('input[type=file]');
    const bad = await xlsx([HEADERS, ['陈静', '随县厉山镇三河小学', '0421801', '美术', '小学', '7'], ['张伟', '广水市实验小学', '0421802', '体育', '小学', '9'], ['李明', '随县厉山镇三河小学', '0421803', '数学', '大学', '6']]);
    await input.setInputFiles({ name: '教师名单.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bad });
    await w.page.getByText('发现 2 处问题，未写入任何数据').waitFor();
    const rows = w.page.locator('.ant-table-tbody tr.ant-table-row');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).locator('td').allTextContents()).toEqual(['3', '学校', '广水市实验小学', '没有找到您管辖范围内名为“广水市实验小学”的学校']);
    expect(await rows.nth(1).locator('td').nth(3).textContent()).toContain('小学、初中');
    await w.shot('import-errors');
    expect((await t.sql(`SELECT count(*)::int n FROM teacher`))[0].n).toBe(before);

    await w.page.getByRole('button', { name: '导入其他文件' }).click();
    const good = await xlsx([HEADERS, ['陈静', '随县厉山镇三河小学', '0421801', '美术', '小学', '7'], ['李明', '随县厉山镇三河小学', '0421803', '数学', '小学', '6']]);
    await w.page.locator('input[type=file]').setInputFiles({ name: '教师名单.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: good });
    await w.page.getByText('检查通过：共 2 行，将新建 2 条、更新 0 条，0 条无变化。').waitFor();
    expect((await t.sql(`SELECT count(*)::int n FROM teacher`))[0].n).toBe(before); // a dry run so far
    await w.shot('import-checked');
    await w.page.getByRole('button', { name: '确认导入' }).click();
    await w.page.getByText('导入完成：新建 2 条、更新 0 条，0 条无变化。').waitFor();
    await w.shot('import-done');
    const made = await t.ok(`{ teachers(first: 5, filter: { search: "陈静" }) { edges { node { name staffNo school { name } } } } }`, {}, tokens.bureau);
    expect(made.teachers.edges.map((e: any) => e.node)).toContainEqual({ name: '陈静', staffNo: '0421801', school: { name: '随县厉山镇三河小学' } });
  }, 120_000);

  it('offers a school admin its teachers only, and a teacher no import at all', async () => {
    const s = await web.open('school');
    await s.page.goto(`${t.url}/import`);
    await s.page.getByRole('heading', { name: '从表格导入' }).waitFor();
    expect(await s.page.locator('.ant-segmented-item-label').allTextContents()).toEqual(['教师', '办学条件与在校生']);
    const teacher = await web.open('teacher');
    await teacher.page.goto(`${t.url}/`);
    await teacher.page.getByRole('link', { name: '首页' }).waitFor();
    expect(await teacher.page.getByRole('link', { name: '数据导入' }).count()).toBe(0);
    await teacher.page.goto(`${t.url}/import`);
    await teacher.page.getByText('您没有权限查看或操作这项内容。').waitFor();
    await teacher.shot('import-forbidden');
  });

  it('lets an invited teacher open the invitation link, choose a password (the rule shown in Chinese) and sign in by phone', async () => {
    const [teacher] = await t.sql(`SELECT t.id, t.name FROM teacher t JOIN school s ON s.id = t.school_id WHERE s.name = '随县厉山镇三河小学' AND NOT EXISTS (SELECT 1 FROM app_user u WHERE u.teacher_id = t.id) ORDER BY t.name LIMIT 1`);
    const inv = (await t.ok(`mutation($i: InviteUserInput!) { inviteUser(input: $i) { link code } }`, { i: { phone: '13971230000', teacherId: teacher.id, role: 'TEACHER' } }, tokens.bureau)).inviteUser;
    const w = await web.open('invitee'); // no session
    await w.page.goto(`${t.url}${inv.link}`);
    expect(await w.page.getByLabel('邮箱、手机号或教职工号').inputValue()).toBe('13971230000');
    await w.page.getByRole('button', { name: /登\s*录/ }).click();
    await w.page.getByText('这是一次性验证码：请设置您自己的密码后继续。').waitFor();
    await w.page.getByText('密码为 8 到 128 个字符').first().waitFor();
    await w.page.getByLabel('新密码', { exact: true }).fill('三河-春天-2026');
    await w.page.getByLabel('再次输入新密码').fill('三河-春天-2025');
    await w.page.getByRole('button', { name: '设置密码并登录' }).click();
    await w.page.getByText('两次输入的密码不一致').waitFor();
    await w.shot('invitation-choose-password');
    await w.page.getByLabel('再次输入新密码').fill('三河-春天-2026');
    await w.page.getByRole('button', { name: '设置密码并登录' }).click();
    await w.page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await w.page.getByText(teacher.name).first().waitFor();
    expect(await t.gql(`mutation { login(email: "13971230000", password: "三河-春天-2026") { token } }`)).toMatchObject({ data: { login: { token: expect.any(String) } } });
  });
});
