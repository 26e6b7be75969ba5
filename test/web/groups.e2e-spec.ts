import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, seedDemo } from '../../apps/api/src/demo/seed-demo';
import { FEATURED_CONSORTIUM } from '../../apps/api/src/demo/plans/kit';
import { chooseOption, launchBrowser, openPage, signIn, submitDialog, type PageWatch } from '../support/browser';
import { TestApp } from '../support/test-app';

const DOMAIN = 'demo.school-groups.cn';
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const GROUP_Q = `query($g: ID!) { schoolGroup(id: $g) { name level status dissolvedOn profiles { validFrom level } members(includeFormer: true) { leftOn } } }`;

/** A bureau's settings of a group in the browser: the level from a day on (history kept), dissolution (issue 15). */
describe('web app: a group’s level and its dissolution', () => {
  let t: TestApp;
  let browser: Browser;
  let bureau: string;
  const pages: PageWatch[] = [];
  const idOf = async (name: string) => (await t.sql(`SELECT id FROM school_group WHERE name = $1`, [name]))[0].id as string;

  beforeAll(async () => {
    t = await TestApp.start();
    await seedDemo(t.app);
    browser = await launchBrowser();
    bureau = (await t.ok(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: `bureau@${DOMAIN}`, p: DEMO_PASSWORD })).login.token;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('lets the county bureau raise a consortium to a provincial demonstration from today, keeping the pilot years', async () => {
    const w = await openPage(browser, t.url);
    pages.push(w);
    await signIn(w, t.url, `bureau@${DOMAIN}`, DEMO_PASSWORD);
    const id = await idOf(FEATURED_CONSORTIUM);
    const before = (await t.ok(GROUP_Q, { g: id }, bureau)).schoolGroup;
    expect([before.level, before.profiles.length]).toEqual(['PROVINCIAL_PILOT', 1]);
    await w.page.goto(`${t.url}/groups/${id}`);
    await w.page.getByRole('button', { name: '修改名称、模式或级别' }).click();
    const dialog = w.page.getByRole('dialog');
    // pick 省级示范 (a click can land while the list is still sliding open: then pick again)
    await chooseOption(w.page, dialog.getByLabel('级别'), '省级示范', dialog.locator('.ant-select-content, .ant-select-selection-item', { hasText: '省级示范' }).first());
    await dialog.getByText('修改名称、模式或级别').click(); // closes the list if it is still open
    await submitDialog(w, '保存', '已保存', 'group-level-dialog');

    const after = (await t.ok(GROUP_Q, { g: id }, bureau)).schoolGroup;
    expect(after.level).toBe('PROVINCIAL_DEMONSTRATION');
    expect(after.profiles).toEqual([before.profiles[0], { validFrom: today(), level: 'PROVINCIAL_DEMONSTRATION' }]);
    // the page shows the new level and both rows of the history
    await w.page.locator('.ant-tag', { hasText: '省级示范' }).waitFor();
    await expect(w.page.getByTestId('group-profile').allTextContents()).resolves.toEqual([
      expect.stringContaining('省级试点'),
      expect.stringContaining('省级示范'),
    ]);
    await w.shot('group-level-history');
  });

  it('lets the bureau dissolve a consortium: its schools leave that day, the page says so; its manager has no such buttons', async () => {
    const w = await openPage(browser, t.url);
    pages.push(w);
    await signIn(w, t.url, `bureau@${DOMAIN}`, DEMO_PASSWORD);
    const id = await idOf('随县厉山镇第一小学教联体');
    await w.page.goto(`${t.url}/groups/${id}`);
    await w.page.getByRole('button', { name: '撤销' }).click();
    await w.page.getByRole('dialog').getByText('所有成员校在撤销日期退出本共同体').waitFor();
    await submitDialog(w, '撤销', '已撤销', 'group-dissolve-dialog');
    await w.page.locator('.ant-tag', { hasText: '已撤销' }).waitFor();
    const g = (await t.ok(GROUP_Q, { g: id }, bureau)).schoolGroup;
    expect([g.status, g.dissolvedOn]).toEqual(['DISSOLVED', today()]);
    expect(g.members.every((m: any) => m.leftOn !== null)).toBe(true);
    // its schools are former members now, and nothing can be added or removed
    await w.page.getByText('已退出的成员校').waitFor();
    await w.page.getByText('成员校 (0)').waitFor();
    for (const button of ['撤销', '添加成员校', '移出']) await expect(w.page.getByRole('button', { name: button }).count()).resolves.toBe(0);
    await w.shot('group-dissolved');

    // the featured consortium's own manager sees its page without the bureau's settings
    const m = await openPage(browser, t.url);
    pages.push(m);
    await signIn(m, t.url, `manager@${DOMAIN}`, DEMO_PASSWORD);
    await m.page.getByRole('button', { name: '添加成员校' }).waitFor();
    await expect(m.page.getByRole('button', { name: '修改名称、模式或级别' }).count()).resolves.toBe(0);
  });

  it("shows the county's groups one row each on the county page, as regionGroupBreakdown gives them", async () => {
    const w = await openPage(browser, t.url);
    pages.push(w);
    await signIn(w, t.url, `bureau@${DOMAIN}`, DEMO_PASSWORD);
    const county = (await t.ok(`{ me { roles { scopeId } } }`, {}, bureau)).me.roles[0].scopeId;
    const year = today().slice(0, 4);
    const rows = (await t.ok(`query($r: ID!, $f: Date!, $t: Date!) { regionGroupBreakdown(regionId: $r, from: $f, to: $t) { rows { group { name } researchSessions } } }`, { r: county, f: `${year}-01-01`, t: today() }, bureau)).regionGroupBreakdown.rows;
    const table = w.page.getByTestId('region-groups');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    const shown = await table.locator('tbody tr.ant-table-row').evaluateAll((trs) => trs.map((tr) => [tr.children[0].textContent, tr.children[4].textContent]));
    expect(shown).toEqual(rows.slice(0, 20).map((r: any) => [r.group.name, new Intl.NumberFormat('zh-CN').format(r.researchSessions)]));
    await table.scrollIntoViewIfNeeded();
    await w.shot('region-groups');
  });

  it('made no request to another origin, logged no console error, and no page overflowed sideways', () => {
    for (const w of pages) {
      expect(w.foreignRequests).toEqual([]);
      expect(w.consoleErrors).toEqual([]);
      expect(w.overflows).toEqual([]);
    }
  });
});
