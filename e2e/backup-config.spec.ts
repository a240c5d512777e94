import type { Page } from '@playwright/test';
import { z } from 'zod';
import { createObshellClient } from '../src/lib/obshell/client';
import { devTest, expect, ROOT_PASSWORD, test, type SimControl } from './fixtures';
import { startBackupConfigDag } from './support/obshell-node-client';
import { simRequests } from './support/sim-log';
import { openUnlocked } from './support/unlock';

/**
 * The backup configuration form to the simulator: what obshell receives (read back, decrypted, from
 * the simulator's control API) is exactly the fields the user changed. The seed page's example goes
 * through Vite's dev proxy (`npm run dev`, `devTest`); the rest run the production build, as every
 * other spec does, because the dev server compiles each module on first request and made these
 * tests the slowest of the suite.
 */
const PATCH_PATH = '/api/v1/obcluster/backup/config';
const L = {
  path: 'Directory',
  concurrency: 'Log archive concurrency (log_archive_concurrency)',
  ha: 'HA low-priority threads (ha_low_thread_score)',
  binding: 'Archive priority (binding)',
  piece: 'Piece switch interval (piece_switch_interval)',
  lag: 'Archive lag target (archive_lag_target)',
  recovery: 'Recovery window (recovery_window)',
};

const ZH: Record<string, string> = {
  [L.ha]: '高可用低优先级线程数（ha_low_thread_score）',
  [L.piece]: 'Piece 切换周期（piece_switch_interval）',
  [L.lag]: '归档延迟目标（archive_lag_target）',
  [L.path]: '目录',
};

/** Unlocks in either language (openUnlocked matches the English labels only). */
async function unlock(page: Page, locale: 'en' | 'zh') {
  if (locale === 'en') return openUnlocked(page, '/backup');
  await page.addInitScript(() => localStorage.setItem('obdash.locale', 'zh'));
  await page.goto('/backup');
  await page.getByLabel(/root@sys/).fill(ROOT_PASSWORD);
  await page.getByRole('button', { name: '解锁' }).click();
  await expect(page.getByRole('button', { name: '锁定' })).toBeVisible();
}

async function patchesReceived(simControl: SimControl) {
  return (await simRequests(simControl, PATCH_PATH)).filter((r) => r.method === 'PATCH');
}

async function review(page: Page, count: number) {
  await page
    .getByRole('button', { name: `Review ${count} change${count === 1 ? '' : 's'}` })
    .click();
  return page.getByRole('dialog', { name: 'Review the change' });
}

test('only the changed fields are sent, and the task opens', async ({ page, simControl }) => {
  await openUnlocked(page, '/backup');
  await page.getByLabel(L.ha).fill('35');
  await page.getByLabel(L.lag, { exact: true }).fill('5');
  // Same value in other words is no change: 24h = the current 1d.
  await page.getByLabel(L.piece, { exact: true }).fill('24h');
  await page.getByLabel(L.piece, { exact: true }).blur();
  const dialog = await review(page, 2);
  await expect(dialog.getByRole('table', { name: 'What will change' })).toContainText('0 → 35');
  await expect(dialog.getByRole('table', { name: 'What will change' })).toContainText('2m → 5m');
  await dialog.getByRole('button', { name: 'Apply change' }).click();
  await expect(page).toHaveURL(/\/tasks\/\d+$/);
  const received = await patchesReceived(simControl);
  expect(received).toHaveLength(1);
  expect(received[0]?.status).toBe(200);
  expect(received[0]?.body).toEqual({ ha_low_thread_score: 35, archive_lag_target: '5m' });
});

