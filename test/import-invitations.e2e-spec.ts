import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { csv, upload } from './support/imports';
import { TestApp } from './support/test-app';

const HEADERS = ['姓名', '学校', '教职工号', '任教学科', '学段', '教龄', '登录账号', '账号角色'];
const LOGIN = `mutation($a: String!, $p: String!) { login(email: $a, password: $p) { token mustChangePassword } }`;

/** Logins for everyone from the teachers import, and the codes by mail when SMTP_URL is set (issue 15, accounts). */
describe('teachers import: invitations in bulk, by mail', () => {
  let t: TestApp;
  let smtp: SMTPServer;
  const mails: ParsedMail[] = [];
  let w: Record<string, any>;
  const accounts = async () => t.sql(`SELECT u.email, u.phone, t.name, g.role, g.scope_id FROM app_user u JOIN teacher t ON t.id = u.teacher_id LEFT JOIN role_grant g ON g.user_id = u.id ORDER BY t.staff_no`);
  const waitForMails = async (n: number) => {
    for (let i = 0; i < 100 && mails.length < n; i++) await new Promise((r) => setTimeout(r, 50));
    return mails;
  };

  beforeAll(async () => {
    // a real SMTP server on this machine receives what the API sends
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, done) {
        simpleParser(stream).then((m) => (mails.push(m), done()), done);
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    t = await TestApp.start({ SMTP_URL: `smtp://127.0.0.1:${port}?ignoreTLS=true`, MAIL_FROM: '随县教育局 <noreply@suixian.example.cn>', PUBLIC_URL: 'https://jiaolianti.example.cn' });
    const province = await t.region({ name: '湖北省', level: 'PROVINCE' });
    const city = await t.region({ name: '随州市', level: 'CITY', parentId: province.id });
    const suixian = await t.region({ name: '随县', parentId: city.id });
    const guangshui = await t.region({ name: '广水市', parentId: city.id });
    w = {
      sanhe: await t.school(suixian.id, { name: '随县厉山镇三河小学' }),
      far: await t.school(guangshui.id, { name: '广水市实验小学' }),
      countyAdmin: await t.user('REGION_ADMIN', suixian.id),
    };
    w.sanheAdmin = await t.user('SCHOOL_ADMIN', w.sanhe.id);
  });
  afterAll(async () => {
    await t?.stop();
    await new Promise<void>((resolve) => smtp?.close(() => resolve()));
  });

  it('invites a login for each teacher with one, with its role, and mails the code to an email; a re-import changes nothing', async () => {
    const file = {
      name: 'teachers.csv',
      body: csv([
        HEADERS,
        ['刘晓燕', '随县厉山镇三河小学', '0421001', '数学', '小学', '12', 'liuxiaoyan@sanhe.example.cn', ''],
        ['王建国', '随县厉山镇三河小学', '0421002', '语文', '小学', '25', '13871234567', '学校管理员'],
        ['陈雨萱', '随县厉山镇三河小学', '0421003', '语文', '小学', '1', '', ''],
      ]),
    };
    const dry = await upload(t, 'teachers', file, w.countyAdmin.token, true);
    expect(dry.body).toMatchObject({ dryRun: true, created: 3, errors: [] });
    expect(dry.body.invitations).toBeUndefined(); // a dry run invites nobody
    expect(await accounts()).toEqual([]);
    expect(mails).toHaveLength(0);

    const r = await upload(t, 'teachers', file, w.countyAdmin.token, false);
    expect(r.body).toMatchObject({ dryRun: false, created: 3, errors: [] });
    expect(r.body.invitations.map((i: any) => [i.row, i.name, i.account, i.mailed])).toEqual([
      [2, '刘晓燕', 'liuxiaoyan@sanhe.example.cn', true],
      [3, '王建国', '13871234567', false],
    ]);
    expect(await accounts()).toEqual([
      { email: 'liuxiaoyan@sanhe.example.cn', phone: null, name: '刘晓燕', role: 'TEACHER', scope_id: null },
      { email: null, phone: '13871234567', name: '王建国', role: 'SCHOOL_ADMIN', scope_id: w.sanhe.id },
    ]);

    // the mail: to the email, from MAIL_FROM, Chinese first, with the public link and the code
    const [mail] = await waitForMails(1);
    const code = r.body.invitations[0].code;
    expect((mail.to as any).value[0].address).toBe('liuxiaoyan@sanhe.example.cn');
    expect(mail.from!.value[0].address).toBe('noreply@suixian.example.cn');
    expect(mail.subject).toContain('邀请您登录');
    expect(mail.text!.indexOf('刘晓燕，您好')).toBe(0);
    expect(mail.text).toContain(`https://jiaolianti.example.cn${r.body.invitations[0].link}`);
    expect(mail.text).toContain(`验证码：${code}`);

    // each signs in with the code, by email or by phone, and must choose a password first
    const liu = await t.ok(LOGIN, { a: 'liuxiaoyan@sanhe.example.cn', p: code });
    expect(liu.login.mustChangePassword).toBe(true);
    const wang = await t.ok(LOGIN, { a: '13871234567', p: r.body.invitations[1].code });
    expect(wang.login.mustChangePassword).toBe(true);

    // again: nothing new, no second invitation, no mail
    const again = await upload(t, 'teachers', file, w.countyAdmin.token, false);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 3, errors: [] });
    expect(again.body.invitations).toBeUndefined();
    await new Promise((res) => setTimeout(res, 300));
    expect(mails).toHaveLength(1);
  });

  it('gives a login later to a teacher imported without one, and refuses bad or taken logins with nothing written', async () => {
    const later = await upload(t, 'teachers', { name: 't.csv', body: csv([HEADERS, ['陈雨萱', '随县厉山镇三河小学', '0421003', '语文', '小学', '1', '18671230000', '']]) }, w.countyAdmin.token, false);
    expect(later.body).toMatchObject({ created: 0, updated: 1, unchanged: 0, errors: [] });
    expect(later.body.invitations.map((i: any) => [i.name, i.account, i.mailed])).toEqual([['陈雨萱', '18671230000', false]]);

    const before = (await accounts()).length;
    const bad = await upload(t, 'teachers', {
      name: 'bad.csv',
      body: csv([
        HEADERS,
        ['赵六', '随县厉山镇三河小学', '0421004', '英语', '小学', '3', 'not-a-login', ''],
        ['钱七', '随县厉山镇三河小学', '0421005', '英语', '小学', '3', '', '教师'],
        ['孙八', '随县厉山镇三河小学', '0421006', '英语', '小学', '3', 'liuxiaoyan@sanhe.example.cn', ''],
      ]),
    }, w.countyAdmin.token, false);
    expect(bad.body.created).toBe(0);
    expect(bad.body.errors.map((e: any) => [e.row, e.column])).toEqual([[2, '登录账号'], [3, '账号角色']]);
    // the taken email is found when the row is written (the invitation's own rule), in a file without the other mistakes
    const taken = await upload(t, 'teachers', { name: 'taken.csv', body: csv([HEADERS, ['孙八', '随县厉山镇三河小学', '0421006', '英语', '小学', '3', 'liuxiaoyan@sanhe.example.cn', '']]) }, w.countyAdmin.token, false);
    expect([taken.body.created, taken.body.errors.length, taken.body.errors[0].row]).toEqual([0, 1, 2]);
    expect((await accounts()).length).toBe(before);
    expect(await t.sql(`SELECT 1 FROM teacher WHERE staff_no = '0421006'`)).toEqual([]);
  });

  it("mails a password reset to the user's email too, and says so", async () => {
    const [{ id }] = await t.sql(`SELECT id FROM app_user WHERE email = 'liuxiaoyan@sanhe.example.cn'`);
    const before = mails.length;
    const r = await t.ok(`mutation($u: ID!) { resetPassword(userId: $u) { code mailed } }`, { u: id }, w.countyAdmin.token);
    expect(r.resetPassword.mailed).toBe(true);
    const mail = (await waitForMails(before + 1))[before];
    expect(mail.subject).toContain('密码已重置');
    expect(mail.text).toContain(`验证码：${r.resetPassword.code}`);
    // a login by phone has no address to mail to
    const [{ id: phoneUser }] = await t.sql(`SELECT id FROM app_user WHERE phone = '13871234567'`);
    expect((await t.ok(`mutation($u: ID!) { resetPassword(userId: $u) { mailed } }`, { u: phoneUser }, w.countyAdmin.token)).resetPassword.mailed).toBe(false);
  });

  it("lets a school admin invite its own teachers only, as teachers: a school admin's role is for the bureau to give", async () => {
    const own = await upload(t, 'teachers', { name: 'own.csv', body: csv([HEADERS, ['周婷', '随县厉山镇三河小学', '0421007', '音乐', '小学', '4', '13900000001', '']]) }, w.sanheAdmin.token, false);
    expect(own.body).toMatchObject({ created: 1, errors: [] });
    expect(own.body.invitations).toHaveLength(1);
    const admin = await upload(t, 'teachers', { name: 'admin.csv', body: csv([HEADERS, ['吴刚', '随县厉山镇三河小学', '0421008', '体育', '小学', '9', '13900000002', '学校管理员']]) }, w.sanheAdmin.token, false);
    expect([admin.body.created, admin.body.errors.length]).toEqual([0, 1]);
    const far = await upload(t, 'teachers', { name: 'far.csv', body: csv([HEADERS, ['郑强', '广水市实验小学', '0421009', '体育', '小学', '9', '13900000003', '']]) }, w.sanheAdmin.token, false);
    expect([far.body.created, far.body.errors[0].column]).toEqual([0, '学校']);
  });
});
