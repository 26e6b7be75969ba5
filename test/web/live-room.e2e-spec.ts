import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, type PageWatch } from '../support/browser';
import { LiveClient } from '../support/live-client';
import { researchWorld, SCHEDULE, sessionInput, type ResearchWorld } from '../support/research-world';
import { TestApp } from '../support/test-app';

/** The live room in a real browser (issue: the teachers' week): live events, a dropped network, refusals. */
describe('web app: the live room of a research session', () => {
  let t: TestApp;
  let w: ResearchWorld;
  let browser: Browser;
  let page: PageWatch;
  let sessionId: string;
  const feed = () => page.page.getByTestId('live-feed');

  beforeAll(async () => {
    t = await TestApp.start();
    w = await researchWorld(t);
    browser = await launchBrowser();
    const s = (await t.ok(SCHEDULE, { i: sessionInput(w, { startsAt: new Date().toISOString(), endsAt: new Date(Date.now() + 3600_000).toISOString() }) }, w.manager.token)).scheduleResearchSession;
    sessionId = s.id;
    await t.ok(`mutation($id: ID!) { startResearchSession(id: $id) { status } }`, { id: sessionId }, w.manager.token);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('joins the room, shows events from other clients as they happen, and sends chat', async () => {
    page = await openPage(browser, t.url, { token: w.memberUser.token });
    await page.page.goto(`${t.url}/sessions/${sessionId}`);
    await page.page.locator('[data-testid=live-status][data-status=live]').waitFor();
    await feed().getByText('陈雨萱 进入').waitFor();
    const other = await LiveClient.connect(t.url, w.leadUser.token);
    try {
      await other.request('session:join', { sessionId });
      await other.request('session:chat', { sessionId, text: '大家好，我先说课。' });
      await feed().getByText('大家好，我先说课。').waitFor();
      await page.page.getByRole('textbox', { name: '发言' }).fill('收到，谢谢周老师');
      await page.page.getByRole('button', { name: '发送' }).click();
      await other.waitFor((ev) => ev.some((e) => e.payload?.text === '收到，谢谢周老师'));
      await page.page.getByRole('button', { name: '签到' }).click();
      await page.page.getByRole('button', { name: '已签到' }).waitFor();
    } finally {
      other.close();
    }
  });

  it('says when the network drops, and shows each missed event exactly once, in order, when it is back', async () => {
    const other = await LiveClient.connect(t.url, w.leadUser.token);
    try {
      await other.request('session:join', { sessionId });
      await page.context.setOffline(true);
      await page.page.locator('[data-testid=live-status][data-status=offline]').waitFor();
      await page.page.getByText('连接已断开，恢复后自动补齐错过的消息').first().waitFor();
      const missed = ['断网期间一', '断网期间二', '断网期间三'];
      for (const text of missed) expect((await other.request('session:chat', { sessionId, text })).ok).toBe(true);
      await page.shot('live-room-offline');
      await page.context.setOffline(false);
      await page.page.locator('[data-testid=live-status][data-status=live]').waitFor({ timeout: 15000 });
      await feed().getByText(missed[2]).waitFor();
      const texts = await feed().locator('li').allTextContents();
      for (const text of missed) expect(texts.filter((x) => x.includes(text))).toHaveLength(1);
      expect(missed.map((m) => texts.findIndex((x) => x.includes(m)))).toEqual([...missed.map((m) => texts.findIndex((x) => x.includes(m)))].sort((a, b) => a - b));
      const seqs = (await feed().locator('li[data-seq]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-seq')))));
      expect(new Set(seqs).size).toBe(seqs.length); // no event twice
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    } finally {
      other.close();
    }
  });

  it('says a rate limit in Chinese and keeps what was typed', async () => {
    const input = page.page.getByRole('textbox', { name: '发言' });
    const limited = page.page.getByRole('alert').filter({ hasText: '操作太频繁' });
    // 10 per 10 s are accepted; send until the next one is refused (bounded: a slow machine spreads them out)
    for (let i = 0; i < 30 && !(await limited.count()); i++) {
      await input.fill(`第${i + 1}条`);
      await input.press('Enter');
      await page.page.waitForFunction(() => {
        const d = (globalThis as any).document;
        return d.querySelector('input[aria-label="发言"]')?.value === '' || /操作太频繁/.test(d.body.innerText);
      }, null, { timeout: 5000 });
    }
    await page.page.getByRole('alert').filter({ hasText: /操作太频繁，请 \d+ 秒后再试/ }).waitFor();
    expect(await input.inputValue()).toMatch(/^第\d+条$/); // not lost
    await page.shot('live-room');
    expect(page.foreignRequests).toEqual([]);
    // the only console errors are the loads the browser could not make while it was offline on purpose
    expect(page.consoleErrors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
    expect(page.overflows).toEqual([]);
  });
});
