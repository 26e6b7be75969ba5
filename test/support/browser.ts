import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import chromium from '@sparticuz/chromium';
import { chromium as playwright, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

/** Screenshots of the pages land here (git-ignored): look at them before calling a page done. */
export const SCREENSHOTS = path.resolve('test-results', 'screenshots');

/**
 * Headless Chromium from the npm package @sparticuz/chromium (nothing from apt, nothing downloaded at run time),
 * driven by playwright-core.
 */
export async function launchBrowser(): Promise<Browser> {
  return playwright.launch({ executablePath: await chromium.executablePath(), args: chromium.args.filter((a) => a !== '--single-process'), headless: true });
}

/** What a page did that a test must see: requests to other origins (refused), console errors, page errors. */
export interface PageWatch {
  page: Page;
  context: BrowserContext;
  foreignRequests: string[];
  consoleErrors: string[];
  /** Screenshots whose page was wider than the window (a layout that overflows sideways). */
  overflows: string[];
  /** Waits for every chart on the page to finish drawing (so screenshots show final bars). */
  chartsDrawn(): Promise<void>;
  shot(name: string): Promise<string>;
}

/** A fresh browser context on `baseUrl` (zh-CN, 1366×900): any request to another origin is aborted and recorded. */
export async function openPage(browser: Browser, baseUrl: string, opts: { locale?: string; storage?: Record<string, string>; token?: string } = {}): Promise<PageWatch> {
  const context = await browser.newContext({ locale: opts.locale ?? 'zh-CN', viewport: { width: 1366, height: 900 }, timezoneId: 'Asia/Shanghai' });
  const origin = new URL(baseUrl).origin;
  const foreignRequests: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    foreignRequests.push(url);
    return route.abort();
  });
  if (opts.storage) {
    await context.addInitScript((entries) => {
      for (const [k, v] of Object.entries(entries)) (globalThis as any).localStorage.setItem(k, v);
    }, opts.storage);
  }
  if (opts.token) {
    // signed in already (a test user without a password): the session the sign-in page would store
    await context.addInitScript((token) => {
      (globalThis as any).sessionStorage.setItem('sg.session', JSON.stringify({ token, expiresAt: new Date(Date.now() + 3600_000).toISOString() }));
    }, opts.token);
  }
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const overflows: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    page,
    context,
    foreignRequests,
    consoleErrors,
    overflows,
    async chartsDrawn() {
      await page.waitForFunction(() => [...(globalThis as any).document.querySelectorAll('[data-rendered]')].every((e: any) => e.getAttribute('data-rendered') === 'true'), null, { timeout: 15000 });
    },
    async shot(name: string) {
      const file = path.join(SCREENSHOTS, `${name}.png`);
      // font slices load on demand (unicode-range): wait until nothing is loading, twice (a slice can start late)
      for (let i = 0; i < 2; i++) {
        await page.waitForLoadState('networkidle');
        await page.evaluate(() => (globalThis as any).document.fonts.ready);
      }
      const wide = await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth > (globalThis as any).innerWidth + 1);
      if (wide) overflows.push(name);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
  };
}

/** Signs in through the sign-in page as a person would. */
export async function signIn(w: PageWatch, baseUrl: string, email: string, password: string) {
  await w.page.goto(`${baseUrl}/login`);
  await w.page.getByLabel(/邮箱|Email/).fill(email);
  await w.page.getByLabel(/密码|Password/).fill(password);
  await w.page.getByRole('button', { name: /登\s*录|Sign in/ }).click();
  await w.page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 15000 });
}

/**
 * Saves the open dialog as a person would: once it has finished opening, a screenshot of it (when named), its button,
 * then the success message and the dialog gone. A click that registered nothing (the dialog still open, its button not
 * busy, no message at all) is made again, at most twice: CI saw a click during the opening animation lost.
 */
export async function submitDialog(w: PageWatch, button: string, success: string, shot?: string) {
  const dialog = w.page.getByRole('dialog');
  const save = dialog.getByRole('button', { name: button });
  await dialogOpened(w.page);
  if (shot) await w.shot(shot);
  const done = w.page.getByText(success).first();
  for (let attempt = 0; attempt < 3; attempt++) {
    await save.click();
    if (await done.waitFor({ timeout: 8000 }).then(() => true, () => false)) break;
    const pending = (await save.evaluate((b) => b.classList.contains('ant-btn-loading')).catch(() => false)) || (await w.page.locator('.ant-message-notice').count()) > 0;
    if (pending || !(await dialog.isVisible())) break;
  }
  await done.waitFor();
  await dialog.waitFor({ state: 'hidden' });
}

/** Waits until no dialog is still in its opening animation (antd's zoom and fade motions). */
export async function dialogOpened(page: Page) {
  await page.getByRole('dialog').first().waitFor();
  await page.waitForFunction(() => !(globalThis as any).document.querySelector('.ant-modal-root [class*="zoom-appear"], .ant-modal-root [class*="zoom-enter"], .ant-modal-root [class*="fade-appear"], .ant-modal-root [class*="fade-enter"]'));
}

/**
 * Chooses `option` in an antd Select (`field`, within `scope`), as a person does, until the select shows `shown`:
 * a click can land during the list's opening animation or while server results re-render it, and then does not
 * register; the list is opened again and the option clicked again (at most 3 times).
 */
export async function chooseOption(page: Page, field: Locator, option: string, shown: Locator, opts: { exact?: boolean } = {}) {
  const list = page.locator('.ant-select-dropdown:visible');
  const item = (opts.exact ? list.getByTitle(option, { exact: true }) : list.locator('.ant-select-item-option', { hasText: option })).first();
  for (let attempt = 0; attempt < 3 && !(await shown.isVisible()); attempt++) {
    // another select's list may still be closing: open this one unless its option is already there
    if (!(await item.isVisible())) await field.click();
    await item.click({ timeout: 10_000 }).catch(() => undefined);
    await shown.waitFor({ timeout: 5000 }).catch(() => undefined);
  }
  await shown.waitFor(); // chosen, as a person sees it
}

