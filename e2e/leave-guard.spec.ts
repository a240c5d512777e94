import { test, expect, ROOT_PASSWORD } from './fixtures';
import { backupForm, leaveDialog, openUnlocked, shell, tasksPage } from './support/pages';

/**
 * Unsent edits on the backup form are never dropped without a question, whichever way the user
 * leaves: the browser's Back and Forward buttons, an in-app link, or closing the tab.
 */

test('Back with an unsent edit asks; Stay keeps the edit, Leave goes back', async ({ page }) => {
  await openUnlocked(page, '/tasks', ROOT_PASSWORD);
  await expect(tasksPage(page).heading).toBeVisible();
  await shell(page).backupLink.click();
  const form = backupForm(page);
  await form.concurrency.fill('7');

  await page.goBack({ waitUntil: 'commit' });
  const leave = leaveDialog(page);
  await expect(leave.dialog).toBeVisible();
  await expect(page).toHaveURL(/\/backup$/);
  await leave.stay.click();
  await expect(leave.dialog).toBeHidden();
  await expect(form.concurrency).toHaveValue('7');
  await expect(page).toHaveURL(/\/backup$/);

  await page.goBack({ waitUntil: 'commit' });
  await leave.leave.click();
  await expect(tasksPage(page).heading).toBeVisible();
  await expect(page).toHaveURL(/\/tasks$/);

  // Forward to the form again: a fresh form (the edit was discarded on purpose), no question.
  await page.goForward({ waitUntil: 'commit' });
  await expect(form.concurrency).toBeEditable();
  await expect(form.concurrency).not.toHaveValue('7');
  await expect(leave.dialog).toBeHidden();
});

test('Forward with an unsent edit asks too', async ({ page }) => {
  await openUnlocked(page, '/backup', ROOT_PASSWORD);
  await shell(page).tasksLink.click();
  await expect(tasksPage(page).heading).toBeVisible();
  await page.goBack({ waitUntil: 'commit' });
  const form = backupForm(page);
  await form.concurrency.fill('7');
  await page.goForward({ waitUntil: 'commit' });
  const leave = leaveDialog(page);
  await expect(leave.dialog).toBeVisible();
  await leave.stay.click();
  await expect(form.concurrency).toHaveValue('7');
});

test('a navigation link with an unsent edit asks', async ({ page }) => {
  await openUnlocked(page, '/backup', ROOT_PASSWORD);
  const form = backupForm(page);
  await form.haScore.fill('8');
  await shell(page).tasksLink.click();
  const leave = leaveDialog(page);
  await expect(leave.dialog).toBeVisible();
  await leave.stay.click();
  await expect(form.haScore).toHaveValue('8');
  await shell(page).tasksLink.click();
  await leave.leave.click();
  await expect(tasksPage(page).heading).toBeVisible();
});

test('closing the tab with an unsent edit asks the browser to confirm', async ({ page }) => {
  await openUnlocked(page, '/backup', ROOT_PASSWORD);
  const form = backupForm(page);
  // A click first: Chromium shows the leave prompt only on a page the user interacted with.
  await form.concurrency.click();
  await form.concurrency.fill('7');
  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
  expect(page.isClosed()).toBe(false);
  await expect(form.concurrency).toHaveValue('7');
});

test('without edits, Back leaves at once', async ({ page }) => {
  await openUnlocked(page, '/tasks', ROOT_PASSWORD);
  await shell(page).backupLink.click();
  await expect(backupForm(page).concurrency).toBeEditable();
  await page.goBack({ waitUntil: 'commit' });
  await expect(tasksPage(page).heading).toBeVisible();
  await expect(leaveDialog(page).dialog).toBeHidden();
});
