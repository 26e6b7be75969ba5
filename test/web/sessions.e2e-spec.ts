import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chooseOption, type PageWatch } from '../support/browser';
import { demoWeb } from '../support/demo-web';
import { TestApp } from '../support/test-app';


/** Sessions in a real browser on the demo county: filters, and a manager scheduling and running one (issue: the teachers' week). */
describe('web app: research sessions', () => {
  let web: Awaited<ReturnType<typeof demoWeb>>;
  let t: TestApp;
  let tokens: Record<string, string>;
  const open = (who: string) => web.open(who);

  beforeAll(async () => {
    web = await demoWeb(['manager', 'teacher']);
    ({ t, tokens } = web);
  }, 120_000);
  afterAll(async () => {
    await web?.stop();
  });

  it('filters past sessions by subject and type, in the address so the link can be shared', async () => {
    const w = await open('teacher');
    await w.page.goto(`${t.url}/sessions?status=ENDED&subject=数学&type=COLLECTIVE_PREP`);
    const rows = w.page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    const titles = await rows.locator('td:nth-child(2)').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(title).toContain('数学');
    // past sessions: the latest first
    const latest = (await t.ok(`{ researchSessions(first: 1, filter: { status: ENDED, subject: "数学", type: COLLECTIVE_PREP, newestFirst: true }) { edges { node { title } } } }`, {}, tokens.teacher)).researchSessions;
    expect(titles[0]).toBe(latest.edges[0].node.title);
    for (const type of await rows.locator('td:nth-child(3)').allTextContents()) expect(type).toBe('集体备课');
    await w.shot('sessions-filtered');
    expect(await w.page.getByRole('button', { name: '安排教研活动' }).count()).toBe(0); // teachers do not schedule
  });

  it('lets a manager schedule a session with agenda and a plan to discuss, start it, and see the plan beside the room', async () => {
    const w = await open('manager');
    await w.page.goto(`${t.url}/sessions`);
    await w.page.getByRole('button', { name: '安排教研活动' }).click();
    const dialog = w.page.getByRole('dialog');
    await dialog.getByLabel('活动名称').fill('五年级数学“分数的意义”二次研讨');
    await dialog.getByLabel('活动主题').fill('在乡村学校试教后再研讨作业设计');
    await w.page.keyboard.press('Escape'); // does not close the dialog and lose what was typed
    expect(await dialog.getByLabel('活动名称').inputValue()).toBe('五年级数学“分数的意义”二次研讨');
    const day = new Date(Date.now() + 8 * 3600_000 + 86400_000).toISOString().slice(0, 10); // tomorrow in China
    const range = dialog.locator('.ant-picker-range');
    await range.locator('input').first().click();
    await range.locator('input').first().fill(`${day} 09:00`);
    await range.locator('input').first().press('Enter');
    await range.locator('input').nth(1).fill(`${day} 11:30`);
    await range.locator('input').nth(1).press('Enter');
    // the open dropdown's option (closed dropdowns stay in the page, hidden)
    const pick = async (field: string, option: string) => {
      const item = dialog.locator('.ant-form-item').filter({ has: w.page.locator('label', { hasText: field }) });
      await chooseOption(w.page, dialog.getByLabel(field), option, item.locator('.ant-select-selection-item, .ant-select-content', { hasText: option }).first(), { exact: true });
      // a multiple choice stays open: the dialog's title closes it (Escape would reach the dialog once it has closed)
      await dialog.locator('.ant-modal-title').click();
      await w.page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    };
    await pick('主办校', '随县炎帝学校');
    await pick('受邀学校', '随县厉山镇三河小学');
    await pick('研讨的教案', '分数的意义');
    await dialog.getByPlaceholder('第 1 项议程').fill('试教反馈');
    await dialog.getByPlaceholder('主讲人').fill('胡晓东');
    await dialog.getByText('安排教研活动').first().click(); // closes any open picker
    await w.shot('session-schedule');
    await dialog.getByRole('button', { name: '保存' }).click();
    await w.page.getByRole('heading', { name: '五年级数学“分数的意义”二次研讨' }).waitFor();
    await w.page.getByText('研讨的教案').waitFor();
    await w.page.getByRole('link', { name: '分数的意义' }).waitFor();
    await w.page.getByRole('button', { name: '开始活动' }).click();
    await w.page.locator('[data-testid=live-status][data-status=live]').waitFor();
    await w.page.getByRole('link', { name: '分数的意义' }).waitFor();
    await w.shot('session-live-with-plan');
    const id = new URL(w.page.url()).pathname.split('/')[2];
    const s = (await t.ok(`query($id: ID!) { researchSession(id: $id) { status agenda { title speaker } lessonPlans { title } invitedSchools { name } } }`, { id }, tokens.manager)).researchSession;
    expect(s).toMatchObject({ status: 'LIVE', agenda: [{ title: '试教反馈', speaker: '胡晓东' }], lessonPlans: [{ title: '分数的意义' }] });
    expect(s.invitedSchools.map((x: any) => x.name).sort()).toEqual(['随县炎帝学校', '随县厉山镇三河小学'].sort());
  }, 180_000);

  it('lets a manager change an upcoming session’s arrangements and correct an ended one’s minutes, keeping the earlier text', async () => {
    const list = async (status: string) =>
      (await t.ok(`query($s: ResearchSessionStatus) { researchSessions(first: 50, filter: { status: $s, groupId: "51cf86cc-5402-53f1-9a76-756609f40d3e" }) { edges { node { id startsAt minutes } } } }`, { s: status }, tokens.manager)).researchSessions.edges.map((e: any) => e.node);
    const upcoming = (await list('SCHEDULED')).find((x: any) => Date.parse(x.startsAt) > Date.now() + 86400_000);
    const w = await open('manager');
    await w.page.goto(`${t.url}/sessions/${upcoming.id}`);
    await w.page.getByRole('button', { name: '修改安排' }).click();
    const dialog = w.page.getByRole('dialog');
    await dialog.getByLabel('学科').fill('物理');
    await dialog.getByLabel('年级').fill('八年级');
    await dialog.getByLabel('地点').fill('炎帝学校三楼录播室');
    const items = await dialog.getByPlaceholder(/第 \d+ 项议程/).count();
    await dialog.getByRole('button', { name: '添加议程' }).click();
    await dialog.getByPlaceholder(`第 ${items + 1} 项议程`).fill('专家点评');
    await w.shot('session-edit');
    await dialog.getByRole('button', { name: '保存' }).click();
    await w.page.getByText('已修改').waitFor();
    await w.page.getByText('物理 · 八年级').waitFor();
    await w.page.getByText('炎帝学校三楼录播室').waitFor();
    const changed = (await t.ok(`query($id: ID!) { researchSession(id: $id) { subject grade location startsAt agenda { title } } }`, { id: upcoming.id }, tokens.manager)).researchSession;
    expect({ ...changed, agenda: changed.agenda.length }).toEqual({ subject: '物理', grade: '八年级', location: '炎帝学校三楼录播室', startsAt: upcoming.startsAt, agenda: items + 1 });
    expect(changed.agenda.at(-1).title).toBe('专家点评');

    const ended = (await list('ENDED')).find((x: any) => x.minutes);
    await w.page.goto(`${t.url}/sessions/${ended.id}`);
    await w.page.getByRole('button', { name: '更正纪要' }).click();
    const corrected = `${ended.minutes}\n（更正：下次活动改在三河小学。）`;
    await w.page.getByRole('dialog').getByLabel('活动纪要').fill(corrected);
    await w.page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await w.page.getByText('纪要已更正').waitFor();
    await w.page.getByText('（更正：下次活动改在三河小学。）').first().waitFor();
    await w.page.getByTestId('minutes-history').getByText('纪要修改记录 (1)').click();
    await w.page.getByTestId('minutes-history').getByText(ended.minutes.split('\n')[0]).first().waitFor();
    await w.shot('session-minutes-corrected');
    const history = (await t.ok(`query($id: ID!) { researchSession(id: $id) { minutesHistory { version minutes } } }`, { id: ended.id }, tokens.manager)).researchSession.minutesHistory;
    expect(history).toEqual([{ version: 1, minutes: ended.minutes }, { version: 2, minutes: corrected }]);
  }, 120_000);
});
