import type { Page } from '@playwright/test';
import { devTest as test, expect } from './fixtures';
import { dagApiPath, requestsTo, stepRow } from './support/timeline-helpers';
import { openUnlocked } from './support/unlock';

interface SimDag {
  id: string;
}

interface Commit {
  actual: number;
  base: number;
}

const MEASURE = 'dag-timeline-render';

function quantile(values: number[], q: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

function commits(page: Page) {
  return page.evaluate(
    (name) =>
      performance.getEntriesByName(name).map((e) => ({
        actual: e.duration,
        base: ((e as PerformanceMeasure).detail as { baseDuration: number }).baseDuration,
      })),
    MEASURE,
  );
}

test('a 200-step DAG renders every step and re-renders only what changed per poll', async ({
  page,
  simControl,
}) => {
  test.setTimeout(90_000);
  // Manual clock: the DAG moves only when stepped below, one finished step at a time, and the
  // test waits until the page shows each one. No race with the simulator's wall clock.
  await simControl.manualClock();
  const dag = await simControl.call<SimDag>('POST', 'dag', { nodes: 200, name: 'Large DAG' });
  await simControl.runUntil({ dag_id: dag.id, node: 'Step 1', state: 'RUNNING' });
  await openUnlocked(page, `/tasks/${dag.id}`);
  await expect(stepRow(page, 200)).toBeVisible({ timeout: 30_000 }); // 200 rows: first paint is slow on a busy CI machine
  await expect(page.locator('li[id^="dag-step-"]')).toHaveCount(200);
  await expect(stepRow(page, 1)).toHaveAttribute('data-state', 'running');
  const mount = Math.max(...(await commits(page)).map((c) => c.actual));

  await page.evaluate((name) => performance.clearMeasures(name), MEASURE);
  const before = (await requestsTo(simControl, dagApiPath(dag.id))).length;
  const STEPS = 8;
  for (let n = 1; n <= STEPS; n++) {
    await simControl.runUntil({ dag_id: dag.id, node: `Step ${n}`, state: 'SUCCEED' });
    await expect(stepRow(page, n)).toHaveAttribute('data-state', 'succeeded');
  }
  const polls = (await requestsTo(simControl, dagApiPath(dag.id))).length - before;
  const updates: Commit[] = await commits(page);
  const actual = updates.map((c) => c.actual);
  // Share of the full timeline's render cost that a commit actually paid (1 = everything rendered).
  const share = updates.map((c) => c.actual / c.base);
  const report =
    `200-node DAG, dev build (StrictMode, shared CPU): mount ${mount.toFixed(0)} ms; ` +
    `${polls} polls → ${updates.length} commits: median ${quantile(actual, 0.5).toFixed(1)} ms, ` +
    `p95 ${quantile(actual, 0.95).toFixed(1)} ms, max ${Math.max(...actual).toFixed(1)} ms; ` +
    `share of full re-render: median ${(quantile(share, 0.5) * 100).toFixed(1)} %, ` +
    `p95 ${(quantile(share, 0.95) * 100).toFixed(1)} %`;
  test.info().annotations.push({ type: 'render', description: report });
  console.log(report);

  // Each finished step reached the screen through a poll and at least one commit.
  expect(polls).toBeGreaterThanOrEqual(STEPS);
  expect(updates.length).toBeGreaterThanOrEqual(STEPS);
  // Absolute times depend on the machine's load; the share does not: a poll re-renders the few
  // rows that changed, not 200. Without memoized rows every poll's share would be close to 100 %.
  expect(quantile(share, 0.5)).toBeLessThan(0.1);
  expect(quantile(share, 0.95)).toBeLessThan(0.3);
  // …and the rows not stepped did not move.
  await expect(stepRow(page, STEPS + 2)).toHaveAttribute('data-state', 'pending');
});
