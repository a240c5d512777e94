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
    // Manual clock: the DAG moves only when a step is released, so each state is pinned while the
    // page is looked at.
    await simControl.manualClock();
    await openUnlocked(page, '/tasks');
    await recordStepStates(page);
    const dag = await startBackupConfigDag(stack.sim.url);
    expect(dag.name).toBe('Set obcluster backup config');
    await page.getByLabel('Task id').fill(dag.id);
    await page.getByRole('button', { name: 'Open', exact: true }).click();

    await expect(page.getByRole('heading', { level: 2, name: dag.name })).toBeVisible();
    await expect(stepRow(page, 2)).toContainText('Set backup config');
    await simControl.runUntil({ dag_id: dag.id, node: 'Check backup config', state: 'RUNNING' });
    await expect(stepRow(page, 1)).toHaveAttribute('data-state', 'running');
    // Sub-tasks show where they run.
    await expect(stepRow(page, 1)).toContainText('127.0.0.1:2886');
    await expect(stepRow(page, 1)).toContainText('127.0.0.3:2886');

    await simControl.runUntil({ dag_id: dag.id, node: 'Set backup config', state: 'RUNNING' });
    await expect(stepRow(page, 1)).toHaveAttribute('data-state', 'succeeded');
    await expect(stepRow(page, 2)).toHaveAttribute('data-state', 'running');
    await expect(page.getByTestId('dag-stage')).toHaveText('Stage 2 / 2');
    // Which phase of "Set backup config" runs, from its log (log_archive_concurrency: phase 1).
    await expect(page.getByTestId('set-config-phase')).toHaveText(
      /^Now: (switching log archiving off and waiting for it to stop|setting log_archive_concurrency)/,
    );

    await simControl.runUntil({ dag_id: dag.id, state: 'SUCCEED' });
    await expect(page.getByTestId('dag-freshness')).toContainText('Final state');
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
    await simControl.manualClock();
    const dag = await startBackupConfigDag(stack.sim.url, { log_archive_concurrency: 8 });
    await simControl.runUntil({ dag_id: dag.id, state: 'SUCCEED' });
    await openTimeline(page, dag.id);
    await expect(page.getByTestId('dag-freshness')).toContainText('Final state');
    const state = await simControl.call<{ tenants: { log_archive_status: string }[] }>(
      'GET',
      'state',
    );
    expect(state.tenants.map((t) => t.log_archive_status)).not.toContain('DOING');

    await expect(page.getByText('Log archiving may now be off')).toBeVisible();
    await page.getByRole('button', { name: 'Switch log archiving back on' }).click();
    // What obshell did, per tenant, read back from each tenant's archive rounds.
    const report = page.getByRole('list', { name: /Log archiving per tenant/ });
    // Switched on, not yet DOING: OceanBase opens each round one (manual) engine step later.
    await expect(report.getByRole('listitem')).toHaveText([
      /^app_tenant: starting \(BEGINNING\)/,
      /^report_tenant: starting \(BEGINNING\)/,
    ]);
    const patches = await requestsTo(simControl, '/api/v1/obcluster/backup/log');
    expect(patches).toHaveLength(1);
    expect(patches[0]).toMatchObject({ method: 'PATCH', status: 200, body: { status: 'DOING' } });
    const after = await simControl.call<{ tenants: { log_archive_status: string }[] }>(
      'GET',
      'state',
    );
    // obshell does not wait (§6): a tenant switched on starts in BEGINNING, then DOING.
    for (const tenant of after.tenants)
      expect(['BEGINNING', 'DOING']).toContain(tenant.log_archive_status);
  });

  test('a reload mid-run shows the same timeline again', async ({ page, simControl, stack }) => {
    await simControl.manualClock();
    const dag = await startBackupConfigDag(stack.sim.url);
    // Pinned mid-run: the check runs until the test releases another step.
    await simControl.runUntil({ dag_id: dag.id, node: 'Check backup config', state: 'RUNNING' });
    await openTimeline(page, dag.id);
    await expect(stepRow(page, 1)).toHaveAttribute('data-state', 'running');
    await page.reload();
    // Passwords live in memory only: unlock again; the URL brings us back to the same DAG.
    await page.getByLabel(/root@sys password/i).fill(ROOT_PASSWORD);
    await page.getByRole('button', { name: /^unlock$/i }).click();
    await expect(page).toHaveURL(new RegExp(`/tasks/${dag.id}$`));
    await expect(page.getByRole('heading', { level: 2, name: dag.name })).toBeVisible();
    await expect(page.getByText(`Task id ${dag.id}`)).toBeVisible();
    await expect(stepRow(page, 1)).toHaveAttribute('data-state', 'running');
    await expect(stepRow(page, 2)).toHaveAttribute('data-state', 'pending');
    await expect(page.getByTestId('dag-freshness')).toHaveAttribute('data-stale', 'false');
  });

  test('an unknown task id gets a clear not-found page', async ({ page }) => {
    await openUnlocked(page, '/tasks/1999999');
    await expect(page.getByRole('heading', { name: 'Task not found' })).toBeVisible();
    await page.getByRole('link', { name: 'Back to tasks' }).click();
    await expect(page).toHaveURL(/\/tasks$/);
  });
});
