import { test, expect, ROOT_PASSWORD } from './fixtures';
import { tabTo } from './support/quality';

/**
 * The core flow with the keyboard only: unlock, edit, review, confirm, watch, retry. No click, no
 * fill: focus moves with Tab, text is typed, buttons are pressed with Enter.
 */
test('unlock, edit, review, confirm, watch and retry without a mouse', async ({
  page,
  simControl,
}) => {
  await simControl.call('POST', 'time-scale', { scale: 0.2 });
  await simControl.call('POST', 'fail', { step: 'Set backup config', mode: 'once' });
  await page.goto('/backup');

  // Unlock: the password field has focus from the start.
  const password = page.getByLabel(/root@sys password/i);
  await expect(password).toBeFocused();
  await page.keyboard.type(ROOT_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Lock' })).toBeVisible();

  // Edit.
  const concurrency = page.getByLabel('Log archive concurrency (log_archive_concurrency)');
  await tabTo(page, concurrency);
  await page.keyboard.type('7');
  await expect(concurrency).toHaveValue('7');

  // Review.
  const review = page.getByRole('button', { name: 'Review 1 change' });
  await tabTo(page, review);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Review the change' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('log_archive_concurrency').first()).toBeVisible();

  // Confirm: the cluster name is asked for (archiving goes off), focus starts there.
  const confirmName = dialog.getByLabel(/Type the cluster name/);
  await expect(confirmName).toBeFocused();
  await page.keyboard.type('obdemo');
  await tabTo(page, dialog.getByRole('button', { name: 'Apply change' }));
  await page.keyboard.press('Enter');

  // Watch: the timeline follows the DAG; its second step fails once.
  await expect(page).toHaveURL(/\/tasks\/\d+$/);
  const setStep = page.getByRole('listitem', { name: /^Step 2 of 2/ });
  await expect(setStep).toContainText('Failed');

  // Retry.
  await tabTo(page, page.getByRole('button', { name: 'Retry', exact: true }));
  await page.keyboard.press('Enter');
  const retryDialog = page.getByRole('dialog', { name: 'Retry?' });
  await tabTo(page, retryDialog.getByRole('button', { name: 'Yes, retry' }));
  await page.keyboard.press('Enter');
  await expect(setStep).toContainText('Succeeded');
  await expect(page.getByTestId('dag-freshness')).toContainText('Final state');
});

test('Escape closes the review without losing the edit', async ({ page }) => {
  await page.goto('/backup');
  await page.keyboard.type(ROOT_PASSWORD);
  await page.keyboard.press('Enter');
  const ha = page.getByLabel('HA low-priority threads (ha_low_thread_score)');
  await tabTo(page, ha);
  await page.keyboard.type('8');
  await page.keyboard.press('Enter'); // submits the form: opens the review
  const dialog = page.getByRole('dialog', { name: 'Review the change' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(ha).toHaveValue('8');
});
