import { test, expect, ROOT_PASSWORD } from './fixtures';
import { backupForm, openUnlocked } from './support/pages';
import { expectNoSeriousA11yViolations } from './support/quality';

// Issue 13 "Many tenants": the form is usable before every tenant is read. One tenant's reads are
// held by the simulator (a latency that is cleared when the test chooses, which releases them),
// so nothing here races a clock: every step waits for what the page shows.

const HELD = '/api/v1/tenant/tenant_0012/';

test('the form accepts typing while tenants are read; Review waits, then the values fill in and what was typed stays', async ({
  page,
  simControl,
}) => {
  await simControl.reset({ tenantCount: 12 });
  await simControl.call('POST', 'latency', { ms: 120_000, path: HELD });
  await openUnlocked(page, '/backup', ROOT_PASSWORD);
  const form = backupForm(page);
  const waits = page.getByTestId('review-waits-for-reads');

  await expect(waits).toContainText('reading 11 of 12 tenants');
  await expect(page.getByTestId('current-config-progress')).toContainText('11 of 12 tenants read');
  await expect(form.concurrency).toHaveValue('');
  await form.haScore.fill('35');
  await expect(form.anyReviewButton).toBeDisabled();
  await form.haScore.press('Enter');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const table = page.getByRole('table', { name: 'Current values per tenant' });
  await expect(table.getByRole('row', { name: /tenant_0012/ })).toContainText('reading…');

  await simControl.call('POST', 'latency', { ms: 0, path: HELD });
  await expect(waits).toBeHidden();
  await expect(page.getByTestId('current-config-progress')).toBeHidden();
  await expect(form.haScore).toHaveValue('35');
  await expect(form.concurrency).toHaveValue('0');
  await expect(table.getByRole('row', { name: /tenant_0012/ })).not.toContainText('reading…');
  await expect(form.reviewButton(1)).toBeEnabled();
  // The form's 24 tenant reads (most in read batches, the held ones among them): never more
  // than 4 at obshell at once.
  const stats = await simControl.call<{ peakInFlight: number }>('GET', 'stats');
  expect(stats.peakInFlight).toBeLessThanOrEqual(4);
});

test('the status page and the form share the reads: no tenant is read twice within its freshness', async ({
  page,
  simControl,
}) => {
  await simControl.reset({ tenantCount: 6 });
  await openUnlocked(page, '/status', ROOT_PASSWORD);
  await expect(page.getByTestId('status-summary')).toBeVisible();
  await expect(page.getByTestId('status-read-count')).toBeHidden();
  await page.getByRole('link', { name: 'Change the backup configuration' }).click();
  await expect(backupForm(page).concurrency).toHaveValue('0');
  const stats = await simControl.call<{ byPath: Record<string, number> }>('GET', 'stats');
  for (let i = 1; i <= 6; i += 1) {
    const tenant = `/api/v1/tenant/tenant_${String(i).padStart(4, '0')}`;
    expect(stats.byPath[`${tenant}/backup/config/storage`]).toBe(1);
    expect(stats.byPath[`${tenant}/parameters`]).toBe(1);
    expect(stats.byPath[`${tenant}/backup/tasks`]).toBeUndefined();
  }
  expect(stats.byPath['/api/v1/obcluster/backup/overview']).toBeGreaterThanOrEqual(1);
});

test('with more than 50 tenants the current values come 50 a page; the other pages are a click away, axe-clean', async ({
  page,
  simControl,
}) => {
  await simControl.reset({ tenantCount: 60 });
  await openUnlocked(page, '/backup', ROOT_PASSWORD);
  await expect(backupForm(page).concurrency).toHaveValue('0');
  const table = page.getByRole('table', { name: 'Current values per tenant' });
  await expect(page.getByText('Tenants 1–50 of 60')).toBeVisible();
  await expect(table.getByRole('row', { name: /tenant_0050/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /tenant_0051/ })).toHaveCount(0);

  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page.getByText('Tenants 51–60 of 60')).toBeVisible();
  await expect(table.getByRole('row', { name: /tenant_0060/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
