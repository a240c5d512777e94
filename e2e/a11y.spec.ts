import type { Page } from '@playwright/test';
import { test, expect, ROOT_PASSWORD } from './fixtures';
import {
  combos,
  expectNoSeriousA11yViolations,
  openUnlockedIn,
  useLocaleAndScheme,
} from './support/quality';

/**
 * axe-core on every screen in both languages and both colour schemes: no serious or critical
 * violation. Each test checks first that the language and scheme really applied.
 */
for (const { locale, scheme } of combos) {
  test.describe(`accessibility (${locale}, ${scheme})`, () => {
    test.beforeEach(async ({ page }) => {
      await useLocaleAndScheme(page, locale, scheme);
    });

    const applied = async (page: Page) => {
      await expect(page.locator('html')).toHaveAttribute('lang', locale === 'zh' ? 'zh-CN' : 'en');
      await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
    };

    test('connection screen', async ({ page }) => {
      await page.goto('/backup');
      await expect(
        page.getByRole('button', { name: locale === 'zh' ? '解锁' : 'Unlock' }),
      ).toBeVisible();
      await applied(page);
      await expectNoSeriousA11yViolations(page);
    });

    test('backup form', async ({ page }) => {
      await openUnlockedIn(page, '/backup', locale, ROOT_PASSWORD);
      await applied(page);
      await expect(page.getByLabel(/log_archive_concurrency/)).toBeEditable();
      await expectNoSeriousA11yViolations(page);
    });

    test('review of a change, with a refused value next to it', async ({ page }) => {
      await openUnlockedIn(page, '/backup', locale, ROOT_PASSWORD);
      await page.getByLabel(/log_archive_concurrency/).fill('7');
      await page.getByLabel(/ha_low_thread_score/).fill('101');
      await expect(page.getByLabel(/ha_low_thread_score/)).toHaveAttribute('aria-invalid', 'true');
      await expectNoSeriousA11yViolations(page);
      await page.getByLabel(/ha_low_thread_score/).fill('');
      await page.getByRole('button', { name: /^(Review|预览)/ }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectNoSeriousA11yViolations(page);
    });

    test('timeline of a failed task, logs open', async ({ page, simControl }) => {
      const dag = await simControl.call<{ id: string }>('POST', 'dag', {
        nodes: 3,
        state: 'FAILED',
      });
      await openUnlockedIn(page, `/tasks/${dag.id}`, locale, ROOT_PASSWORD);
      await applied(page);
      await expect(
        page.getByRole('group', { name: locale === 'zh' ? '操作' : 'Actions' }),
      ).toBeVisible();
      await page
        .getByRole('button', { name: locale === 'zh' ? /显示日志/ : /show logs/i })
        .first()
        .click();
      await expectNoSeriousA11yViolations(page);
    });

    test('tasks page', async ({ page, simControl }) => {
      await simControl.call('POST', 'dag', { nodes: 2, state: 'RUNNING' });
      await openUnlockedIn(page, '/tasks', locale, ROOT_PASSWORD);
      await applied(page);
      await expect(page.getByRole('table')).toBeVisible();
      await expectNoSeriousA11yViolations(page);
    });
  });
}
