import { test, expect, ROOT_PASSWORD } from './fixtures';
import { startBackupConfigDag } from './support/obshell-node-client';
import {
  dagApiPath,
  elapse,
  openTimeline,
  recordStepStates,
  recordedStepStates,
  requestsTo,
  stepRow,
} from './support/timeline-helpers';
import { openUnlocked } from './support/unlock';

test.describe('DAG timeline: success path', () => {
  test('every step is seen running, then succeeded; polling stops at the end', async ({
    page,
    simControl,
    stack,
  }) => {
    // Base durations: each step runs ≥ 2 s, so 1 s polls must catch it running.
    await simControl.call('POST', 'time-scale', { scale: 1 });
    // Unlock first (slow in a dev build), then start the DAG and open it in-app, so the page
    // is watching from the DAG's first second.
    await openUnlocked(page, '/tasks');
    await recordStepStates(page);
    const dag = await startBackupConfigDag(stack.sim.url);
    expect(dag.name).toBe('Set obcluster backup config');
    await page.getByLabel('Task id').fill(dag.id);
    await page.getByRole('button', { name: 'Open', exact: true }).click();

    await expect(page.getByRole('heading', { level: 2, name: dag.name })).toBeVisible();
    await expect(stepRow(page, 2)).toContainText('Set backup config');
    // Sub-tasks show where they run.
    await expect(stepRow(page, 1)).toContainText('127.0.0.1:2886');
    await expect(stepRow(page, 1)).toContainText('127.0.0.3:2886');

    await expect(page.getByTestId('dag-stage')).toHaveText('Stage 2 / 2', { timeout: 15_000 });
    await expect(page.getByTestId('dag-freshness')).toContainText('Final state', {
      timeout: 20_000,
    });
    const states = await recordedStepStates(page);
    for (const id of ['dag-step-1', 'dag-step-2']) {
      const seen = states[id] ?? [];
      expect(seen, `${id} states`).toContain('running');
      expect(seen.indexOf('running'), `${id} running before succeeded`).toBeLessThan(
        seen.indexOf('succeeded'),
      );
      expect(seen[seen.length - 1]).toBe('succeeded');
    }
    await expect(page).toHaveTitle(/^Succeeded · Set obcluster backup config/);
    await expect(page.getByTestId('dag-announcer')).toContainText('Succeeded');

    // Terminal: no more reads of this DAG.
    const atEnd = (await requestsTo(simControl, dagApiPath(dag.id))).length;
    await elapse(3_500);
    expect(await requestsTo(simControl, dagApiPath(dag.id))).toHaveLength(atEnd);
  });

  test('after success it offers to switch log archiving back on, with one request', async ({
    page,
    simControl,
    stack,
  }) => {
    await simControl.call('POST', 'time-scale', { scale: 0.1 });
    const dag = await startBackupConfigDag(stack.sim.url, { log_archive_concurrency: 8 });
    await openTimeline(page, dag.id);
    await expect(page.getByTestId('dag-freshness')).toContainText('Final state', {
      timeout: 15_000,
    });
    const state = await simControl.call<{ tenants: { log_archive_status: string }[] }>(
      'GET',
      'state',
    );
    expect(state.tenants.map((t) => t.log_archive_status)).not.toContain('DOING');

    await expect(page.getByText('Log archiving may now be off')).toBeVisible();
    await page.getByRole('button', { name: 'Switch log archiving back on' }).click();
    await expect(page.getByText(/log archiving is being switched back on/)).toBeVisible();
    const patches = await requestsTo(simControl, '/api/v1/obcluster/backup/log');
    expect(patches).toHaveLength(1);
    expect(patches[0]).toMatchObject({ method: 'PATCH', status: 200, body: { status: 'DOING' } });
    const after = await simControl.call<{ tenants: { log_archive_status: string }[] }>(
      'GET',
      'state',
    );
    expect(after.tenants.map((t) => t.log_archive_status)).toEqual(
      after.tenants.map(() => 'DOING'),
    );
  });

  test('a reload mid-run shows the same timeline again', async ({ page, simControl, stack }) => {
    await simControl.call('POST', 'time-scale', { scale: 3 });
    const dag = await startBackupConfigDag(stack.sim.url);
    await openTimeline(page, dag.id);
    await expect(stepRow(page, 1)).toHaveAttribute('data-state', 'running');
    await page.reload();
    // Passwords live in memory only: unlock again; the URL brings us back to the same DAG.
    await page.getByLabel(/root@sys password/i).fill(ROOT_PASSWORD);
    await page.getByRole('button', { name: /^unlock$/i }).click();
    await expect(page).toHaveURL(new RegExp(`/tasks/${dag.id}$`));
    await expect(page.getByRole('heading', { level: 2, name: dag.name })).toBeVisible();
    await expect(page.getByText(`Task id ${dag.id}`)).toBeVisible();
    await expect(stepRow(page, 1)).toBeVisible();
    await expect(stepRow(page, 2)).toBeVisible();
    await expect(page.getByTestId('dag-freshness')).toHaveAttribute('data-stale', 'false');
  });

  test('an unknown task id gets a clear not-found page', async ({ page }) => {
    await openUnlocked(page, '/tasks/1999999');
    await expect(page.getByRole('heading', { name: 'Task not found' })).toBeVisible();
    await page.getByRole('link', { name: 'Back to tasks' }).click();
    await expect(page).toHaveURL(/\/tasks$/);
  });
});