devTest(
  'the seed page’s request example goes through the dev proxy (normalized like obshell does)',
  async ({ page, simControl }) => {
    await openUnlocked(page, '/backup');
    // The seed's 'file://data/backup' is relative: obshell's check step refuses it (contract rev. 2).
    await page.getByLabel(L.path).fill('/data/backup');
    await page.getByLabel(L.concurrency).fill('100');
    await page.getByLabel(L.binding).selectOption('MANDATORY');
    await page.getByLabel(L.ha).fill('35');
    await page.getByLabel(L.piece, { exact: true }).fill('6d');
    await page.getByLabel(L.lag, { exact: true }).fill('2h');
    await page.getByRole('switch', { name: /Replace the delete policy/ }).check();
    await page.getByLabel(L.recovery, { exact: true }).fill('5d');
    const dialog = await review(page, 7);
    await expect(dialog).toContainText('Log archiving will be switched OFF for every user tenant');
    await expect(dialog).toContainText('Running data backups will be stopped');
    await expect(dialog).toContainText('The existing delete policy will be dropped');
    const apply = dialog.getByRole('button', { name: 'Apply change' });
    await expect(apply).toBeDisabled();
    await dialog.getByLabel('Type the cluster name “obdemo” to confirm').fill('obdemo');
    await apply.click();
    await expect(page).toHaveURL(/\/tasks\/\d+$/);
    const received = await patchesReceived(simControl);
    expect(received.map((r) => r.status)).toEqual([200]);
    expect(received[0]?.body).toEqual({
      backup_base_uri: 'file:///data/backup',
      log_archive_concurrency: 100,
      binding: 'MANDATORY',
      ha_low_thread_score: 35,
      piece_switch_interval: '6d',
      archive_lag_target: '2h',
      delete_policy: { policy: 'default', recovery_window: '5d' },
    });
  },
);

/**
 * The form pre-checks every rule obshell has, so a real rejection cannot be provoked by typing. Each
 * case sends the offending body to the simulator from Node (getting obshell's own envelope, in the
 * page's language), then answers the page's PATCH with that envelope.
 */
const rejections = [
  {
    body: { ha_low_thread_score: 101 },
    field: L.ha,
    en: 'obshell: must be between 0 and 100.',
    zh: 'obshell：必须在 0 和 100 之间。',
  },
  {
    body: { backup_base_uri: 'file:///x', piece_switch_interval: '200h' },
    field: L.piece,
    en: 'obshell: must be between 24h and 168h.',
    zh: 'obshell：必须在 24h 和 168h 之间。',
  },
  {
    body: { backup_base_uri: 's3://b?host=h', archive_lag_target: '30s' },
    field: L.lag,
    en: 'obshell: must be at least 1m for S3.',
    zh: 'obshell：S3 目的地至少为 1m。',
  },
  {
    body: { backup_base_uri: 'hdfs://x' },
    field: L.path,
    en: 'obshell: invalid storage URI',
    zh: 'obshell：存储路径非法',
  },
];

for (const locale of ['en', 'zh'] as const) {
  test(`server rejections land on their fields (${locale})`, async ({
    page,
    stack,
    simControl,
  }) => {
    await unlock(page, locale);
    for (const [index, { body, field, en, zh }] of rejections.entries()) {
      const envelope = await fetchRejection(stack.sim.url, body, locale);
      expect(envelope.status).toBe(400);
      await page.route('**/api/v1/obcluster/backup/config', (route) =>
        route.fulfill({
          status: 400,
          contentType: 'application/json',
          body: JSON.stringify(envelope),
        }),
      );
      // A harmless valid change so the form can be submitted at all.
      const ha = page.getByLabel(
        locale === 'en' ? L.ha : '高可用低优先级线程数（ha_low_thread_score）',
      );
      await ha.fill(String(10 + index));
      await page
        .getByRole('button', { name: locale === 'en' ? /^Review \d+ change/ : /^预览 \d+ 项修改/ })
        .click();
      const dialog = page.getByRole('dialog');
      await dialog
        .getByRole('button', { name: locale === 'en' ? 'Apply change' : '应用变更' })
        .click();
      await expect(dialog).toBeHidden();
      const target = page.getByLabel(locale === 'en' ? field : (ZH[field] ?? ''), { exact: true });
      await expect(target).toHaveAccessibleDescription(
        new RegExp(escape(locale === 'en' ? en : zh)),
      );
      await page.unroute('**/api/v1/obcluster/backup/config');
    }
    // Only the probes sent from Node reached obshell; the page's PATCHes were answered by the route.
    const received = await patchesReceived(simControl);
    expect(received.map((r) => r.status)).toEqual(rejections.map(() => 400));
  });
}

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function fetchRejection(simUrl: string, body: Record<string, unknown>, locale: 'en' | 'zh') {
  let captured: unknown;
  const client = createObshellClient({
    apiBase: simUrl,
    getCredentials: () => ({ rootPassword: ROOT_PASSWORD }),
    getLocale: () => locale,
    fetchImpl: async (input, init) => {
      const response = await fetch(input, init);
      if (init?.method === 'PATCH') captured = await response.clone().json();
      return response;
    },
  });
  await client
    .request({ method: 'PATCH', path: PATCH_PATH, body, schema: z.unknown() })
    .catch(() => undefined);
  return captured as { status: number };
}

