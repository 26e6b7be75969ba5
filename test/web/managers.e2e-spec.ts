import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, seedDemo } from '../../apps/api/src/demo/seed-demo';
import { chooseOption, launchBrowser, openPage, signIn, type PageWatch } from '../support/browser';
import { TestApp } from '../support/test-app';

const DOMAIN = 'demo.school-groups.cn';
const pct = (r: number) => `${(Math.round(r * 1000) / 10).toFixed(1)}%`;
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** The web app in a real browser against the real server with the demo county (issue: web foundation). */
describe('web app: sign-in and the managers’ pages', () => {
  let t: TestApp;
  let browser: Browser;
  const pages: PageWatch[] = [];
  const tokens: Record<string, string> = {};
  const open = async (o: Parameters<typeof openPage>[2] = {}) => {
    const w = await openPage(browser, t.url, o);
    pages.push(w);
    return w;
  };
  const login = async (who: string) => {
    const r = await t.ok(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: `${who}@${DOMAIN}`, p: DEMO_PASSWORD });
    return (tokens[who] = r.login.token);
  };
  const scopeOf = async (who: string, role: string) => (await t.ok(`{ me { roles { role scopeId } } }`, {}, tokens[who] ?? (await login(who)))).me.roles.find((g: any) => g.role === role).scopeId as string;

  beforeAll(async () => {
    t = await TestApp.start();
    await seedDemo(t.app);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('serves the app at / with history fallback, immutable assets, 404 for unknown assets, and /graphql as before', async () => {
    const html = await fetch(`${t.url}/groups/00000000-0000-4000-8000-000000000000`, { headers: { accept: 'text/html' } });
    expect(html.status).toBe(200);
    const body = await html.text();
    expect(body).toContain('<div id="root">');
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(body)![1];
    const js = await fetch(`${t.url}${asset}`);
    expect([js.status, js.headers.get('cache-control')]).toEqual([200, 'public, max-age=31536000, immutable']);
    expect((await fetch(`${t.url}/assets/nope-123.js`)).status).toBe(404);
    const gql = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(await gql.json()).toMatchObject({ data: { __typename: 'Query' } });
    expect((await fetch(`${t.url}/health`)).status).toBe(200);
  });

  it('signs a bureau in to its county: the coverage figure equals regionCoverage; signs out', async () => {
    const w = await open();
    await w.page.goto(`${t.url}/login`);
    await w.shot('login');
    await signIn(w, t.url, `bureau@${DOMAIN}`, DEMO_PASSWORD);
    const county = await scopeOf('bureau', 'REGION_ADMIN');
    await w.page.waitForURL(`${t.url}/regions/${county}`);
    const c = (await t.ok(`query($r: ID!) { regionCoverage(regionId: $r) { ratio coveredSchools compulsorySchools target { ratio } gap } }`, { r: county }, tokens.bureau)).regionCoverage;
    await expect(w.page.getByTestId('coverage-ratio').textContent()).resolves.toContain(pct(c.ratio));
    await w.page.getByText(`${c.coveredSchools} / ${c.compulsorySchools}`).waitFor();
    await w.chartsDrawn();
    await w.shot('region-county');

    // the uncovered schools are searchable by part of the name, as the API answers
    const term = '三里岗';
    const expected = (await t.ok(`query($r: ID!, $s: String) { regionCoverage(regionId: $r) { uncoveredSchools(first: 20, search: $s) { totalCount edges { node { name } } } } }`, { r: county, s: term }, tokens.bureau)).regionCoverage.uncoveredSchools;
    expect(expected.totalCount).toBeGreaterThan(0);
    expect(expected.edges.every((e: any) => e.node.name.includes(term))).toBe(true);
    await w.page.getByRole('searchbox', { name: '搜索' }).last().fill(term);
    await w.page.getByRole('searchbox', { name: '搜索' }).last().press('Enter');
    await w.page.getByText(`尚未纳入教联体的学校 (${expected.totalCount})`).waitFor();

    // the bureau sets this year's target: the page shows it and the gap, as the API computes them
    await w.page.getByRole('button', { name: '设定年度目标' }).click();
    const dialog = w.page.getByRole('dialog');
    await dialog.getByLabel('目标覆盖率（%）').fill('72.5');
    await dialog.getByRole('button', { name: '保存' }).click();
    await w.page.getByText('目标已保存').waitFor();
    const withTarget = (await t.ok(`query($r: ID!) { regionCoverage(regionId: $r) { target { year ratio } gap } }`, { r: county }, tokens.bureau)).regionCoverage;
    expect(withTarget.target).toEqual({ year: Number(today().slice(0, 4)), ratio: 0.725 });
    await w.page.getByTestId('coverage-target').filter({ hasText: '72.5%' }).waitFor(); // once the page has read it again
    await w.page.getByTestId('coverage-gap').filter({ hasText: pct(withTarget.gap) }).waitFor();

    // deep link reload keeps the page
    await w.page.reload();
    await w.page.getByTestId('coverage-ratio').waitFor();

    await w.page.getByRole('button', { name: /退出登录/ }).click();
    await w.page.waitForURL(`${t.url}/login`);
    await w.page.goto(`${t.url}/regions/${county}`);
    await w.page.waitForURL(`${t.url}/login`); // no session: back to sign-in
  });

  it('shows a group manager its group: counters equal groupActivitySummary, adding a member updates the page', async () => {
    const w = await open();
    await signIn(w, t.url, `manager@${DOMAIN}`, DEMO_PASSWORD);
    const groupId = await scopeOf('manager', 'GROUP_MANAGER');
    await w.page.waitForURL(`${t.url}/groups/${groupId}`);
    const from = `${today().slice(0, 4)}-01-01`;
    const s = (await t.ok(`query($g: ID!, $f: Date!, $t: Date!) { groupActivitySummary(groupId: $g, from: $f, to: $t) { researchSessions teacherParticipations mentoringPairsActive lessonPlanAdoptions } }`, { g: groupId, f: from, t: today() }, tokens.manager)).groupActivitySummary;
    for (const [metric, value] of Object.entries(s)) {
      await expect(w.page.locator(`[data-metric="${metric}"] .ant-statistic-content`).textContent()).resolves.toBe(new Intl.NumberFormat('zh-CN').format(value as number));
    }
    await w.chartsDrawn();
    await w.shot('group');

    // a school of the county in no consortium joins
    const g = (await t.ok(`query($g: ID!) { schoolGroup(id: $g) { regionId members { school { id } } } }`, { g: groupId }, tokens.manager)).schoolGroup;
    const bureau = tokens.bureau ?? (await login('bureau'));
    const candidates = (await t.ok(`query($r: ID!) { regionCoverage(regionId: $r) { uncoveredSchools(first: 50) { edges { node { id name region { id } } } } } }`, { r: await scopeOf('bureau', 'REGION_ADMIN') }, bureau)).regionCoverage.uncoveredSchools.edges.map((e: any) => e.node);
    const school = candidates.find((c: any) => c.region.id === g.regionId) ?? candidates[0];
    const before = g.members.length;
    await w.page.getByRole('button', { name: '添加成员校' }).click();
    const dialog = w.page.getByRole('dialog');
    await dialog.getByRole('combobox').first().fill(school.name.slice(0, 6));
    // the open list's option (the results arrive from the server as one types: a click can land while they re-render)
    await chooseOption(w.page, dialog.getByRole('combobox').first(), school.name, dialog.locator('.ant-select-content, .ant-select-selection-item', { hasText: school.name }).first());
    await dialog.getByRole('button', { name: '保存' }).click();
    await w.page.getByText('已添加成员校').waitFor();
    await w.page.getByRole('cell', { name: school.name }).waitFor();
    await expect(w.page.getByText(`成员校 (${before + 1})`)).toBeTruthy();
    const after = (await t.ok(`query($g: ID!) { schoolGroup(id: $g) { members { school { id } } } }`, { g: groupId }, tokens.manager)).schoolGroup.members;
    expect(after.map((m: any) => m.school.id)).toContain(school.id);
    await w.shot('group-member-added');

    // and leaves again: it moves to the former members, history kept
    const row = w.page.locator('tr', { hasText: school.name }).first();
    await row.getByRole('button', { name: '移出' }).click();
    // a click during the popconfirm's opening animation may not register (antd): click again while it is still open
    const confirm = w.page.locator('.ant-popconfirm:visible').getByRole('button', { name: '移出' });
    const formerCard = w.page.getByText(`已退出的成员校`);
    for (let i = 0; i < 3 && !(await formerCard.isVisible()); i++) {
      if (await confirm.count()) await confirm.click().catch(() => undefined);
      await formerCard.waitFor({ timeout: 10_000 }).catch(() => undefined);
    }
    await formerCard.waitFor();
    await w.page.getByText(`成员校 (${before})`).waitFor();
    const left = (await t.ok(`query($g: ID!) { schoolGroup(id: $g) { members(includeFormer: true) { leftOn school { id } } } }`, { g: groupId }, tokens.manager)).schoolGroup.members;
    expect(left.find((m: any) => m.school.id === school.id)?.leftOn).toBe(today());
  });

  it('takes each role home: the city, a school admin, a teacher, the platform admin', async () => {
    const city = await open();
    await signIn(city, t.url, `city@${DOMAIN}`, DEMO_PASSWORD);
    await city.page.waitForURL(`${t.url}/regions/${await scopeOf('city', 'REGION_ADMIN')}`);
    await city.page.getByTestId('coverage-ratio').waitFor();
    // one row per county, each with its coverage as regionCoverage gives it
    const cityId = await scopeOf('city', 'REGION_ADMIN');
    const counties = (await t.ok(`query($r: ID) { regions(parentId: $r) { id name } }`, { r: cityId }, tokens.city)).regions;
    const rows = city.page.getByTestId('region-breakdown').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(counties.length);
    for (const county of counties) {
      const c = (await t.ok(`query($r: ID!) { regionCoverage(regionId: $r) { ratio } }`, { r: county.id }, tokens.city)).regionCoverage;
      await expect(rows.filter({ hasText: county.name }).first().textContent()).resolves.toContain(pct(c.ratio));
    }
    await city.chartsDrawn();
    await city.shot('region-city');

    // a report downloads from a plain click (a signed link: no header needed), as Excel
    const download = city.page.waitForEvent('download');
    await city.page.getByRole('button', { name: '下载 Excel' }).first().click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = await (await import('node:fs/promises')).readFile((await file.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK'); // a zip: an xlsx workbook

    const school = await open();
    await signIn(school, t.url, `school@${DOMAIN}`, DEMO_PASSWORD);
    await school.page.waitForURL(`${t.url}/schools/${await scopeOf('school', 'SCHOOL_ADMIN')}`);
    await school.page.getByRole('heading', { name: '随县炎帝学校' }).waitFor();
    await school.page.getByText(/教师 \(\d+\)/).waitFor();
    await school.shot('school');

    const teacher = await open();
    await signIn(teacher, t.url, `teacher@${DOMAIN}`, DEMO_PASSWORD);
    await teacher.page.waitForURL(/\/schools\//);

    const admin = await open();
    await signIn(admin, t.url, `admin@${DOMAIN}`, DEMO_PASSWORD);
    await admin.page.getByRole('heading', { name: '全部省份' }).waitFor();
    await admin.page.getByText('湖北省').waitFor();
    await admin.shot('home-platform');
  });

  it('shows a forbidden page in Chinese, not a crash; an ended sign-in leads back to the sign-in page', async () => {
    const w = await open();
    await signIn(w, t.url, `teacher2@${DOMAIN}`, DEMO_PASSWORD);
    await w.page.goto(`${t.url}/regions/${await scopeOf('bureau', 'REGION_ADMIN')}`);
    await w.page.getByText('您没有权限查看或操作这项内容。').waitFor();
    await w.shot('forbidden');
    await w.page.goto(`${t.url}/schools/00000000-0000-4000-8000-000000000000`);
    await w.page.getByText(/找不到这项内容/).waitFor();

    // the token ends elsewhere (logout on another device): the next request sends the user to sign in
    const token = await w.page.evaluate(() => JSON.parse((globalThis as any).sessionStorage.getItem('sg.session') ?? '{}').token);
    await t.ok(`mutation { logout }`, {}, token);
    await w.page.goto(`${t.url}/`);
    await w.page.waitForURL(`${t.url}/login`);
    await w.page.getByText('登录已失效，请重新登录。').waitFor();
  });

  it('lets a user with several roles switch between them', async () => {
    const managerId = (await t.ok(`{ me { id } }`, {}, tokens.manager ?? (await login('manager')))).me.id;
    const schoolId = await scopeOf('school', 'SCHOOL_ADMIN');
    await t.sql(`INSERT INTO role_grant (user_id, role, scope_id) VALUES ($1, 'SCHOOL_ADMIN', $2)`, [managerId, schoolId]);
    const w = await open();
    await signIn(w, t.url, `manager@${DOMAIN}`, DEMO_PASSWORD);
    await w.page.waitForURL(/\/groups\//);
    await w.page.getByRole('combobox', { name: '当前身份' }).click();
    await w.page.locator('.ant-select-item-option', { hasText: '学校管理员' }).click();
    await w.page.waitForURL(`${t.url}/schools/${schoolId}`);
    await w.page.getByRole('heading', { name: '随县炎帝学校' }).waitFor();
    await w.shot('role-switch');
  });

  it('switches to English and remembers it', async () => {
    const w = await open();
    await signIn(w, t.url, `manager@${DOMAIN}`, DEMO_PASSWORD);
    await w.page.getByRole('button', { name: 'English' }).click();
    await w.page.getByText('Member schools').first().waitFor();
    await w.page.reload();
    await w.page.getByRole('button', { name: 'Sign out' }).waitFor();
    await w.chartsDrawn();
    await w.shot('group-en');
  });

  it('made no request to another origin, logged no console error, and no page overflowed sideways', () => {
    expect(pages.length).toBeGreaterThan(5);
    expect(pages.flatMap((p) => p.overflows)).toEqual([]);
    expect(pages.flatMap((p) => p.foreignRequests)).toEqual([]);
    expect(pages.flatMap((p) => p.consoleErrors)).toEqual([]);
  });
});
