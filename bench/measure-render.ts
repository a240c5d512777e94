import type { Browser } from '@playwright/test';
import { rm } from 'node:fs/promises';
import { newContext } from './browser';
import { buildProfiling } from './bundle';
import { failed, notBuilt, type Figure } from './figures';
import { throwIfPlaceholder, unlock, NotBuiltError } from './page-helpers';
import { median, percentile, round } from './stats';
import { BENCH_ROOT_PASSWORD, buildBase, serveBuild, simCall, type BenchStack } from './stack';

const RENDER = { id: 'dag.render200', label: '200-node DAG re-render per poll' };
const COMMIT = { id: 'dag.render200Commit', label: '200-node DAG slowest single commit' };
/** The timeline's Profiler writes this User Timing measure (src/features/tasks/utils/render-timing.ts). */
const MEASURE = 'dag-timeline-render';
const NODES = 200;
const WATCH_MS = 10_000;

interface Sample {
  polls: number[];
  commits: { start: number; duration: number; phase: string }[];
}

/**
 * Render cost of a live 200-node DAG, from React's own Profiler (a profiling build, so `onRender`
 * runs): for each poll response, the summed render time of the timeline's commits until the next
 * response. The simulator runs the steps fast enough that every poll brings changed nodes.
 */
export async function measureRender(browser: Browser, stack: BenchStack): Promise<Figure[]> {
  const outDir = await buildProfiling(stack.root, buildBase(stack.root));
  const served = await serveBuild(stack.root, outDir, stack.sim.url);
  const context = await newContext(browser, served.url);
  try {
    await simCall(stack.sim.url, 'POST', 'reset', { rootPassword: BENCH_ROOT_PASSWORD });
    // Steps of ~0.45 s: two or three nodes change between one-second polls, for the whole watch.
    await simCall(stack.sim.url, 'POST', 'time-scale', { scale: 0.3 });
    const dag = await simCall<{ id: string }>(stack.sim.url, 'POST', 'dag', { nodes: NODES });
    const page = await context.newPage();
    await page.addInitScript(() => performance.setResourceTimingBufferSize(10_000));
    await unlock(page, `/tasks/${encodeURIComponent(dag.id)}`, BENCH_ROOT_PASSWORD);
    try {
      await page.locator(`#dag-step-${NODES}`).waitFor({ timeout: 10_000 });
    } catch (error) {
      await throwIfPlaceholder(page);
      throw error;
    }
    const start = await page.evaluate(() => performance.now());
    await page.waitForTimeout(WATCH_MS);
    const sample = await page.evaluate(
      ({ measure, dagPath, from }): Sample => ({
        polls: performance
          .getEntriesByType('resource')
          .filter(
            (e) => e.name.includes(dagPath) && (e as PerformanceResourceTiming).responseEnd > from,
          )
          .map((e) => (e as PerformanceResourceTiming).responseEnd)
          .sort((a, b) => a - b),
        commits: performance
          .getEntriesByName(measure)
          .filter((e) => e.startTime > from)
          .map((e) => {
            const detail: unknown = (e as PerformanceMeasure).detail;
            const phase =
              typeof detail === 'object' && detail !== null && 'phase' in detail
                ? String(detail.phase)
                : '';
            return { start: e.startTime, duration: e.duration, phase };
          }),
      }),
      { measure: MEASURE, dagPath: `/api/v1/task/dag/${dag.id}`, from: start },
    );
    return figuresFrom(sample);
  } catch (error) {
    if (error instanceof NotBuiltError)
      return [notBuilt(RENDER.id, RENDER.label, 'ms', 'timeline page', 16)];
    return [failed(RENDER.id, RENDER.label, 'ms', error, 16)];
  } finally {
    await context.close();
    await served.close();
    await rm(outDir, { recursive: true, force: true });
  }
}

function figuresFrom(sample: Sample): Figure[] {
  const updates = sample.commits.filter((c) => c.phase !== 'mount');
  if (sample.polls.length < 3) {
    return [
      failed(
        RENDER.id,
        RENDER.label,
        'ms',
        new Error(`only ${sample.polls.length} polls seen`),
        16,
      ),
    ];
  }
  if (updates.length === 0) {
    return [
      failed(
        RENDER.id,
        RENDER.label,
        'ms',
        new Error(`no "${MEASURE}" measures: no Profiler around the timeline`),
        16,
      ),
    ];
  }
  const perPoll: number[] = [];
  for (let i = 0; i < sample.polls.length - 1; i += 1) {
    const from = sample.polls[i] ?? 0;
    const to = sample.polls[i + 1] ?? Infinity;
    perPoll.push(
      updates.filter((c) => c.start >= from && c.start < to).reduce((n, c) => n + c.duration, 0),
    );
  }
  const note = `${perPoll.length} polls, ${updates.length} commits; p95 ${round(percentile(perPoll, 95) ?? 0)} ms`;
  return [
    {
      ...RENDER,
      unit: 'ms',
      value: round(median(perPoll) ?? 0),
      budget: 16,
      note,
      samples: perPoll.map((v) => round(v, 2)),
    },
    { ...COMMIT, unit: 'ms', value: round(Math.max(...updates.map((c) => c.duration))) },
  ];
}
