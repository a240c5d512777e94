import { test, expect, INSECURE_HOST, ROOT_PASSWORD } from './fixtures';
import { simRequests, type SimRequest } from './support/sim-log';
import { openUnlocked } from './support/unlock';

const isUnfinishOk = (r: SimRequest) => r.path === '/api/v1/task/dag/unfinish' && r.status === 200;

test('agent key rotated mid-session: the next request still succeeds', async ({
  page,
  simControl,
}) => {
  await openUnlocked(page, '/backup');
  const apiLog = () => simRequests(simControl, '/api/v1/', 5_000);
  const seenBefore = (await apiLog()).length;
  await simControl.call('POST', 'rotate-key', {});
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Tasks' })
    .click();
  await expect.poll(async () => (await apiLog()).slice(seenBefore).some(isUnfinishOk)).toBe(true);
  // The first signed request after the restart fails to decrypt; the client fetches the new key
  // once and retries, so the user sees nothing of it.
  const after = (await apiLog()).slice(seenBefore);
  const refetch = after.findIndex((r) => r.path === '/api/v1/secret');
  expect(after.filter((r) => r.path === '/api/v1/secret')).toHaveLength(1);
  expect(after.slice(0, refetch).some((r) => r.status === 401)).toBe(true);
  // Requests signed with the old key before the refetch may still arrive after it (the form's
  // reads are in flight when the key turns): each of them is answered 200 when sent again.
  const unanswered = async () => {
    const log = (await apiLog()).slice(seenBefore);
    return log
      .filter((r) => r.status === 401)
      .filter((f) => !log.some((r) => r.uri === f.uri && r.status === 200 && r.time > f.time))
      .map((r) => r.uri);
  };
  await expect.poll(unanswered).toEqual([]);
  expect(
    (await apiLog()).slice(seenBefore).filter((r) => r.path === '/api/v1/secret'),
  ).toHaveLength(1);
  await expect(page.getByRole('dialog', { name: 'Sign in again' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Lock', exact: true })).toBeVisible();
});

test('agent clock 10 minutes ahead: unlock still works (skew compensated)', async ({
  page,
  simControl,
}) => {
  await simControl.call('POST', 'clock', { offsetMs: 10 * 60_000 });
  await openUnlocked(page, '/');
  await expect(page.getByText('obdemo', { exact: true })).toBeVisible();
  const info = await simRequests(simControl, '/api/v1/obcluster/info');
  expect(info.map((request) => request.status)).toEqual([200]);
});

test('password changed on the agent: a dialog over the page, then everything refetches', async ({
  page,
  simControl,
}) => {
  // The tasks page polls unfinished tasks: its next poll meets the changed password.
  await openUnlocked(page, '/tasks');
  await simControl.call('POST', 'password', { rootPassword: 'rotated-pw' });
  const dialog = page.getByRole('dialog', { name: 'Sign in again' });
  await expect(dialog).toBeVisible({ timeout: 15_000 });
  // The page is still there under the dialog.
  await expect(page.getByRole('heading', { name: 'Tasks', level: 2 })).toBeAttached();
  await expect(page).toHaveURL(/\/tasks$/);
  await dialog.getByLabel('root@sys password').fill(ROOT_PASSWORD);
  await dialog.getByRole('button', { name: 'Unlock' }).click();
  await expect(dialog.getByText('obshell refused this root@sys password')).toBeVisible();
  await expect(dialog.getByLabel('root@sys password')).toHaveValue(ROOT_PASSWORD);
  await dialog.getByLabel('root@sys password').fill('rotated-pw');
  await dialog.getByRole('button', { name: 'Unlock' }).click();
  await expect(dialog).toBeHidden();
  // Refetched with the new password: no error left on the page, and obshell answers 200 again.
  await expect(page.getByText('Could not load unfinished tasks')).toBeHidden();
  await expect(page.getByText(/^No unfinished tasks:/)).toBeVisible();
  const polls = await simRequests(simControl, '/api/v1/task/dag/unfinish');
  expect(polls.at(-1)?.status).toBe(200);
});

test('works on a plain-http, non-localhost origin (no crypto.subtle)', async ({ page, stack }) => {
  await page.goto(`http://${INSECURE_HOST}:${stack.appPort}/`);
  const context = await page.evaluate(() => ({
    secure: window.isSecureContext,
    subtle: typeof globalThis.crypto.subtle,
  }));
  expect(context).toEqual({ secure: false, subtle: 'undefined' });
  await page.getByLabel('root@sys password').fill(ROOT_PASSWORD);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByText('obdemo', { exact: true })).toBeVisible();
});

test('password changed mid-edit: re-authenticate over the form, nothing typed is lost', async ({
  page,
  simControl,
}) => {
  await openUnlocked(page, '/backup');
  const concurrency = page.getByLabel('Log archive concurrency (log_archive_concurrency)');
  await concurrency.fill('7');
  await simControl.call('POST', 'password', { rootPassword: 'rotated-pw' });
  // Reviewing reads from obshell again, which now refuses the old password.
  await page.getByRole('button', { name: 'Review 1 change' }).click();
  const reauth = page.getByRole('dialog', { name: 'Sign in again' });
  await expect(reauth).toBeVisible();
  await reauth.getByLabel('root@sys password').fill('rotated-pw');
  await reauth.getByRole('button', { name: 'Unlock' }).click();
  await expect(reauth).toBeHidden();
  await expect(concurrency).toHaveValue('7');

  const review = page.getByRole('dialog', { name: 'Review the change' });
  await review.getByLabel(/Type the cluster name/).fill('obdemo');
  await review.getByRole('button', { name: 'Apply change' }).click();
  // What the user typed before the interruption is what obshell received.
  await expect
    .poll(async () =>
      (await simRequests(simControl, '/api/v1/obcluster/backup/config')).map((r) => [
        r.status,
        r.body,
      ]),
    )
    .toEqual([[200, { log_archive_concurrency: 7 }]]);
});
