import type { Page } from '@playwright/test';
import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildServer } from '../server/app';
import { loadConfig } from '../server/config';
import { BASE_PATH, PASSWORD_A, expect, test, type ProdStack } from './prod-fixtures';
import { dagSchema } from '../src/lib/obshell/dag';
import { obshellNodeClient, startBackupConfigDag } from './support/obshell-node-client';
import { timeline, unlockScreen, type Locale } from './support/pages';
import { expectNoSeriousA11yViolations, useLocaleAndScheme } from './support/quality';

/**
 * Issue 15: a change applied through the production server is in History after the server
 * restarts — with who made it (from the portal's header), old → new, and how its task ended —
 * next to a task made outside the dashboard. Manual simulator clock: DAGs move only when stepped.
 */

const HA = 'HA low-priority threads (ha_low_thread_score)';
const USER_HEADER = 'X-Portal-User';

function startServer(prod: ProdStack, historyDb: string) {
  return buildServer(
    loadConfig({
      BASE_PATH,
      DIST_DIR: prod.distDir,
      LOG_LEVEL: 'silent',
      HISTORY_DB: historyDb,
      TRUSTED_USER_HEADER: USER_HEADER,
      TRUSTED_PROXIES: '127.0.0.1',
    }),
    { clusters: [{ id: 'lab', name: 'Lab cluster', url: prod.simA.url }], logger: false },
  );
}

/** The history as the server answers it (same-origin request, as the page makes it). */
async function entries(origin: string) {
  const response = await fetch(`${origin}${BASE_PATH}history/entries`, {
    headers: { 'x-obdash-request': '1', 'sec-fetch-site': 'same-origin' },
  });
  const body = (await response.json()) as {
    data: { items: { dagId: string; outcome: string; source: string }[] };
  };
  return body.data.items;
}

/** Sets HA on the open form, applies it, and returns the id of the task it started. */
async function applyHa(page: Page, value: string) {
  await page.getByLabel(HA).fill(value);
  await page.getByRole('button', { name: 'Review 1 change' }).click();
  await page
    .getByRole('dialog', { name: 'Review the change' })
    .getByRole('button', { name: 'Apply change' })
    .click();
  await expect(page).toHaveURL(new RegExp(`${BASE_PATH}tasks/\\d+$`));
  return page.url().split('/').pop() ?? '';
}

async function openHistory(page: Page, origin: string, locale: Locale) {
  await page.goto(`${origin}${BASE_PATH}history`);
  await unlockScreen(page, locale).unlock(PASSWORD_A);
  const nav = page.getByRole('navigation', {
    name: locale === 'en' ? 'Main navigation' : '主导航',
  });
  await expect(nav.getByRole('link', { name: locale === 'en' ? 'History' : '历史' })).toBeVisible();
  await expect(
    page.getByRole('heading', { name: locale === 'en' ? 'Change history' : '变更历史' }),
  ).toBeVisible();
}

