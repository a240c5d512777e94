import { test, expect } from './fixtures';
import { startBackupConfigDag } from './support/obshell-node-client';
import { stepRow } from './support/timeline-helpers';
import { openUnlocked } from './support/unlock';

test.describe('Tasks page', () => {
  test('empty state, then an unfinished DAG listed with its state and stage, linking to its timeline', async ({
    page,
    simControl,
    stack,
  }) => {
    await openUnlocked(page, '/tasks');
    await expect(page.getByRole('heading', { level: 2, name: 'Tasks' })).toBeVisible();
    await expect(page.getByText(/No unfinished tasks/)).toBeVisible();

    // Manual clock: the DAG stays READY until a step is released.
    await simControl.manualClock();
    const dag = await startBackupConfigDag(stack.sim.url);
    const table = page.getByRole('table', { name: 'Unfinished tasks' });
    const row = table.getByRole('row').filter({ hasText: dag.id });
    await expect(row).toBeVisible({ timeout: 10_000 });
    await expect(row.getByRole('cell').nth(1)).toHaveText(/Ready$/);
    await expect(row.getByRole('cell').nth(2)).toHaveText('1 / 2');
    await expect(row.getByRole('cell').nth(3)).toHaveText('—'); // pinned READY: not started yet
    await row.getByRole('link', { name: 'Set obcluster backup config' }).click();
    await expect(page).toHaveURL(new RegExp(`/tasks/${dag.id}$`));
    await expect(stepRow(page, 1)).toBeVisible();
  });

  test('a failed backup-config task waiting for a decision stays listed (from /task/dags/ob)', async ({
    page,
    simControl,
    stack,
  }) => {
    await simControl.manualClock();
    await simControl.call('POST', 'fail', { step: 'Set backup config', mode: 'always' });
    const dag = await startBackupConfigDag(stack.sim.url);
    await simControl.runUntil({ dag_id: dag.id, state: 'FAILED' });
    await openUnlocked(page, '/tasks');
    const open = page.getByRole('table', { name: 'Unfinished tasks' });
    const row = open.getByRole('row').filter({ hasText: dag.id });
    await expect(row.getByRole('cell').nth(1)).toHaveText(/Failed$/);
    const recent = page.getByRole('table', { name: 'Recent backup configuration tasks' });
    await expect(recent.getByRole('row').filter({ hasText: dag.id })).toContainText('Failed');
    await row.getByRole('link', { name: 'Set obcluster backup config' }).click();
    await expect(page.getByRole('button', { name: 'Pass (skip)' })).toBeVisible();
  });

  test('opens a task by id', async ({ page, simControl }) => {
    const dag = await simControl.call<{ id: string }>('POST', 'dag', {
      nodes: 3,
      state: 'SUCCEED',
    });
    await openUnlocked(page, '/tasks');
    await page.getByLabel('Task id').fill(dag.id);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(stepRow(page, 3)).toHaveAttribute('data-state', 'succeeded');
  });
});
