import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { NotificationDelivery } from '#app/notifications';
import { launchBrowser, openPage, type PageWatch } from '../support/browser';
import { consortiumWorld, type ConsortiumWorld } from '../support/consortium-world';
import { SCHEDULE_SESSION, sessionIn, waitFor } from '../support/notifications';
import { TestApp } from '../support/test-app';

/** The notification bell in a real browser: a teacher sees an invitation arrive live, opens it, and it is read. */
describe('web app: the notification bell', () => {
  let t: TestApp;
  let w: ConsortiumWorld;
  let browser: Browser;
  const pages: PageWatch[] = [];

  beforeAll(async () => {
    t = await TestApp.start();
    w = await consortiumWorld(t);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    for (const p of pages) {
      expect(p.foreignRequests).toEqual([]);
      expect(p.overflows).toEqual([]);
      expect(p.consoleErrors).toEqual([]);
    }
    await browser?.close();
    await t?.stop();
  });

  it('shows the unread count go up live when a manager invites the teacher, lists it, opens the session and counts it read', async () => {
    const p = await openPage(browser, t.url, { token: w.preparer.token });
    pages.push(p);
    await p.page.goto(`${t.url}/`);
    const bell = p.page.getByRole('button', { name: /^通知/ });
    await bell.waitFor();
    expect(await bell.getAttribute('aria-label')).toBe('通知');
    await waitFor(() => t.app.get(NotificationDelivery).localListenerCount() === 1, 'the page subscribed'); // notificationAdded is open

    const id = (await t.ok(SCHEDULE_SESSION, { i: sessionIn(w, 48, { title: '五年级数学“分数的意义”二次研讨' }) }, w.manager.token)).scheduleResearchSession.id;
    await p.page.getByRole('button', { name: '通知（1 条未读）' }).waitFor({ timeout: 10_000 });
    expect(await p.page.locator('header .ant-badge-count').first().textContent()).toBe('1');
    await p.shot('notifications-bell-badge');

    await p.page.getByRole('button', { name: '通知（1 条未读）' }).click();
    const drawer = p.page.getByRole('dialog');
    const item = drawer.getByText('邀请您参加教研活动：五年级数学“分数的意义”二次研讨');
    await item.waitFor();
    expect(await drawer.locator('strong').filter({ hasText: '五年级数学“分数的意义”二次研讨' }).count()).toBe(1); // unread: bold
    await p.shot('notifications-bell-open');

    await item.click();
    await p.page.waitForURL(`${t.url}/sessions/${id}`);
    await p.page.getByRole('button', { name: '通知', exact: true }).waitFor({ timeout: 10_000 });
    await p.page.locator('header .ant-badge-count').waitFor({ state: 'hidden' }); // the badge has gone (after its animation)
    const [row] = await t.sql(`SELECT read_at FROM notification WHERE user_id = $1`, [w.preparer.userId]);
    expect(row.read_at).not.toBeNull();
    await p.shot('notifications-session-opened');
  });

  it('counts a notification that arrives while the first list is still on its way (a refetch is not folded into it)', async () => {
    const p = await openPage(browser, t.url, { token: w.preparer.token });
    pages.push(p);
    // The first MyNotifications answer is read from the server at once and handed to the page only after the
    // notification was pushed: the push's refetch must go out on its own, not wait for that older answer.
    let fetched!: () => void;
    const firstFetched = new Promise<void>((r) => (fetched = r));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let landed!: () => void;
    const done = new Promise<void>((r) => (landed = r));
    let held = false;
    await p.page.route('**/graphql', async (route) => {
      if (held || !route.request().postData()?.includes('MyNotifications')) return route.fallback();
      held = true;
      const response = await route.fetch();
      fetched();
      await gate;
      await route.fulfill({ response });
      landed();
    });
    const pushed = new Promise<void>((r) =>
      p.page.on('websocket', (ws) => ws.on('framereceived', (f) => typeof f.payload === 'string' && f.payload.includes('notificationAdded') && r())),
    );
    const before = (await t.sql(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND read_at IS NULL`, [w.preparer.userId]))[0].n;
    const listening = t.app.get(NotificationDelivery).localListenerCount(); // the first test's page still listens
    await p.page.goto(`${t.url}/`);
    await firstFetched;
    await waitFor(() => t.app.get(NotificationDelivery).localListenerCount() === listening + 1, 'the page subscribed');
    await t.ok(SCHEDULE_SESSION, { i: sessionIn(w, 72, { title: '四年级语文“观潮”同课异构' }) }, w.manager.token);
    await pushed;
    await p.page.getByRole('button', { name: `通知（${before + 1} 条未读）` }).waitFor({ timeout: 10_000 }); // from the refetch
    release(); // the older answer lands last and must not undo it
    await done;
    await p.page.waitForTimeout(300);
    expect(await p.page.getByRole('button', { name: /^通知/ }).getAttribute('aria-label')).toBe(`通知（${before + 1} 条未读）`);
  });
});
