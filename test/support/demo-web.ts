import { expect } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, seedDemo } from '../../apps/api/src/demo/seed-demo';
import { launchBrowser, openPage, type PageWatch } from './browser';
import { TestApp } from './test-app';

const DOMAIN = 'demo.school-groups.cn';

/**
 * A server with the demo county, the demo accounts' tokens and a browser; `open(who)` gives a signed-in page.
 * `stop()` also checks every page stayed on the server's origin, fit the window and logged no errors.
 */
export async function demoWeb(accounts: string[]) {
  const t = await TestApp.start();
  await seedDemo(t.app);
  const tokens: Record<string, string> = {};
  for (const who of accounts) {
    tokens[who] = (await t.ok(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: `${who}@${DOMAIN}`, p: DEMO_PASSWORD })).login.token;
  }
  const browser: Browser = await launchBrowser();
  const pages: PageWatch[] = [];
  return {
    t,
    tokens,
    async open(who: string) {
      const w = await openPage(browser, t.url, { token: tokens[who] });
      pages.push(w);
      return w;
    },
    async stop({ allowConsole = (_: string): boolean => false } = {}) {
      for (const w of pages) {
        expect(w.foreignRequests).toEqual([]);
        expect(w.overflows).toEqual([]);
        expect(w.consoleErrors.filter((e) => !allowConsole(e))).toEqual([]);
      }
      await browser.close();
      await t.stop();
    },
  };
}
