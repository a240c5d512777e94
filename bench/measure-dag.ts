import type { Browser, Page } from '@playwright/test';
import { z } from 'zod';
import { DAG_POLL_MS } from '../src/features/tasks/model/polling-policy';
import { newContext } from './browser';
import { failed, notBuilt, type Figure } from './figures';
import { NotBuiltError, throwIfPlaceholder, unlock } from './page-helpers';
import { median, percentile, round } from './stats';
import { BENCH_ROOT_PASSWORD, simCall, type BenchStack } from './stack';

const CHANGE = { id: 'dag.changeToScreen', label: 'DAG state change → on screen' };
const CHANGE_MEDIAN = {
  id: 'dag.changeToScreenMedian',
  label: 'DAG state change → on screen (median)',
};
const AFTER = { id: 'dag.requestsAfterTerminal', label: 'requests after DAG terminal' };
const HIDDEN = { id: 'dag.requestsWhileHidden', label: 'requests while tab hidden' };
const BUDGET_MS = DAG_POLL_MS + 200;
const NODES = 5;
const QUIET_MS = 3.5 * DAG_POLL_MS;

const statsSchema = z.object({ total: z.number(), byPath: z.record(z.string(), z.number()) });
const simDagSchema = z.looseObject({
  id: z.string(),
  nodes: z
    .array(z.looseObject({ start_time: z.string(), end_time: z.string(), state: z.string() }))
    .nullish(),
});
const simStateSchema = z.looseObject({ dags: z.array(simDagSchema) });

/** Requests the simulator has answered on obshell's API so far (control routes excluded). */
async function apiRequests(simUrl: string): Promise<number> {
  const stats = statsSchema.parse(await simCall(simUrl, 'GET', 'stats'));
  return Object.entries(stats.byPath)
    .filter(([path]) => path.startsWith('/api/'))
    .reduce((n, [, count]) => n + count, 0);
}

interface ScreenChange {
  step: number;
  state: string;
  at: number;
}

/**
 * Stamps (wall clock, ms) every change of a step's `data-state` on the timeline, the way the user
 * sees it: the step rows are `li#dag-step-N[data-state]` (src/features/tasks/components/dag-node-row.tsx).
 */
async function watchSteps(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: { step: number; state: string; at: number }[] = [];
    (window as unknown as { __steps: typeof seen }).__steps = seen;
    const last = new Map<number, string>();
    const scan = () => {
      const at = performance.timeOrigin + performance.now();
      for (const row of Array.from(document.querySelectorAll('li[id^="dag-step-"][data-state]'))) {
        const step = Number(row.id.replace('dag-step-', ''));
        const state = row.getAttribute('data-state') ?? '';
        if (last.get(step) !== state) {
          if (last.has(step)) seen.push({ step, state, at });
          last.set(step, state);
        }
      }
    };
    scan();
    new MutationObserver(scan).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-state'],
    });
  });
}

async function openDag(page: Page, id: string, steps: number): Promise<void> {
  await unlock(page, `/tasks/${encodeURIComponent(id)}`, BENCH_ROOT_PASSWORD);
  try {
    await page.locator(`li#dag-step-${steps}[data-state]`).waitFor({ timeout: 10_000 });
  } catch (error) {
    await throwIfPlaceholder(page);
    throw error;
  }
}

/** One synthetic DAG followed to its end: per-transition latencies and requests after terminal. */
async function followOne(browser: Browser, stack: BenchStack) {
  const sim = stack.sim.url;
  await simCall(sim, 'POST', 'reset', { rootPassword: BENCH_ROOT_PASSWORD });
  await simCall(sim, 'POST', 'time-scale', { scale: 1 });
  const context = await newContext(browser, stack.appUrl);
  try {
    const page = await context.newPage();
    const created = simDagSchema.parse(await simCall(sim, 'POST', 'dag', { nodes: NODES }));
    await openDag(page, created.id, NODES);
    await watchSteps(page);
    const before = await apiRequests(sim);
    await page
      .locator(`li#dag-step-${NODES}[data-state="succeeded"]`)
      .waitFor({ timeout: NODES * 3_000 + 10_000 });
    const atTerminal = await apiRequests(sim);
    await page.waitForTimeout(QUIET_MS);
    const after = (await apiRequests(sim)) - atTerminal;
    const screen = await page.evaluate(
      () => (window as unknown as { __steps: ScreenChange[] }).__steps,
    );
    const state = simStateSchema.parse(await simCall(sim, 'GET', 'state'));
    const dag = state.dags.find((d) => d.id === created.id);
    if (!dag?.nodes) throw new Error(`the simulator state has no DAG ${created.id}`);
    const latencies: number[] = [];
    for (const change of screen) {
      const node = dag.nodes[change.step - 1];
      if (!node) continue;
      // A step shown running changed when it started, one shown succeeded when it ended.
      const simTime =
        change.state === 'running'
          ? Date.parse(node.start_time)
          : change.state === 'succeeded'
            ? Date.parse(node.end_time)
            : NaN;
      if (Number.isFinite(simTime)) latencies.push(change.at - simTime);
    }
    return { latencies, after, polledWhileLive: atTerminal - before };
  } finally {
    await context.close();
  }
}

