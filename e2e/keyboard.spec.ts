import { test, expect, ROOT_PASSWORD } from './fixtures';
import { backupForm, reviewDialog, shell, timeline, unlockScreen } from './support/pages';
import { tabTo } from './support/quality';

/**
 * The core flow with the keyboard only: unlock, edit, review, confirm, watch, retry. No click, no
 * fill: focus moves with Tab, text is typed, buttons are pressed with Enter.
 */
test('unlock, edit, review, confirm, watch and retry without a mouse', async ({
  page,
  simControl,
}) => {
  // The DAG moves only when the test releases it: nothing here races the simulator's clock.
  await simControl.manualClock();
  await simControl.call('POST', 'fail', { step: 'Set backup config', mode: 'once' });
  await page.goto('/backup');

  // Unlock: the password field has focus from the start.
  await expect(unlockScreen(page).password).toBeFocused();
  await page.keyboard.type(ROOT_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(shell(page).lockButton).toBeVisible();

  // Edit.
  const form = backupForm(page);
  const concurrency = form.concurrency;
  await tabTo(page, concurrency);
  await page.keyboard.type('7');
  await expect(concurrency).toHaveValue('7');

  // Review.
  await tabTo(page, form.reviewButton(1));
  await page.keyboard.press('Enter');
  const review = reviewDialog(page);
  await expect(review.dialog).toBeVisible();
  await expect(review.dialog.getByText('log_archive_concurrency').first()).toBeVisible();

  // Confirm: the cluster name is asked for (archiving goes off), focus starts there.
  await expect(review.confirmName).toBeFocused();
  await page.keyboard.type('obdemo');
  await tabTo(page, review.apply);
  await page.keyboard.press('Enter');

  // Watch: the timeline follows the DAG; its second step fails once.
  await expect(page).toHaveURL(/\/tasks\/\d+$/);
  await simControl.runUntil({ state: 'FAILED' });
  const dag = timeline(page);
  const setStep = dag.step(2);
  await expect(setStep).toContainText('Failed');

  // Retry.
  await tabTo(page, dag.retry);
  await page.keyboard.press('Enter');
  await expect(dag.retryDialog).toBeVisible();
  await tabTo(page, dag.confirmRetry);
  await page.keyboard.press('Enter');
  await expect(dag.retryDialog).toBeHidden();
  await simControl.runUntil({ state: 'SUCCEED' });
  await expect(setStep).toContainText('Succeeded');
  await expect(dag.freshness).toContainText(dag.finalState);
});

test('Escape closes the review without losing the edit', async ({ page }) => {
  await page.goto('/backup');
  // The field takes focus once the screen is up; keys typed before that are lost (a CI run lost two).
  await expect(unlockScreen(page).password).toBeFocused();
  await page.keyboard.type(ROOT_PASSWORD);
  await page.keyboard.press('Enter');
  const ha = backupForm(page).haScore;
  await tabTo(page, ha);
  await page.keyboard.type('8');
  await page.keyboard.press('Enter'); // submits the form: opens the review
  const { dialog } = reviewDialog(page);
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(ha).toHaveValue('8');
});
