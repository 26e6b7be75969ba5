import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { balanceWorld, type BalanceWorld } from '../support/balance-world';
import path from 'node:path';
import { chooseOption, launchBrowser, openPage, SCREENSHOTS, submitDialog, type PageWatch } from '../support/browser';
import { TestApp } from '../support/test-app';
import { demoWeb } from '../support/demo-web';
import { demoPlan } from '../../apps/api/src/demo/plans/organisation';

const YEAR = 2025;

/** 优质均衡 in the browser: the county worked through by hand (support/balance-world.ts), as its bureau sees it. */
describe('web app: 优质均衡', () => {
  let t: TestApp;
  let browser: Browser;
  let w: BalanceWorld;
  const pages: PageWatch[] = [];

  beforeAll(async () => {
    t = await TestApp.start();
    w = await balanceWorld(t, YEAR);
    // a second 英语 teacher at 甲 and a group of 甲 and 丙: the one move the plan then suggests (see test/balance)
    await w.teach('A', 1, { stage: 'PRIMARY', edu: 'SECONDARY', subject: '英语' });
    const group = await t.group(w.county.id, w.school.A, { name: '甲小学教育集团', kind: 'EDUCATION_GROUP' });
    await t.member(group.id, w.school.C);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('shows the coefficients (red above the line), each school against the standard, the trend, and the suggested move made a rotation', async () => {
    const p = await openPage(browser, t.url, { token: w.bureau });
    pages.push(p);
    const { page } = p;
    await page.goto(`${t.url}/regions/${w.county.id}`);
    await page.getByTestId('open-balance').click();
    await page.waitForURL(`${t.url}/regions/${w.county.id}/balance`);
    // the year of the records
    await page.getByRole('combobox', { name: '学年' }).click();
    await page.getByTitle(`${YEAR}—${YEAR + 1} 学年`).click();
    await expect(page.getByTestId('cv-PRIMARY-BACKBONE_TEACHERS').textContent()).resolves.toBe('0.577 超出');
    await expect(page.getByTestId('cv-PRIMARY-QUALIFIED_TEACHERS').textContent()).resolves.toBe('0.047 达标');
    await expect(page.getByTestId('cv-JUNIOR-BACKBONE_TEACHERS').textContent()).resolves.toBe('0.192 达标');
    await expect(page.getByTestId('balance-stage-PRIMARY').textContent()).resolves.toBe('小学有 1 项差异系数超出 0.50');
    await expect(page.getByTestId('balance-stage-JUNIOR').textContent()).resolves.toBe('初中各项差异系数均达标');
    const primary = page.getByTestId('balance-schools-PRIMARY');
    await expect(primary.getByRole('row', { name: /丙学校/ }).textContent()).resolves.toContain('未达标');
    await expect(primary.getByRole('row', { name: /乙小学/ }).textContent()).resolves.toContain('6 / 7');
    await page.getByText('未参与计算：戊教学点').waitFor();
    await p.chartsDrawn();
    await p.shot('balance-report');

    // what if 甲's county-level backbone teacher (数学) taught at 丙: 小学 骨干 0.577 → 0.333, nothing saved
    const whatIf = (name: string) => page.getByRole('combobox', { name });
    // what a select shows once chosen
    const chosen = (title: string) => page.locator(`.ant-select-content[title="${title}"]`);
    await chooseOption(page, whatIf('调出学校'), '甲小学', chosen('甲小学'));
    // dragged onto 丙学校, as a person does it
    const teacherChip = page.getByTestId('what-if-teacher').filter({ hasText: 'A数学0' });
    await expect(teacherChip.textContent()).resolves.toBe('A数学0（数学） · 县级骨干 · 本科');
    await teacherChip.dragTo(page.getByTestId('what-if-school').filter({ hasText: '丙学校' }));
    await page.getByTestId('what-if-moves').getByText('A数学0：甲小学 → 丙学校').waitFor();
    await teacherChip.waitFor({ state: 'detached' });
    const simulated = page.getByTestId('what-if-coefficients');
    await simulated.getByRole('row', { name: /骨干/ }).waitFor();
    await expect(simulated.getByRole('row', { name: /小学 · 每百名学生拥有县级以上骨干教师数/ }).textContent()).resolves.toContain('0.5770.333');
    await p.shot('balance-what-if');
    // the what-if downloads as the report does
    const whatIfCard = page.locator('.ant-card', { has: simulated });
    const [file] = await Promise.all([page.waitForEvent('download'), whatIfCard.getByRole('button', { name: /Excel/ }).click()]);
    expect(file.suggestedFilename()).toBe(`balance-${YEAR}-what-if.xlsx`);
    expect(await t.sql(`SELECT count(*)::int AS n FROM teacher_exchange`)).toEqual([{ n: 0 }]);

    await page.getByRole('button', { name: '生成建议' }).click();
    const moves = page.getByTestId('balance-moves');
    await moves.waitFor();
    await expect(moves.textContent()).resolves.toContain('甲小学 → 丙学校');
    await expect(moves.textContent()).resolves.toContain('校际差异系数 0.577 → 0.333');
    await page.getByText('按建议调整后，教师类差异系数全部达标').waitFor();
    await p.shot('balance-plan');
    await page.getByTestId('balance-create').click();
    await expect(page.getByRole('dialog').getByLabel('开始日期').inputValue()).resolves.toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await submitDialog(p, '保存', '已创建 1 条交流轮岗记录', 'balance-create-dialog');
    const exchanges = await t.sql(`SELECT kind, from_school_id, to_school_id FROM teacher_exchange`);
    expect(exchanges).toEqual([{ kind: 'ROTATION', from_school_id: w.school.A, to_school_id: w.school.C }]);
    expect(p.foreignRequests).toEqual([]);
    expect(p.consoleErrors).toEqual([]);
    expect(p.overflows).toEqual([]);
  });
});

/** The demo county as its bureau sees it: backbone teachers mostly in town, the two coefficients above the line, a plan that closes them. */
describe('web app: 优质均衡 on the demo', () => {
  let d: Awaited<ReturnType<typeof demoWeb>>;
  beforeAll(async () => {
    d = await demoWeb(['bureau']);
  }, 180_000);
  afterAll(async () => {
    await d?.stop();
  });

  it('shows 随县’s backbone coefficients above the line in both stages and a plan of 28 moves, town schools to township and village ones, that closes them', async () => {
    const w = await d.open('bureau');
    const { page } = w;
    await page.goto(`${d.t.url}/regions/${demoPlan().refs.mainCountyId}/balance`);
    await page.getByRole('combobox', { name: '学年' }).click();
    await page.getByTitle('2025—2026 学年').click();
    await expect(page.getByTestId('cv-PRIMARY-BACKBONE_TEACHERS').textContent()).resolves.toBe('0.592 超出');
    await expect(page.getByTestId('cv-JUNIOR-BACKBONE_TEACHERS').textContent()).resolves.toBe('0.531 超出');
    await expect(page.getByTestId('balance-stage-PRIMARY').textContent()).resolves.toBe('小学有 1 项差异系数超出 0.50');
    await expect(page.getByTestId('balance-stage-JUNIOR').textContent()).resolves.toBe('初中有 1 项差异系数超出 0.45');
    await page.getByRole('img', { name: '差异系数历年变化' }).waitFor({ timeout: 30_000 });
    await w.chartsDrawn();
    await w.shot('balance-demo-report');

    // ten moves (the default) close the junior one only, and the page says why
    await page.getByRole('button', { name: '生成建议' }).click();
    await expect(page.getByTestId('balance-plan-outcome').textContent()).resolves.toBe('按建议调整后仍有差异系数超出阈值已用满最多调整人数（10 人）：提高上限后重新生成，或允许跨共同体调整。');
    await expect(page.getByTestId('balance-moves-count').textContent()).resolves.toBe('共 10 人次调整');
    // the one that closes within the budget goes first (the primary one, a little further above, needs 17)
    const planRow = (name: RegExp) => page.getByTestId('balance-plan-coefficients').getByRole('row', { name });
    await expect(planRow(/初中 · 每百名学生拥有县级以上骨干教师数/).textContent()).resolves.toContain('0.5310.448');
    await expect(planRow(/小学 · 每百名学生拥有县级以上骨干教师数/).textContent()).resolves.toContain('0.5920.592');
    const maxMoves = page.getByRole('spinbutton', { name: '最多调整人数' });
    await maxMoves.fill('30');
    await expect(maxMoves.inputValue()).resolves.toBe('30');
    await page.getByRole('button', { name: '生成建议' }).click();
    await page.getByText('按建议调整后，教师类差异系数全部达标').waitFor();
    await expect(page.getByTestId('balance-moves-count').textContent()).resolves.toBe('共 28 人次调整');
    const moves = page.getByTestId('balance-moves');
    await expect(moves.textContent()).resolves.toContain('随县厉山镇第一初级中学 → 随县唐县镇初级中学');
    await expect(planRow(/小学 · 每百名学生拥有县级以上骨干教师数/).textContent()).resolves.toContain('0.5920.498');
    await expect(planRow(/初中 · 每百名学生拥有县级以上骨干教师数/).textContent()).resolves.toContain('0.5310.448');
    // the third page: the primary moves, from the county town's schools
    await moves.getByTitle('3', { exact: true }).click();
    await moves.getByText('随县城东小学 → 随县尚市镇中心小学').first().waitFor();
    // the plan downloads as bureaus file it
    const planCard = page.locator('.ant-card', { has: moves });
    const [file] = await Promise.all([page.waitForEvent('download'), planCard.getByRole('button', { name: /Excel/ }).click()]);
    expect(file.suggestedFilename()).toBe('balance-plan-2025.xlsx');
    await moves.scrollIntoViewIfNeeded();
    await w.shot('balance-demo-plan');
    // the parts to read, at full size
    await planCard.screenshot({ path: path.join(SCREENSHOTS, 'balance-demo-plan-card.png') });
    await page.locator('.ant-card', { has: page.getByTestId('balance-schools-PRIMARY') }).screenshot({ path: path.join(SCREENSHOTS, 'balance-demo-schools.png') });
  });
});