/** A long DAG in a tab made hidden (Page Visibility), then visible again to prove polling resumes. */
async function hiddenTab(browser: Browser, stack: BenchStack) {
  const sim = stack.sim.url;
  await simCall(sim, 'POST', 'reset', { rootPassword: BENCH_ROOT_PASSWORD });
  await simCall(sim, 'POST', 'time-scale', { scale: 1 });
  const context = await newContext(browser, stack.appUrl);
  try {
    const page = await context.newPage();
    const created = simDagSchema.parse(await simCall(sim, 'POST', 'dag', { nodes: 40 }));
    await openDag(page, created.id, 40);
    await page.waitForTimeout(2 * DAG_POLL_MS);
    const setVisibility = (state: 'hidden' | 'visible') =>
      page.evaluate((next) => {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => next });
        Object.defineProperty(document, 'hidden', {
          configurable: true,
          get: () => next === 'hidden',
        });
        document.dispatchEvent(new Event('visibilitychange'));
      }, state);
    await setVisibility('hidden');
    await page.waitForTimeout(300); // a request already on the wire may still land
    const hiddenFrom = await apiRequests(sim);
    await page.waitForTimeout(QUIET_MS);
    const whileHidden = (await apiRequests(sim)) - hiddenFrom;
    await setVisibility('visible');
    const visibleFrom = await apiRequests(sim);
    await page.waitForTimeout(2.5 * DAG_POLL_MS);
    const resumed = (await apiRequests(sim)) - visibleFrom;
    return { whileHidden, resumed };
  } finally {
    await context.close();
  }
}

/**
 * DAG state change → screen: the simulator's own step start/end times against the moment the
 * step's state changed in the page (both on this machine's wall clock), over `runs` DAGs.
 */
export async function measureDag(
  browser: Browser,
  stack: BenchStack,
  runs: number,
): Promise<Figure[]> {
  const figures: Figure[] = [];
  try {
    const latencies: number[] = [];
    const afterTerminal: number[] = [];
    for (let run = 0; run < Math.min(runs, 3); run += 1) {
      const one = await followOne(browser, stack);
      if (one.polledWhileLive === 0)
        throw new Error('no request seen while the DAG ran: not polling');
      latencies.push(...one.latencies);
      afterTerminal.push(one.after);
    }
    if (latencies.length === 0) throw new Error('no step change seen on screen');
    const note = `${latencies.length} transitions; poll ${DAG_POLL_MS} ms`;
    figures.push(
      {
        ...CHANGE,
        label: `${CHANGE.label} (p95)`,
        unit: 'ms',
        value: round(percentile(latencies, 95) ?? 0),
        budget: BUDGET_MS,
        note,
        samples: latencies.map((v) => round(v)),
      },
      {
        ...CHANGE_MEDIAN,
        unit: 'ms',
        value: round(median(latencies) ?? 0),
        note: `max ${round(Math.max(...latencies))} ms`,
      },
      {
        ...AFTER,
        unit: 'requests',
        value: Math.max(...afterTerminal),
        budget: 0,
        note: `any /api request within ${QUIET_MS / 1000} s of the last step shown done, worst of ${afterTerminal.length}`,
      },
    );
  } catch (error) {
    if (error instanceof NotBuiltError) {
      figures.push(
        notBuilt(CHANGE.id, CHANGE.label, 'ms', 'timeline page', BUDGET_MS),
        notBuilt(AFTER.id, AFTER.label, 'requests', 'timeline page', 0),
      );
    } else {
      figures.push(
        failed(CHANGE.id, CHANGE.label, 'ms', error, BUDGET_MS),
        failed(AFTER.id, AFTER.label, 'requests', error, 0),
      );
    }
  }
  try {
    const hidden = await hiddenTab(browser, stack);
    if (hidden.resumed === 0) throw new Error('polling did not resume when the tab showed again');
    figures.push({
      ...HIDDEN,
      unit: 'requests',
      value: hidden.whileHidden,
      budget: 0,
      note: `${QUIET_MS / 1000} s hidden; ${hidden.resumed} after showing again`,
    });
  } catch (error) {
    figures.push(
      error instanceof NotBuiltError
        ? notBuilt(HIDDEN.id, HIDDEN.label, 'requests', 'timeline page', 0)
        : failed(HIDDEN.id, HIDDEN.label, 'requests', error, 0),
    );
  }
  return figures;
}
