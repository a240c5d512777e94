import type { Page } from '@playwright/test';
import { test, expect, ROOT_PASSWORD } from './fixtures';
import {
  combos,
  expectNoSeriousA11yViolations,
  openUnlockedIn,
  useLocaleAndScheme,
} from './support/quality';

/**
 * axe-core on every screen (connection, form, review, timeline with its decision dialog, tasks) in
 * both languages and both colour schemes: no serious or critical violation. Two tests per
 * combination, each walking its screens in one session to keep the suite fast.
 */
for (const { locale, scheme } of combos) {
  const zh = locale === 'zh';

  test.describe(`accessibility (${locale}, ${scheme})`, () => {
    test.beforeEach(async ({ page }) => {
      await useLocaleAndScheme(page, locale, scheme);
    });

    const applied = async (page: Page) => {
      await expect(page.locator('html')).toHaveAttribute('lang', zh ? 'zh-CN' : 'en');
      await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
    };

    test('connection screen, backup form, refused value, review', async ({ page }) => {
      await page.goto('/backup');
      await expect(page.getByRole('button', { name: zh ? '解锁' : 'Unlock' })).toBeVisible();
      await applied(page);
      await expectNoSeriousA11yViolations(page);

      await openUnlockedIn(page, '/backup', locale, ROOT_PASSWORD);
      const concurrency = page.getByLabel(/log_archive_concurrency/);
      await expect(concurrency).toBeEditable();
      await expectNoSeriousA11yViolations(page);

      await concurrency.fill('7');
      await page.getByLabel(/ha_low_thread_score/).fill('101');
      await expect(page.getByLabel(/ha_low_thread_score/)).toHaveAttribute('aria-invalid', 'true');
      await expectNoSeriousA11yViolations(page);

      await page.getByLabel(/ha_low_thread_score/).fill('');
      await page.getByRole('button', { name: zh ? /^预览/ : /^Review/ }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectNoSeriousA11yViolations(page);
    });

    test('timeline of a failed task with logs and its decision dialog, tasks page', async ({
      page,
      simControl,
    }) => {
      const dag = await simControl.call<{ id: string }>('POST', 'dag', {
        nodes: 3,
        state: 'FAILED',
      });
      await openUnlockedIn(page, `/tasks/${dag.id}`, locale, ROOT_PASSWORD);
      await applied(page);
      const actions = page.getByRole('group', { name: zh ? '操作' : 'Actions' });
      await expect(actions).toBeVisible();
      await page
        .getByRole('button', { name: zh ? /显示日志/ : /show logs/i })
        .first()
        .click();
      await expectNoSeriousA11yViolations(page);

      await actions.getByRole('button', { name: zh ? '重试' : 'Retry', exact: true }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectNoSeriousA11yViolations(page);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toBeHidden();

      await page.getByRole('link', { name: zh ? '任务' : 'Tasks', exact: true }).click();
      await expect(page.getByRole('table')).toBeVisible();
      await expectNoSeriousA11yViolations(page);
    });
  });
}
