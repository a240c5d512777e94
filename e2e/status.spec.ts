import type { Page } from '@playwright/test';
import { test, expect, ROOT_PASSWORD, type SimControl } from './fixtures';
import {
  expectNoSeriousA11yViolations,
  openUnlockedIn,
  tabTo,
  useLocaleAndScheme,
} from './support/quality';
import { shell } from './support/pages';

// The status page (issue 13). Every state comes from a simulator scenario on the manual clock:
// nothing here waits for time to pass, only for what the page shows.

async function problemCluster(simControl: SimControl) {
  await simControl.reset({ clock: 'manual', tenantCount: 5 });
  await simControl.scenario({ tenant: 'tenant_0001', backup: 'failed' });
  await simControl.scenario({ tenant: 'tenant_0002', backup: 'none' });
  await simControl.scenario({ tenant: 'tenant_0003', archive: 'INTERRUPTED' });
  await simControl.scenario({ tenant: 'tenant_0004', archive_delay_s: 9000 });
}

const rows = (page: Page) => page.getByTestId('status-row');
const row = (page: Page, tenant: string) =>
  page.locator(`[data-testid="status-row"][data-tenant="${tenant}"]`);

test('first screen after unlocking: a row per tenant, problems first, summary on top', async ({
  page,
  simControl,
}) => {
  await problemCluster(simControl);
  await openUnlockedIn(page, '/', 'en', ROOT_PASSWORD);
  await expect(page).toHaveURL(/\/status$/);
  await expect(page.getByRole('heading', { name: 'Backup status', level: 2 })).toBeVisible();
  await expect(page.getByTestId('status-summary')).toHaveText('4 of 5 tenants need attention');
  await expect(rows(page)).toHaveCount(5);
  // Problems first; the healthy tenant last.
  await expect(rows(page).last()).toHaveAttribute('data-tenant', 'tenant_0005');
  await expect(row(page, 'tenant_0005')).toContainText('OK');
  await expect(row(page, 'tenant_0005')).toContainText('Archiving (DOING)');

  const failed = row(page, 'tenant_0001');
  await expect(failed).toContainText('Last backup failed');
  // The cluster-wide backup overview gives the task (status), not the job: no FULL/INC here.
  await expect(failed).toContainText('FAILED');
  await expect(failed).toContainText('result -9081 — backup data failed: no space left on device');

  await expect(row(page, 'tenant_0002')).toContainText('Never backed up');

  const interrupted = row(page, 'tenant_0003');
  await expect(interrupted).toContainText('Log archiving off');
  await expect(interrupted).toContainText('INTERRUPTED');

  const late = row(page, 'tenant_0004');
  await expect(late).toContainText('Archive delay over target');
  await expect(late).toContainText('target 120 s');

  // Destinations shown per tenant (the storage read carries no credentials; masked anyway).
  await expect(row(page, 'tenant_0005')).toContainText('Data: file:///data/ob_backup/');
  await expect(page.getByTestId('status-updated')).toHaveText(/^Updated \d+ s ago$/);
});

test('filter, sort and "only tenants that need attention"', async ({ page, simControl }) => {
  await problemCluster(simControl);
  await openUnlockedIn(page, '/status', 'en', ROOT_PASSWORD);
  await expect(page.getByTestId('status-summary')).toHaveText('4 of 5 tenants need attention');
  await page.getByRole('checkbox', { name: 'Only tenants that need attention' }).check();
  await expect(rows(page)).toHaveCount(4);
  await page.getByRole('checkbox', { name: 'Only tenants that need attention' }).uncheck();
  await page.getByLabel('Filter by tenant name').fill('0005');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toHaveAttribute('data-tenant', 'tenant_0005');
});

test('zh: summary, problems and archive states in Chinese; axe-clean', async ({
  page,
  simControl,
}) => {
  await problemCluster(simControl);
  await useLocaleAndScheme(page, 'zh', 'light');
  await openUnlockedIn(page, '/status', 'zh', ROOT_PASSWORD);
  await expect(page.getByRole('heading', { name: '备份状态', level: 2 })).toBeVisible();
  await expect(page.getByTestId('status-summary')).toHaveText('5 个租户中有 4 个需要关注');
  await expect(row(page, 'tenant_0001')).toContainText('上次备份失败');
  await expect(row(page, 'tenant_0002')).toContainText('从未备份');
  await expect(row(page, 'tenant_0003')).toContainText('INTERRUPTED');
  await expect(row(page, 'tenant_0004')).toContainText('归档延迟超过目标');
  await expect(
    page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '状态' }),
  ).toHaveAttribute('aria-current', 'page');
  await expectNoSeriousA11yViolations(page);
});

test('en dark: axe-clean; filter and nav reachable with the keyboard only', async ({
  page,
  simControl,
}) => {
  await problemCluster(simControl);
  await useLocaleAndScheme(page, 'en', 'dark');
  await openUnlockedIn(page, '/status', 'en', ROOT_PASSWORD);
  await expect(row(page, 'tenant_0001')).toContainText('Last backup failed');
  await expectNoSeriousA11yViolations(page);
  const filter = page.getByLabel('Filter by tenant name');
  await tabTo(page, filter);
  await page.keyboard.type('0002');
  await expect(rows(page)).toHaveCount(1);
  const problemsOnly = page.getByRole('checkbox', { name: 'Only tenants that need attention' });
  await tabTo(page, problemsOnly);
  await page.keyboard.press('Space');
  await expect(problemsOnly).toBeChecked();
  await tabTo(page, shell(page).backupLink);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/backup$/);
});
