import { test, expect } from './fixtures';
import { startBackupConfigDag } from './support/obshell-node-client';
import { dagApiPath, openTimeline, requestsTo, stepRow } from './support/timeline-helpers';

const posts = async (simControl: Parameters<typeof requestsTo>[0], id: string) =>
  (await requestsTo(simControl, dagApiPath(id))).filter((r) => r.method === 'POST');

test.describe('DAG timeline: decisions on a failed task', () => {
  test.beforeEach(async ({ simControl }) => {
    await simControl.call('POST', 'time-scale', { scale: 0.2 });
  });

  test('a step failing once → Retry → success', async ({ page, simControl, stack }) => {
    await simControl.call('POST', 'fail', { step: 'Set backup config', mode: 'once' });
    const dag = await startBackupConfigDag(stack.sim.url);
    await openTimeline(page, dag.id);
    await expect(stepRow(page, 2)).toHaveAttribute('data-state', 'failed');
    await expect(page.getByText('This task failed and waits for your decision.')).toBeVisible();
    await expect(stepRow(page, 2)).toContainText('fault injected');
    // Only the decisions obshell allows for a failed DAG.
    const actions = page.getByRole('group', { name: 'Actions' });
    await expect(actions.getByRole('button')).toHaveText([
      'Retry',
      'Roll back',
      'Pass (skip)',
      'Cancel task',
    ]);
    await page.getByRole('button', { name: 'Jump to failed step' }).click();
    await expect(stepRow(page, 2).getByRole('heading')).toBeFocused();

    await actions.getByRole('button', { name: 'Retry' }).click();
    const dialog = page.getByRole('dialog', { name: 'Retry?' });
    await expect(dialog).toContainText('runs the failed step again');
    expect(await posts(simControl, dag.id)).toHaveLength(0);
    await dialog.getByRole('button', { name: 'Yes, retry' }).click();
    await expect(dialog).toBeHidden();
    await expect(stepRow(page, 2)).toHaveAttribute('data-state', 'succeeded');
    await expect(page.getByTestId('dag-freshness')).toContainText('Final state');
    const sent = await posts(simControl, dag.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ status: 200, body: { operator: 'RETRY' } });
    await expect(stepRow(page, 2)).toContainText('Run 2 times');
    // Full logs (sub-task logs endpoint) keep both runs, numbered.
    const failedTask = stepRow(page, 2).getByRole('listitem').first();
    await failedTask.getByRole('button', { name: /Show logs/ }).click();
    await failedTask.getByRole('button', { name: 'Load full logs' }).click();
    const full = failedTask.getByRole('group', { name: 'Full logs' });
    await expect(full).toContainText('[Run 1]');
    await expect(full).toContainText('[Run 2]');
    await expect(full).toContainText('fault injected');
  });

  test('a step failing always → Pass → the task ends with the failure passed', async ({
    page,
    simControl,
    stack,
  }) => {
    await simControl.call('POST', 'fail', { step: 'Set backup config', mode: 'always' });
    const dag = await startBackupConfigDag(stack.sim.url);
    await openTimeline(page, dag.id);
    await expect(stepRow(page, 2)).toHaveAttribute('data-state', 'failed');
    await page.getByRole('button', { name: 'Pass (skip)' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('without running it again');
    await dialog.getByRole('button', { name: 'Yes, pass (skip)' }).click();
    await expect(page.getByTestId('dag-freshness')).toContainText('Final state');
    await expect(stepRow(page, 2)).toHaveAttribute('data-state', 'passed');
    await expect(page.getByRole('group', { name: 'Actions' })).toHaveCount(0);
    expect(await posts(simControl, dag.id)).toHaveLength(1);
  });

  test('a step failing always → Cancel → cancelled, nothing more offered', async ({
    page,
    simControl,
    stack,
  }) => {
    await simControl.call('POST', 'fail', { step: 'Set backup config', mode: 'always' });
    const dag = await startBackupConfigDag(stack.sim.url);
    await openTimeline(page, dag.id);
    await expect(stepRow(page, 2)).toHaveAttribute('data-state', 'failed');
    await page.getByRole('button', { name: 'Cancel task' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Yes, cancel task' }).click();
    await expect(page.getByRole('heading', { level: 2, name: dag.name })).toBeVisible();
    await expect(page.getByTestId('dag-freshness')).toContainText('Final state');
    await expect(page).toHaveTitle(/^Cancelled · /);
    await expect(page.getByRole('group', { name: 'Actions' })).toHaveCount(0);
    expect(await posts(simControl, dag.id)).toHaveLength(1);
  });

  test("Roll back that obshell refuses shows obshell's message, and following continues", async ({
    page,
    simControl,
    stack,
  }) => {
    await simControl.call('POST', 'fail', { step: 'Set backup config', mode: 'once' });
    const dag = await startBackupConfigDag(stack.sim.url);
    await openTimeline(page, dag.id);
    await expect(stepRow(page, 2)).toHaveAttribute('data-state', 'failed');
    await page.getByRole('button', { name: 'Roll back' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Yes, roll back' }).click();
    const refusal = dialog.getByRole('alert');
    await expect(refusal).toContainText('obshell refused:');
    const sent = await posts(simControl, dag.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.status).toBe(400);
    // The polls go on after the refusal.
    const before = (await requestsTo(simControl, dagApiPath(dag.id))).length;
    await expect
      .poll(async () => (await requestsTo(simControl, dagApiPath(dag.id))).length)
      .toBeGreaterThan(before);
    await dialog.getByRole('button', { name: 'Go back' }).click();
    await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();
  });

  test('a running task offers only Cancel', async ({ page, simControl, stack }) => {
    await simControl.call('POST', 'time-scale', { scale: 5 });
    const dag = await startBackupConfigDag(stack.sim.url);
    await openTimeline(page, dag.id);
    await expect(stepRow(page, 1)).toHaveAttribute('data-state', 'running');
    await expect(page.getByRole('group', { name: 'Actions' }).getByRole('button')).toHaveText([
      'Cancel task',
    ]);
    await page.getByRole('button', { name: 'Cancel task' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Yes, cancel task' }).click();
    await expect(stepRow(page, 1)).toHaveAttribute('data-state', 'failed');
    await expect(page.getByTestId('dag-freshness')).toContainText('Final state');
  });
});