test('a change applied through the server is in History after a restart, in en and zh, axe-clean', async ({
  page,
  browser,
  prod,
  controlA,
}) => {
  test.setTimeout(120_000);
  await controlA.manualClock();
  const dir = mkdtempSync(path.join(tmpdir(), 'obdash-e2e-history-'));
  const historyDb = path.join(dir, 'history.db');
  let server: FastifyInstance | undefined = await startServer(prod, historyDb);
  try {
    let origin = await server.listen({ port: 0, host: '127.0.0.1' });
    // The portal's reverse proxy (127.0.0.1, trusted) says who the user is.
    await page.setExtraHTTPHeaders({ [USER_HEADER]: 'alice' });

    await page.goto(`${origin}${BASE_PATH}backup`);
    await unlockScreen(page).unlock(PASSWORD_A);
    const dagId = await applyHa(page, '45');
    // Recorded when obshell accepted the PATCH, before the task moved at all.
    await expect.poll(async () => (await entries(origin)).map((e) => e.dagId)).toEqual([dagId]);

    await controlA.runUntil({ dag_id: dagId, state: 'SUCCEED' });
    await expect(timeline(page).freshness).toContainText(timeline(page).finalState);
    // The timeline saw the end and reported it.
    await expect.poll(async () => (await entries(origin))[0]?.outcome).toBe('succeeded');

    // A change made outside the dashboard (SDK/CLI): the History visit finds it in /task/dags/ob.
    const outside = await startBackupConfigDag(prod.simA.url, { ha_low_thread_score: 60 });
    await controlA.runUntil({ dag_id: outside.id, state: 'SUCCEED' });

    // Restart: a new server process over the same file.
    await server.close();
    server = await startServer(prod, historyDb);
    origin = await server.listen({ port: 0, host: '127.0.0.1' });

    await openHistory(page, origin, 'en');
    const table = page.getByRole('table', { name: 'Change history' });
    const mine = table.getByRole('row').filter({ hasText: 'ha_low_thread_score: 0 → 45' });
    await expect(mine).toContainText('alice');
    await expect(mine).toContainText('Succeeded');
    await expect(mine).toContainText(/took \d/);
    await expect(mine.getByRole('link', { name: `Task ${dagId}` })).toBeVisible();
    const theirs = table.getByRole('row').filter({ hasText: 'Made outside this dashboard' });
    await expect(theirs).toContainText(`Task ${outside.id}`);
    await expect(theirs).toContainText('Succeeded');
    await expect(table.getByRole('row')).toHaveCount(3); // header + two entries, newest first
    await expect(table.getByRole('row').nth(1)).toContainText('Made outside this dashboard');

    // Compare the two side by side.
    await page
      .getByRole('checkbox', { name: /^Compare entry/ })
      .first()
      .check();
    await page
      .getByRole('checkbox', { name: /^Compare entry/ })
      .last()
      .check();
    const compare = page.getByRole('region', { name: 'Two changes side by side' });
    await expect(compare.getByRole('row', { name: /ha_low_thread_score/ })).toContainText('0 → 45');
    await expectNoSeriousA11yViolations(page);

    // Filter by user (debounced): only what matches.
    await page.getByLabel('User').fill('ali');
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(table).toContainText('alice');

    // The task link is a real link under the base path, and a click opens the timeline inside
    // the app (no page load: a mark set on the window survives); Back returns to History.
    const taskLink = mine.getByRole('link', { name: `Task ${dagId}` });
    await expect(taskLink).toHaveAttribute('href', `${BASE_PATH}tasks/${dagId}`);
    await page.evaluate(() => ((window as { stayed?: boolean }).stayed = true));
    await taskLink.click();
    await expect(page).toHaveURL(new RegExp(`${BASE_PATH}tasks/${dagId}$`));
    await expect(timeline(page).freshness).toContainText(timeline(page).finalState);
    expect(await page.evaluate(() => (window as { stayed?: boolean }).stayed)).toBe(true);
    await page.goBack();
    await expect(table.getByRole('row')).toHaveCount(3);
    // Opened from the navigation: the rows are read on the click, the page waits for them.
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Tasks', exact: true }).click();
    await nav.getByRole('link', { name: 'History', exact: true }).click();
    await expect(table.getByRole('row')).toHaveCount(3);

    // Apply again: the form opens with that change's value (the current value is 60 now).
    await mine.getByRole('button', { name: 'Apply again' }).click();
    await expect(page).toHaveURL(new RegExp(`${BASE_PATH}backup$`));
    await expect(page.getByLabel(HA)).toHaveValue('45');
    await expect(page.getByRole('button', { name: 'Review 1 change' })).toBeVisible();

    // The same history in Chinese.
    const context = await browser.newContext();
    try {
      const zhPage = await context.newPage();
      await useLocaleAndScheme(zhPage, 'zh', 'light');
      await openHistory(zhPage, origin, 'zh');
      const zhTable = zhPage.getByRole('table', { name: '变更历史' });
      await expect(zhTable.getByRole('row')).toHaveCount(3);
      await expect(zhTable).toContainText('在本控制台之外发起');
      await expect(zhTable).toContainText('成功');
      await expect(zhTable).toContainText('alice');
      await expectNoSeriousA11yViolations(zhPage);
    } finally {
      await context.close();
    }
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("Apply again on a tenant entry opens that tenant's form, pre-filled, axe-clean", async ({
  page,
  prod,
  controlA,
}) => {
  test.setTimeout(90_000);
  await controlA.manualClock();
  const dir = mkdtempSync(path.join(tmpdir(), 'obdash-e2e-history-tenant-'));
  const server = await startServer(prod, path.join(dir, 'history.db'));
  try {
    const origin = await server.listen({ port: 0, host: '127.0.0.1' });
    // Applied through the tenant's own form: the entry's scope is tenant:app_tenant.
    await page.goto(`${origin}${BASE_PATH}backup?tenant=app_tenant`);
    await unlockScreen(page).unlock(PASSWORD_A);
    const tenantForm = page.getByRole('heading', {
      name: 'Backup configuration of tenant app_tenant',
    });
    await expect(tenantForm).toBeVisible();
    const dagId = await applyHa(page, '7');
    await controlA.runUntil({ dag_id: dagId, state: 'SUCCEED' });
    // Changed again outside the dashboard: the tenant's value is 60 now.
    const outside = await obshellNodeClient(prod.simA.url).request({
      method: 'PATCH',
      path: '/api/v1/tenant/app_tenant/backup/config',
      body: { ha_low_thread_score: 60 },
      schema: dagSchema,
    });
    await controlA.runUntil({ dag_id: outside.id, state: 'SUCCEED' });

    await openHistory(page, origin, 'en');
    const table = page.getByRole('table', { name: 'Change history' });
    const mine = table
      .getByRole('row')
      .filter({ hasText: 'Tenant app_tenant' })
      .filter({ hasText: 'ha_low_thread_score' })
      .filter({ has: page.getByRole('button', { name: 'Apply again' }) });
    await expect(mine).toContainText('→ 7');
    await mine.getByRole('button', { name: 'Apply again' }).click();
    // The tenant's form, not the cluster's, with the recorded value as an edit.
    await expect(page).toHaveURL(new RegExp(`${BASE_PATH}backup\\?tenant=app_tenant$`));
    await expect(tenantForm).toBeVisible();
    await expect(page.getByLabel(HA)).toHaveValue('7');
    await expect(page.getByRole('button', { name: 'Review 1 change' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
