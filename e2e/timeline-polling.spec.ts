import type { Page } from '@playwright/test';
import { test, expect, type SimControl } from './fixtures';
import { startBackupConfigDag } from './support/obshell-node-client';
import {
  dagApiPath,
  elapse,
  openTimeline,
  requestsTo,
  setVisibility,
  stepRow,
} from './support/timeline-helpers';

/** A backup-config DAG stepped until it runs, then left there (manual clock), on its timeline. */
async function openRunningTimeline(page: Page, simControl: SimControl, simUrl: string) {
  const dag = await startBackupConfigDag(simUrl);
  await simControl.runUntil({ state: 'RUNNING' });
  await openTimeline(page, dag.id);
  return dag;
}

/** Polling recovered: no "Reconnecting…", the data marked fresh again. */
async function expectRecovered(page: Page) {
  await expect(page.getByTestId('dag-reconnecting')).toBeHidden({ timeout: 20_000 });
  await expect(page.getByTestId('dag-freshness')).toHaveAttribute('data-stale', 'false');
}

test.describe('DAG timeline: polling', () => {
  test.beforeEach(async ({ simControl }) => {
    // Manual clock: the DAG stays where it is until a test steps it, so it is still running
    // throughout each test however slow the machine is.
    await simControl.manualClock();
  });

  test('500 answers mid-poll: "Reconnecting…" over the last data, then it recovers', async ({
    page,
    simControl,
    stack,
  }) => {
    const dag = await openRunningTimeline(page, simControl, stack.sim.url);
    await simControl.call('POST', 'faults', { kind: '500', count: 3, path: dagApiPath(dag.id) });
    await expect(page.getByTestId('dag-reconnecting')).toBeVisible();
    await expect(page.getByTestId('dag-reconnecting')).toContainText('Reconnecting…');
    // Never blank: the timeline stays while reconnecting.
    await expect(stepRow(page, 1)).toBeVisible();
    await expect(stepRow(page, 2)).toBeVisible();
    await expectRecovered(page);
    const log = await requestsTo(simControl, dagApiPath(dag.id));
    expect(log.filter((r) => r.status === 500)).toHaveLength(3);
    expect(log[log.length - 1]?.status).toBe(200);
  });

  test('dropped connections mid-poll: reconnects with the data kept', async ({
    page,
    simControl,
    stack,
  }) => {
    const dag = await openRunningTimeline(page, simControl, stack.sim.url);
    await simControl.call('POST', 'faults', { kind: 'drop', count: 2, path: dagApiPath(dag.id) });
    await expect(page.getByTestId('dag-reconnecting')).toBeVisible();
    await expect(stepRow(page, 1)).toBeVisible();
    await expectRecovered(page);
  });

  test('backs off between failed attempts instead of hammering obshell', async ({
    page,
    simControl,
    stack,
  }) => {
    const dag = await openRunningTimeline(page, simControl, stack.sim.url);
    await simControl.call('POST', 'faults', { kind: '500', count: 100, path: dagApiPath(dag.id) });
    await expect(page.getByTestId('dag-reconnecting')).toBeVisible();
    const start = (await requestsTo(simControl, dagApiPath(dag.id))).length;
    const startedAt = Date.now();
    const failedSinceStart = async () =>
      (await requestsTo(simControl, dagApiPath(dag.id))).length - start;
    // It keeps trying (however slow the machine)…
    await expect.poll(failedSinceStart, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    // …but over 8 s, 1 s polling would make ~8 requests; backing off 1 s, 2 s, 4 s … at most 4.
    // A slow machine only makes fewer, so this bound cannot fail for lack of speed.
    await elapse(Math.max(0, 8_000 - (Date.now() - startedAt)));
    expect(await failedSinceStart()).toBeLessThanOrEqual(4);
    await expect(page.getByTestId('dag-freshness')).toHaveAttribute('data-stale', 'true');
    await expect(page.getByTestId('dag-freshness')).toContainText('out of date');
    await expect(stepRow(page, 1)).toBeVisible();
    await simControl.call('POST', 'faults', { kind: '500', count: 0, path: dagApiPath(dag.id) });
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByTestId('dag-reconnecting')).toBeHidden();
  });

  test('a hidden tab makes no requests; showing it again reads the DAG again and polling resumes', async ({
    page,
    simControl,
    stack,
  }) => {
    const dag = await openRunningTimeline(page, simControl, stack.sim.url);
    await expect
      .poll(async () => (await requestsTo(simControl, dagApiPath(dag.id))).length)
      .toBeGreaterThan(2);
    await setVisibility(page, 'hidden');
    // Let a poll already in flight land.
    await elapse(600);
    const hiddenAt = (await requestsTo(simControl, '/api/v1/task/')).length;
    const dagPollsHidden = (await requestsTo(simControl, dagApiPath(dag.id))).length;
    await elapse(4_000);
    expect(await requestsTo(simControl, '/api/v1/task/')).toHaveLength(hiddenAt);

    // Shown again: the DAG is read again and polling goes on. How soon is a speed figure, kept in
    // the bench (`npm run bench`, requests row); here only that it happens, on any machine.
    await setVisibility(page, 'visible');
    await expect
      .poll(async () => (await requestsTo(simControl, dagApiPath(dag.id))).length)
      .toBeGreaterThan(dagPollsHidden);
    const shownAt = (await requestsTo(simControl, dagApiPath(dag.id))).length;
    await expect
      .poll(async () => (await requestsTo(simControl, dagApiPath(dag.id))).length)
      .toBeGreaterThanOrEqual(shownAt + 2);
  });
});
