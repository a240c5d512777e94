/* eslint playwright/expect-expect: ["warn", { "assertFunctionNames": ["expectAppliedOnce", "expectEntriesIntact"] }] */
import type { Page } from '@playwright/test';
import { test, expect, type SimControl } from './fixtures';
import { simRequests } from './support/sim-log';
import { openUnlocked } from './support/unlock';

/**
 * Faults while a change is applied. Each ends with the user's entries intact and a clear message,
 * and with obshell having received the change once at most per confirm (simulator control API).
 * Faults while a task is followed are in reliability-tasks.spec.ts and timeline-polling.spec.ts.
 */

const PATCH_PATH = '/api/v1/obcluster/backup/config';
const HA = 'HA low-priority threads (ha_low_thread_score)';
const LAG = 'Archive lag target (archive_lag_target)';

/** Two edits that do not switch archiving off, so Apply needs no typed cluster name. */
async function prepareChange(page: Page) {
  await openUnlocked(page, '/backup');
  await page.getByLabel(HA).fill('9');
  await page.getByLabel(LAG, { exact: true }).fill('5m');
  await page.getByRole('button', { name: 'Review 2 changes' }).click();
  return page.getByRole('dialog', { name: 'Review the change' });
}

async function expectEntriesIntact(page: Page) {
  await expect(page.getByLabel(HA)).toHaveValue('9');
  await expect(page.getByLabel(LAG, { exact: true })).toHaveValue('5');
  await expect(page.getByLabel(`${LAG} — Unit`)).toHaveValue('m');
}

const patches = async (simControl: SimControl) =>
  (await simRequests(simControl, PATCH_PATH)).filter((r) => r.method === 'PATCH');

async function expectAppliedOnce(page: Page, simControl: SimControl) {
  await expect(page).toHaveURL(/\/tasks\/\d+$/);
  const ok = (await patches(simControl)).filter((r) => r.status === 200);
  expect(ok).toHaveLength(1);
  expect(ok[0]?.body).toEqual({ ha_low_thread_score: 9, archive_lag_target: '5m' });
}

