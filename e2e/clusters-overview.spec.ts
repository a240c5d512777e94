import type { Page } from '@playwright/test';
import type { SimControl } from './fixtures';
import { BASE_PATH, PASSWORD_A, PASSWORD_B, expect, test } from './prod-fixtures';
import { clustersOverview, unlockScreen, type Locale } from './support/pages';
import { expectNoSeriousA11yViolations, tabTo, useLocaleAndScheme } from './support/quality';
import { simRequests } from './support/sim-log';

// The clusters overview on the status page (issue 13): the production server with two simulators
// as two clusters (e2e/prod-fixtures.ts). Every state comes from scenarios on the manual clock;
// the spec waits only for what the page shows.

const SHANGHAI = 'Shanghai prod';
const HANGZHOU = 'Hangzhou DR';

/** Shanghai: 3 tenants, one whose last backup failed. Hangzhou: 2 tenants, both with a problem. */
async function twoClusters(controlA: SimControl, controlB: SimControl) {
  await controlA.call('POST', 'reset', {
    rootPassword: PASSWORD_A,
    clock: 'manual',
    tenantCount: 3,
  });
  await controlA.scenario({ tenant: 'tenant_0001', backup: 'failed' });
  await controlB.call('POST', 'reset', { rootPassword: PASSWORD_B, clock: 'manual' });
  await controlB.scenario({ tenant: 'app_tenant', backup: 'none' });
  await controlB.scenario({ tenant: 'report_tenant', archive: 'INTERRUPTED' });
}

const pageSummary = (page: Page) => page.getByTestId('status-summary');
const cardSummary = (overview: ReturnType<typeof clustersOverview>, name: string) =>
  overview.card(name).getByTestId('cluster-status-summary');

async function openAndUnlockShanghai(page: Page, origin: string, locale: Locale) {
  await page.goto(`${origin}${BASE_PATH}`);
  await unlockScreen(page, locale).unlock(PASSWORD_A);
  await expect(page).toHaveURL(new RegExp(`${BASE_PATH}status$`));
}

test('one unlocked, one locked; switch with the keyboard, unlock, both summaries', async ({
  page,
  prod,
  controlA,
  controlB,
}) => {
  await twoClusters(controlA, controlB);
  await useLocaleAndScheme(page, 'en', 'light');
  await openAndUnlockShanghai(page, prod.origin, 'en');
  const overview = clustersOverview(page);
  const l = overview.labels;

  await expect(pageSummary(page)).toHaveText('1 of 3 tenants needs attention');
  await expect(cardSummary(overview, SHANGHAI)).toHaveText('1 of 3 tenants needs attention');
  await expect(overview.card(SHANGHAI)).toContainText(l.onScreen);
  await expect(overview.card(SHANGHAI)).toContainText(l.unlocked);
  const hangzhou = overview.card(HANGZHOU);
  await expect(hangzhou).toContainText(l.locked);
  await expect(hangzhou).toContainText(l.lockedHint);
  await expect(hangzhou.getByTestId('cluster-status-summary')).toHaveCount(0);
  // No password is asked for on this page, and the locked cluster is not read at all.
  await expect(page.getByLabel('root@sys password')).toHaveCount(0);
  expect(await simRequests(controlB, '/api/v1/tenant')).toEqual([]);
  await expectNoSeriousA11yViolations(page);

  // Keyboard only: reach the switch, press it, type the password on the connection screen.
  const toHangzhou = overview.switchToUnlock(HANGZHOU);
  await tabTo(page, toHangzhou);
  await page.keyboard.press('Enter');
  const password = unlockScreen(page).password;
  await expect(password).toBeFocused();
  await expect(page.getByRole('textbox', { name: 'Cluster' })).toHaveValue(HANGZHOU);
  await page.keyboard.type(PASSWORD_B);
  await page.keyboard.press('Enter');

  // Still the status page, now of Hangzhou, with both clusters summarised above it.
  await expect(page).toHaveURL(new RegExp(`${BASE_PATH}status$`));
  await expect(pageSummary(page)).toHaveText('2 of 2 tenants need attention');
  await expect(cardSummary(overview, HANGZHOU)).toHaveText('2 of 2 tenants need attention');
  await expect(overview.card(HANGZHOU)).toContainText(l.onScreen);
  await expect(cardSummary(overview, SHANGHAI)).toHaveText('1 of 3 tenants needs attention');
  await expect(overview.card(SHANGHAI)).toContainText(l.unlocked);
  await overview.region.screenshot({ path: '/tmp/clusters-overview.png' });

  // Back to Shanghai: already unlocked, its table at once, no password asked.
  await overview.switchTo(SHANGHAI).click();
  await expect(pageSummary(page)).toHaveText('1 of 3 tenants needs attention');
  await expect(page.getByRole('textbox', { name: 'Cluster' })).toHaveValue(SHANGHAI);
  await expect(overview.card(SHANGHAI)).toContainText(l.onScreen);
  await expect(cardSummary(overview, HANGZHOU)).toHaveText('2 of 2 tenants need attention');
});

test('zh, dark: the overview in Chinese, axe-clean', async ({ page, prod, controlA, controlB }) => {
  await twoClusters(controlA, controlB);
  await useLocaleAndScheme(page, 'zh', 'dark');
  await openAndUnlockShanghai(page, prod.origin, 'zh');
  const overview = clustersOverview(page, 'zh');
  const l = overview.labels;
  await expect(cardSummary(overview, SHANGHAI)).toHaveText('3 个租户中有 1 个需要关注');
  await expect(overview.card(HANGZHOU)).toContainText(l.lockedHint);
  await expectNoSeriousA11yViolations(page);

  await overview.switchToUnlock(HANGZHOU).click();
  await unlockScreen(page, 'zh').unlock(PASSWORD_B);
  await expect(cardSummary(overview, HANGZHOU)).toHaveText('2 个租户中有 2 个需要关注');
  await expect(cardSummary(overview, SHANGHAI)).toHaveText('3 个租户中有 1 个需要关注');
  await expect(overview.card(HANGZHOU)).toContainText(l.onScreen);
  await expectNoSeriousA11yViolations(page);
});

test('one cluster configured: no overview', async ({ page, prod }) => {
  await page.goto(`${prod.singleOrigin}${BASE_PATH}`);
  await unlockScreen(page).unlock(PASSWORD_A);
  await expect(pageSummary(page)).toHaveText(/of 2 tenants/);
  await expect(clustersOverview(page).region).toHaveCount(0);
});
