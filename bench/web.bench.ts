import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../apps/api/src/demo/seed-demo';
import { startEmbeddedPostgres } from '#app/core';
import chromium from '@sparticuz/chromium';
import { chromium as playwright } from 'playwright-core';
import { spawnServer } from './load';

/**
 * npm run bench:web — the built web app on the demo data in headless Chromium (the server in its own process,
 * production mode): JavaScript and CSS each page loads (gzip sizes, as a compressing proxy would send them),
 * what each route adds to the sign-in page, and the time from navigation to the home page's figures on screen.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

async function assetsOf(page: Page, run: () => Promise<void>) {
  const seen = new Map<string, { type: 'js' | 'css'; gzip: number }>();
  const onResponse = async (res: import('playwright-core').Response) => {
    const url = new URL(res.url());
    const type = url.pathname.endsWith('.js') ? 'js' : url.pathname.endsWith('.css') ? 'css' : null;
    if (!type || seen.has(url.pathname)) return;
    seen.set(url.pathname, { type, gzip: 0 });
    const body = await res.body().catch(() => Buffer.alloc(0));
    seen.get(url.pathname)!.gzip = gzipSync(body, { level: 9 }).length;
  };
  page.on('response', onResponse);
  await run();
  await page.waitForLoadState('networkidle');
  page.off('response', onResponse);
  return seen;
}

const sum = (m: Map<string, { type: string; gzip: number }>, type: string, except = new Set<string>()) =>
  [...m].filter(([p, a]) => a.type === type && !except.has(p)).reduce((n, [, a]) => n + a.gzip, 0);

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sg-bench-web-'));
  chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dir, log: () => undefined });
  const server = await spawnServer(pg.url, { JWT_SECRET: randomBytes(32).toString('hex'), DEMO_DATA: 'on' });
  // Chromium from the npm package, as in the browser tests
  const browser = await playwright.launch({ executablePath: await chromium.executablePath(), args: chromium.args.filter((a) => a !== '--single-process'), headless: true });
  try {
    const api = server.url;
    const login = async (who: string) => {
      const res = await fetch(`${api}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token expiresAt } }`, variables: { e: `${who}@demo.school-groups.cn`, p: DEMO_PASSWORD } }),
      });
      return ((await res.json()) as any).data.login as { token: string; expiresAt: string };
    };
    const gql = async (token: string, query: string) =>
      ((await (await fetch(`${api}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) })).json()) as any).data;
    const bureau = await login('bureau');
    const manager = await login('manager');
    const me = async (s: { token: string }) => (await gql(s.token, `{ me { roles { role scopeId } } }`)).me.roles[0].scopeId as string;
    const countyId = await me(bureau);
    const groupId = await me(manager);
    const schoolId = (await gql(manager.token, `{ schoolGroup(id: "${groupId}") { leadSchool { id } } }`)).schoolGroup.leadSchool.id as string;

    const fresh = async (session?: { token: string; expiresAt: string }) => {
      const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
      if (session) await context.addInitScript((s) => (globalThis as any).sessionStorage.setItem('sg.session', JSON.stringify(s)), session);
      return { context, page: await context.newPage() };
    };

    // sign-in page
    const signIn = await fresh();
    const loginAssets = await assetsOf(signIn.page, async () => void (await signIn.page.goto(`${api}/login`)));
    await signIn.context.close();
    const base = new Set(loginAssets.keys());

    const rows: string[][] = [['/login (sign-in page)', kb(sum(loginAssets, 'js')), kb(sum(loginAssets, 'css')), '—', '—']];
    for (const [route, session, ready, chunk] of [
      [`/regions/${countyId}`, bureau, '[data-testid=coverage-ratio]', 'RegionPage'],
      [`/groups/${groupId}`, manager, '[data-testid=group-counters]', 'GroupPage'],
      [`/schools/${schoolId}`, manager, 'h2', 'SchoolPage'],
    ] as const) {
      const p = await fresh(session);
      const assets = await assetsOf(p.page, async () => {
        await p.page.goto(`${api}${route}`);
        await p.page.locator(ready).first().waitFor();
      });
      await p.context.close();
      const own = [...assets].filter(([p]) => path.basename(p).startsWith(`${chunk}-`)).reduce((n, [, a]) => n + a.gzip, 0);
      rows.push([route.replace(/[0-9a-f-]{36}/, ':id'), kb(sum(assets, 'js')), kb(sum(assets, 'css')), kb(sum(assets, 'js', base)), kb(own)]);
    }

    // navigation to the bureau's home figures, signed in (the home page redirects to the county page)
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const p = await fresh(bureau);
      const t0 = performance.now();
      await p.page.goto(`${api}/`);
      await p.page.getByTestId('coverage-ratio').waitFor({ state: 'visible' });
      times.push(performance.now() - t0);
      await p.context.close();
    }

    console.log(`\nWeb app: ${os.cpus().length} cores, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    console.log(`\n| page | JS (gzip) | CSS (gzip) | JS beyond the sign-in page (frame, charts, page) | the route's own chunk |\n|---|---:|---:|---:|---:|`);
    for (const r of rows) console.log(`| ${r.join(' | ')} |`);
    console.log(`\nHome figures visible after navigation (signed in, fresh browser context, ${RUNS} runs): median ${median(times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms`);
  } finally {
    await browser.close();
    await server.stop();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
