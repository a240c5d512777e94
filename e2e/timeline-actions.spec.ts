import { test, expect } from './fixtures';
import { readDag, startBackupConfigDag } from './support/obshell-node-client';
import { dagApiPath, openTimeline, requestsTo, stepRow } from './support/timeline-helpers';

const posts = async (simControl: Parameters<typeof requestsTo>[0], id: string) =>
  (await requestsTo(simControl, dagApiPath(id))).filter((r) => r.method === 'POST');

const SET = 'Set backup config';
const CHECK = 'Check backup config';

/**
 * Decisions on a task (contract §5), with the simulator's manual clock: each DAG is pinned in the
 * state a test needs (run-until) and moved on step by step; the page is waited on, never the clock.
 */
test.describe('DAG timeline: decisions on a task', () => {
  test.beforeEach(async ({ simControl }) => {
    await simControl.manualClock();
  });

  test('"Set backup config" failing once → Retry: restarts without "Not started", runs again, logs kept', async ({
    page,
    simControl,
    stack,
  }) => {
    await simControl.call('POST', 'fail', { step: SET, mode: 'once' });
    const dag = await startBackupConfigDag(stack.sim.url);
    await simControl.runUntil({ dag_id: dag.id, state: 'FAILED' });
    await openTimeline(page, dag.id);
    await expect(stepRow(page, 2)).toHaveAttribute('data-state', 'failed');
    await expect(page.getByText('This task failed and waits for your decision.')).toBeVisible();
    await expect(stepRow(page, 2)).toContainText('fault injected');
    // A failed "Set backup config" cannot be rolled back, and a failed task cannot be cancelled.
    const actions = page.getByRole('group', { name: 'Actions' });
    await expect(actions.getByRole('button')).toHaveText(['Retry', 'Pass (skip)']);
    await page.getByRole('button', { name: 'Jump to failed step' }).click();
    await expect(stepRow(page, 2).getByRole('heading')).toBeFocused();

    await actions.getByRole('button', { name: 'Retry' }).click();
    const dialog = page.getByRole('dialog', { name: 'Retry?' });
    await expect(dialog).toContainText('runs the failed step again');
    expect(await posts(simControl, dag.id)).toHaveLength(0);
    await dialog.getByRole('button', { name: 'Yes, retry' }).click();
    await expect(dialog).toBeHidden();
    // Pinned right after RETRY (no step released): READY + RUN with its times reset.
    await expect(stepRow(page, 2)).toHaveAttribute('data-state', 'retrying');
    await expect(page.getByText('Restarting…')).toBeVisible();
    await expect(page.getByText('Not started')).toHaveCount(0);

    await simControl.runUntil({ dag_id: dag.id, state: 'SUCCEED' });
    await expect(stepRow(page, 2)).toHaveAttribute('data-state', 'succeeded');
    await expect(page.getByTestId('dag-freshness')).toContainText('Final state');
    const sent = await posts(simControl, dag.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ status: 200, body: { operator: 'RETRY' } });
    // The new execute count, as obshell reports it.
    const runs = (await readDag(stack.sim.url, dag.id)).nodes?.[1]?.sub_tasks?.[0]?.execute_times;
    expect(runs).toBeGreaterThan(1);
    await expect(stepRow(page, 2)).toContainText(`Run ${String(runs)} times`);
    // Full logs (sub-task logs endpoint) keep every run, numbered.
    const failedTask = stepRow(page, 2).getByRole('listitem').first();
    await failedTask.getByRole('button', { name: /Show logs/ }).click();
    await failedTask.getByRole('button', { name: 'Load full logs' }).click();
    const full = failedTask.getByRole('group', { name: 'Full logs' });
    await expect(full).toContainText('[Run 1]');
    await expect(full).toContainText('fault injected');
  });

  test('"Set backup config" failing → Pass: the dialog says it stays partly applied; the outcome "ended without applying"', async ({
    page,
    simControl,
    stack,
  }) => {
    await simControl.call('POST', 'fail', { step: SET, mode: 'always' });
    const dag = await startBackupConfigDag(stack.sim.url);
    await simControl.runUntil({ dag_id: dag.id, state: 'FAILED' });
    await openTimeline(page, dag.id);
    await page.getByRole('button', { name: 'Pass (skip)' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('pass-effect')).toContainText(
      'The configuration stays partly applied',
    );
    await dialog.getByRole('button', { name: 'Yes, pass (skip)' }).click();
    await expect(page.getByTestId('passed-outcome')).toContainText(
      'Ended without applying all of the configuration',
    );
    await expect(page).toHaveTitle(/^Ended without applying · /);
    await expect(stepRow(page, 2)).toHaveAttribute('data-state', 'passed');
    await expect(page.getByTestId('dag-freshness')).toContainText('Final state');
    await expect(page.getByRole('group', { name: 'Actions' })).toHaveCount(0);
    // What ran may have switched archiving off.
    await expect(page.getByText('Log archiving may now be off')).toBeVisible();
    expect(await posts(simControl, dag.id)).toHaveLength(1);
  });

  test('a failed check offers Roll back; Pass says nothing will be applied', async ({
    page,
    simControl,
    stack,
  }) => {
    await simControl.call('POST', 'fail', { step: CHECK, mode: 'always' });
    const dag = await startBackupConfigDag(stack.sim.url);
    await simControl.runUntil({ dag_id: dag.id, state: 'FAILED' });
    await openTimeline(page, dag.id);
    await expect(page.getByRole('group', { name: 'Actions' }).getByRole('button')).toHaveText([
      'Retry',
      'Roll back',
      'Pass (skip)',
    ]);
    await page.getByRole('button', { name: 'Pass (skip)' }).click();
    await expect(page.getByRole('dialog').getByTestId('pass-effect')).toContainText(
      'Nothing of this configuration will be applied',
    );
    await page.getByRole('dialog').getByRole('button', { name: 'Go back' }).click();
    await page.getByRole('button', { name: 'Roll back' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Yes, roll back' }).click();
    // The dialog closes once obshell accepted the decision; stepping before that finds nothing
    // to release (a full run under load failed here).
    await expect(page.getByRole('dialog')).toBeHidden();
    await simControl.runUntil({ dag_id: dag.id, state: 'SUCCEED' });
    await expect(page).toHaveTitle(/^Rolled back · /);
    await expect(page.getByText('Log archiving may now be off')).toHaveCount(0);
  });

  test('a running task offers only Cancel; the cancel shows each phase and can be retried', async ({
    page,
    simControl,
    stack,
  }) => {
    const dag = await startBackupConfigDag(stack.sim.url);
    await simControl.runUntil({ dag_id: dag.id, node: CHECK, state: 'RUNNING' });
    await openTimeline(page, dag.id);
    await expect(stepRow(page, 1)).toHaveAttribute('data-state', 'running');
    const actions = page.getByRole('group', { name: 'Actions' });
    await expect(actions.getByRole('button')).toHaveText(['Cancel task']);
    await page.getByRole('button', { name: 'Cancel task' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Yes, cancel task' }).click();
    // READY + CANCEL → RUNNING + CANCEL → FAILED + CANCEL, one released step at a time.
    await expect(page).toHaveTitle(/^Cancel requested · /);
    await expect(actions).toHaveCount(0);
    await simControl.runUntil({ dag_id: dag.id, state: 'RUNNING' });
    await expect(page).toHaveTitle(/^Cancelling · /);
    await simControl.runUntil({ dag_id: dag.id, state: 'FAILED' });
    await expect(page).toHaveTitle(/^Cancelled · /);
    await expect(stepRow(page, 1)).toHaveAttribute('data-state', 'cancelled');
    // Not final: it can still be retried or passed.
    await expect(
      page.getByText('It is not final: you can still retry it or pass it.'),
    ).toBeVisible();
    await expect(actions.getByRole('button')).toHaveText(['Retry', 'Roll back', 'Pass (skip)']);
    await page.getByRole('button', { name: 'Retry' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Yes, retry' }).click();
    await expect(page.getByRole('dialog')).toBeHidden();
    await simControl.runUntil({ dag_id: dag.id, state: 'SUCCEED' });
    await expect(page).toHaveTitle(/^Succeeded · /);
    expect((await posts(simControl, dag.id)).map((r) => r.body)).toEqual([
      { operator: 'CANCEL' },
      { operator: 'RETRY' },
    ]);
  });
});
