import type { Page } from '@playwright/test';
import { test, expect, type SimControl } from './fixtures';
import { dagApiPath, requestsTo, stepRow } from './support/timeline-helpers';
import { openUnlocked } from './support/unlock';

/**
 * Faults while a task is followed that timeline-polling.spec.ts does not cover: slow answers,
 * expired auth, going offline, a double confirm. Each ends with the timeline still there.
 */

interface SimDag {
  id: string;
}

/**
 * A DAG pinned RUNNING (the simulator freezes it: step 2 running, nothing moves on its own), so
 * it is still running however slow the machine is.
 */
async function openRunningDag(page: Page, simControl: SimControl) {
  const dag = await simControl.call<SimDag>('POST', 'dag', { nodes: 3, state: 'RUNNING' });
  await openUnlocked(page, `/tasks/${dag.id}`);
  await expect(stepRow(page, 1)).toBeVisible();
  return dag;
}

const freshness = (page: Page) => page.getByTestId('dag-freshness');

test('5 s latency: the page warns its data may be out of date, then catches up', async ({
  page,
  simControl,
}) => {
  const dag = await openRunningDag(page, simControl);
  await simControl.call('POST', 'latency', { ms: 5_000, path: dagApiPath(dag.id) });
  await expect(freshness(page)).toHaveAttribute('data-stale', 'true', { timeout: 15_000 });
  await expect(freshness(page)).toContainText('may be out of date');
  await expect(stepRow(page, 3)).toBeVisible();
  await simControl.call('POST', 'latency', { ms: 0 });
  await expect(freshness(page)).toHaveAttribute('data-stale', 'false', { timeout: 15_000 });
});

test('auth expired mid-watch (agent clock jumps 10 min ahead): refreshed without asking', async ({
  page,
  simControl,
}) => {
  const dag = await openRunningDag(page, simControl);
  const before = (await requestsTo(simControl, dagApiPath(dag.id))).length;
  await simControl.call('POST', 'clock', { offsetMs: 10 * 60_000 });
  await expect
    .poll(async () => (await requestsTo(simControl, dagApiPath(dag.id))).slice(before))
    .toContainEqual(expect.objectContaining({ status: 401 }));
  const refused = (await requestsTo(simControl, dagApiPath(dag.id))).length;
  await expect
    .poll(async () => (await requestsTo(simControl, dagApiPath(dag.id))).slice(refused))
    .toContainEqual(expect.objectContaining({ status: 200 }));
  await expect(page.getByRole('dialog', { name: 'Sign in again' })).toBeHidden();
  await expect(freshness(page)).toHaveAttribute('data-stale', 'false');
});

test('offline, then back online: the data stays, a warning shows, following resumes', async ({
  page,
  context,
  simControl,
}) => {
  const dag = await openRunningDag(page, simControl);
  await context.setOffline(true);
  await expect(freshness(page)).toHaveAttribute('data-stale', 'true', { timeout: 15_000 });
  await expect(stepRow(page, 1)).toBeVisible();
  const offlineUntil = (await requestsTo(simControl, dagApiPath(dag.id))).length;
  await context.setOffline(false);
  await expect(freshness(page)).toHaveAttribute('data-stale', 'false', { timeout: 15_000 });
  expect((await requestsTo(simControl, dagApiPath(dag.id))).length).toBeGreaterThan(offlineUntil);
});

test('double click on a decision sends it once', async ({ page, simControl }) => {
  const dag = await simControl.call<SimDag>('POST', 'dag', { nodes: 2, state: 'FAILED' });
  await openUnlocked(page, `/tasks/${dag.id}`);
  await page.getByRole('button', { name: 'Retry', exact: true }).click();
  await simControl.call('POST', 'latency', { ms: 500, path: dagApiPath(dag.id) });
  await page.getByRole('dialog').getByRole('button', { name: 'Yes, retry' }).dblclick();
  await expect(page.getByRole('status').filter({ hasText: 'Retry sent' })).toBeVisible();
  const posts = (await requestsTo(simControl, dagApiPath(dag.id))).filter(
    (r) => r.method === 'POST',
  );
  expect(posts).toHaveLength(1);
});
