import { writeFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/**
 * BENCH_LIVE_PROFILE=1 for the live-room bench: how much the page's renderer works per message.
 * - Components rendered per React commit, counted by a stand-in for the React DevTools hook (installed before the
 *   app's scripts run): after each commit it walks the changed part of the fiber tree and counts the function,
 *   class, forwardRef and memo components that rendered (React's PerformedWork flag), as DevTools does.
 * - The renderer's main-thread busy time, in ms per second, from a Chrome trace of part of each minute: the sum of its
 *   top-level tasks (RunTask) on CrRendererMain, over the traced wall time.
 */
export async function installCommitCounter(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const g = globalThis as any;
    const COMPONENTS = new Set([0, 1, 11, 14, 15]); // Function, Class, ForwardRef, Memo, SimpleMemo
    const PERFORMED_WORK = 1;
    const stats = { commits: 0, components: 0 };
    const count = (fiber: any): number => {
      let n = 0;
      for (let f = fiber; f; f = f.sibling) {
        if (COMPONENTS.has(f.tag) && (f.flags & PERFORMED_WORK) === PERFORMED_WORK) n++;
        // an unchanged subtree keeps its child fibers: nothing below it rendered in this commit
        if (f.child && (!f.alternate || f.child !== f.alternate.child)) n += count(f.child);
      }
      return n;
    };
    g.__benchCommits = stats;
    g.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
      supportsFiber: true,
      renderers: new Map(),
      inject: () => 1,
      checkDCE: () => undefined,
      onScheduleFiberRoot: () => undefined,
      onCommitFiberUnmount: () => undefined,
      onPostCommitFiberRoot: () => undefined,
      onCommitFiberRoot: (_id: number, root: any) => {
        stats.commits++;
        stats.components += count(root.current.child);
      },
    };
  });
}

/** Commits and components rendered since the last call (then starts counting anew). */
export async function takeCommitCounts(page: Page): Promise<{ commits: number; perCommit: number }> {
  return page.evaluate(() => {
    const s = (globalThis as any).__benchCommits ?? { commits: 0, components: 0 };
    const r = { commits: s.commits, perCommit: s.commits ? s.components / s.commits : NaN };
    s.commits = 0;
    s.components = 0;
    return r;
  });
}

/** The renderer's top-level tasks (the name changed across Chrome versions). */
const TASKS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/** A trace of the page while it runs; stop() answers with the renderer main thread's busy ms and frames per second. */
export async function traceRenderer(browser: Browser, page: Page): Promise<{ stop(): Promise<{ busy: number; frames: number }> }> {
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline'] });
  const from = performance.now();
  return {
    async stop() {
      const buf = await browser.stopTracing();
      if (process.env.BENCH_TRACE_FILE) writeFileSync(process.env.BENCH_TRACE_FILE, buf); // the last minute's trace, for chrome://tracing or Perfetto
      const wall = performance.now() - from;
      const events = (JSON.parse(buf.toString('utf8')).traceEvents ?? []) as { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; args?: { name?: string } }[];
      const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
      const tasks = new Map<string, [number, number][]>();
      for (const e of events) {
        const k = `${e.pid}:${e.tid}`;
        if (e.ph !== 'X' || !TASKS.has(e.name) || !mains.has(k)) continue;
        if (!tasks.has(k)) tasks.set(k, []);
        tasks.get(k)!.push([e.ts, e.ts + (e.dur ?? 0)]);
      }
      const busy = [...tasks.values()].map((spans) => {
        let sum = 0; // µs, nested tasks counted once
        let end = -Infinity;
        for (const [from, to] of spans.sort((x, y) => x[0] - y[0])) {
          sum += Math.max(0, to - Math.max(from, end));
          end = Math.max(end, to);
        }
        return sum / 1000;
      });
      const main = [...tasks.keys()][busy.indexOf(Math.max(...busy))];
      const frames = events.filter((e) => e.ph === 'b' && e.name === 'AnimationFrame' && `${e.pid}:${e.tid}` === main).length;
      return { busy: Math.max(0, ...busy) / (wall / 1000), frames: frames / (wall / 1000) };
    },
  };
}