test('a 500 answer: the review says nothing was applied, entries kept, applying again works', async ({
  page,
  simControl,
}) => {
  const dialog = await prepareChange(page);
  await simControl.call('POST', 'faults', { kind: '500', count: 1, path: PATCH_PATH });
  await dialog.getByRole('button', { name: 'Apply change' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Your entries are kept');
  await dialog.getByRole('button', { name: 'Back to editing' }).click();
  await expectEntriesIntact(page);
  await page.getByRole('button', { name: 'Review 2 changes' }).click();
  await dialog.getByRole('button', { name: 'Apply change' }).click();
  await expectAppliedOnce(page, simControl);
});

test('a dropped connection: a network message, entries kept, applying again works', async ({
  page,
  simControl,
}) => {
  const dialog = await prepareChange(page);
  await simControl.call('POST', 'faults', { kind: 'drop', count: 1, path: PATCH_PATH });
  await dialog.getByRole('button', { name: 'Apply change' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Check the connection');
  await dialog.getByRole('button', { name: 'Back to editing' }).click();
  await expectEntriesIntact(page);
  await page.getByRole('button', { name: 'Review 2 changes' }).click();
  await dialog.getByRole('button', { name: 'Apply change' }).click();
  await expectAppliedOnce(page, simControl);
});

test('5 s latency: Apply shows it is busy and cannot be sent twice, then the task opens', async ({
  page,
  simControl,
}) => {
  const dialog = await prepareChange(page);
  await simControl.call('POST', 'latency', { ms: 5_000, path: PATCH_PATH });
  const apply = dialog.getByRole('button', { name: 'Apply change' });
  await apply.click();
  await expect(apply).toBeDisabled();
  await expect(dialog.getByRole('button', { name: 'Back to editing' })).toBeDisabled();
  await expect(page).toHaveURL(/\/tasks\/\d+$/, { timeout: 15_000 });
  await expectAppliedOnce(page, simControl);
});

test('agent restarted with a new key before Apply: it still goes through, once', async ({
  page,
  simControl,
}) => {
  const dialog = await prepareChange(page);
  await simControl.call('POST', 'rotate-key', {});
  await dialog.getByRole('button', { name: 'Apply change' }).click();
  await expectAppliedOnce(page, simControl);
  // Refused under the old key (obshell never ran it), then sent once more under the new one.
  expect((await patches(simControl)).map((r) => r.status)).toEqual([401, 200]);
});

test('password changed before Apply: "Sign in again" over the form, entries kept', async ({
  page,
  simControl,
}) => {
  const dialog = await prepareChange(page);
  await simControl.call('POST', 'password', { rootPassword: 'rotated-root-pw' });
  await dialog.getByRole('button', { name: 'Apply change' }).click();
  const signIn = page.getByRole('dialog', { name: 'Sign in again' });
  await expect(signIn).toBeVisible();
  await signIn.getByLabel(/root@sys password/i).fill('rotated-root-pw');
  await signIn.getByRole('button', { name: 'Unlock' }).click();
  await expect(signIn).toBeHidden();
  // The review stays open under the sign-in, saying the change was not applied.
  await expect(dialog.getByRole('alert')).toContainText('entries are kept');
  await dialog.getByRole('button', { name: 'Back to editing' }).click();
  await expectEntriesIntact(page);
  await page.getByRole('button', { name: 'Review 2 changes' }).click();
  await dialog.getByRole('button', { name: 'Apply change' }).click();
  await expectAppliedOnce(page, simControl);
});

for (const minutes of [10, -10]) {
  test(`browser clock ${minutes > 0 ? 'ahead' : 'behind'} by 10 min: unlock and Apply work`, async ({
    page,
    simControl,
  }) => {
    await page.clock.setSystemTime(new Date(Date.now() + minutes * 60_000));
    const dialog = await prepareChange(page);
    await dialog.getByRole('button', { name: 'Apply change' }).click();
    await expectAppliedOnce(page, simControl);
  });
}

test('auth expired mid-session (agent clock jumped 10 min): Apply refreshes and goes through', async ({
  page,
  simControl,
}) => {
  const dialog = await prepareChange(page);
  await simControl.call('POST', 'clock', { offsetMs: 10 * 60_000 });
  await dialog.getByRole('button', { name: 'Apply change' }).click();
  await expectAppliedOnce(page, simControl);
  await expect(page.getByRole('dialog', { name: 'Sign in again' })).toBeHidden();
  // Whichever signed request met the jump first (the PATCH, or a read polling beside it) was
  // refused once, the client re-measured the agent's clock, and the change went through once.
  const statuses = (await patches(simControl)).map((r) => r.status);
  expect(statuses.at(-1)).toBe(200);
  expect(statuses.filter((status) => status === 200)).toHaveLength(1);
  expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(1);
  const signed = await simRequests(simControl, '/api/v1/');
  expect(signed.some((r) => r.status === 401)).toBe(true);
});

test('double click on Apply sends the change once', async ({ page, simControl }) => {
  const dialog = await prepareChange(page);
  await simControl.call('POST', 'latency', { ms: 500, path: PATCH_PATH });
  await dialog.getByRole('button', { name: 'Apply change' }).dblclick();
  await expectAppliedOnce(page, simControl);
  expect(await patches(simControl)).toHaveLength(1);
});

test('offline, then online again: a network message, entries kept, then Apply works', async ({
  page,
  context,
  simControl,
}) => {
  const dialog = await prepareChange(page);
  await context.setOffline(true);
  await dialog.getByRole('button', { name: 'Apply change' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Check the connection');
  expect(await patches(simControl)).toHaveLength(0);
  await context.setOffline(false);
  await dialog.getByRole('button', { name: 'Back to editing' }).click();
  await expectEntriesIntact(page);
  await page.getByRole('button', { name: 'Review 2 changes' }).click();
  await dialog.getByRole('button', { name: 'Apply change' }).click();
  await expectAppliedOnce(page, simControl);
});

test('a step failing in obshell: the task shows the failure and its reason, Retry ends it', async ({
  page,
  simControl,
}) => {
  await simControl.manualClock();
  await simControl.call('POST', 'fail', { step: 'Set backup config', mode: 'once' });
  const dialog = await prepareChange(page);
  await dialog.getByRole('button', { name: 'Apply change' }).click();
  await expect(page).toHaveURL(/\/tasks\/\d+$/);
  await simControl.runUntil({ state: 'FAILED' });
  const setStep = page.getByRole('listitem', { name: /^Step 2 of 2/ });
  await expect(setStep).toContainText('Failed');
  await expect(page.getByText('This task failed and waits for your decision.')).toBeVisible();
  await setStep
    .getByRole('button', { name: /Show logs/ })
    .first()
    .click();
  await expect(setStep.getByText(/maximum query timeout/).first()).toBeVisible();
  await page.getByRole('button', { name: 'Retry', exact: true }).click();
  const retryDialog = page.getByRole('dialog');
  await retryDialog.getByRole('button', { name: 'Yes, retry' }).click();
  await expect(retryDialog).toBeHidden();
  await simControl.runUntil({ state: 'SUCCEED' });
  await expect(setStep).toContainText('Succeeded');
});