test('401 mid-submit: sign in again over the review, apply, obshell gets the change once', async ({
  page,
  simControl,
}) => {
  await openUnlocked(page, '/backup');
  await page.getByLabel(L.path).fill('/data/new_backup');
  await page.getByLabel(L.binding).selectOption('MANDATORY');
  const dialog = await review(page, 2);
  await dialog.getByLabel('Type the cluster name “obdemo” to confirm').fill('obdemo');
  await simControl.call('POST', 'password', { rootPassword: 'changed-pw' });
  await dialog.getByRole('button', { name: 'Apply change' }).click();
  const signIn = page.getByRole('dialog', { name: 'Sign in again' });
  await signIn.getByLabel(/root@sys password/i).fill('changed-pw');
  await signIn.getByRole('button', { name: 'Unlock' }).click();
  await expect(signIn).toBeHidden();
  await expect(dialog.getByRole('alert').filter({ hasText: 'not applied' })).toContainText(
    'Unlock again; your entries are kept',
  );
  // Nothing was lost underneath: the typed name and the form's values.
  await expect(dialog.getByLabel('Type the cluster name “obdemo” to confirm')).toHaveValue(
    'obdemo',
  );
  await dialog.getByRole('button', { name: 'Apply change' }).click();
  await expect(page).toHaveURL(/\/tasks\/\d+$/);
  const received = await patchesReceived(simControl);
  expect(received.map((r) => r.status)).toEqual([401, 200]);
  expect(received[1]?.body).toEqual({
    backup_base_uri: 'file:///data/new_backup',
    binding: 'MANDATORY',
  });
});

test('unsaved edits: leaving through the navigation asks first; staying keeps them', async ({
  page,
}) => {
  await openUnlocked(page, '/backup');
  await page.getByLabel(L.ha).fill('12');
  await page.getByRole('link', { name: 'Tasks' }).click();
  const ask = page.getByRole('dialog', { name: 'Leave without applying?' });
  await ask.getByRole('button', { name: 'Stay', exact: true }).click();
  await expect(page).toHaveURL(/\/backup$/);
  await expect(page.getByLabel(L.ha)).toHaveValue('12');
  await page.getByRole('link', { name: 'Tasks' }).click();
  await ask.getByRole('button', { name: 'Leave and discard' }).click();
  await expect(page).toHaveURL(/\/tasks$/);
});

test('a background refresh never overwrites what the user is typing', async ({
  page,
  stack,
  simControl,
}) => {
  await simControl.reset({ clock: 'manual' });
  // The browser's clock too: the form's reads stay fresh for 30 s, and the test jumps past that
  // instead of waiting it out.
  await page.clock.install();
  await openUnlocked(page, '/backup');
  // The form is editable while the tenants are read; this test is about a later refresh, so it
  // types once the current values are in.
  await expect(page.getByLabel(L.ha)).toHaveValue('0');
  await page.getByLabel(L.ha).fill('12');
  // Someone else changes the cluster meanwhile; the page refetches when the tab becomes visible again.
  await startBackupConfigDag(stack.sim.url, { ha_low_thread_score: 40 });
  await simControl.runUntil({ state: 'SUCCEED' });
  const state = await simControl.call<{ tenants: { parameters: Record<string, string> }[] }>(
    'GET',
    'state',
  );
  expect(state.tenants.map((t) => t.parameters.ha_low_thread_score)).toContain('40');
  await page.clock.fastForward('00:31');
  await expect
    .poll(
      async () => {
        await page.evaluate(() => window.dispatchEvent(new Event('visibilitychange')));
        return page.getByText('The current values changed on the server').count();
      },
      { timeout: 30_000 },
    )
    .toBe(1);
  await expect(page.getByLabel(L.ha)).toHaveValue('12');
});
