import type { Page } from '@playwright/test';
import { test, expect, ROOT_PASSWORD } from './fixtures';
import {
  backupForm,
  openUnlocked,
  shell,
  tasksPage,
  timeline,
  unlockScreen,
} from './support/pages';
import { combos, expectNoSeriousA11yViolations, useLocaleAndScheme } from './support/quality';

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
      await expect(unlockScreen(page, locale).unlockButton).toBeVisible();
      await applied(page);
      await expectNoSeriousA11yViolations(page);

      await openUnlocked(page, '/backup', ROOT_PASSWORD, locale);
      const form = backupForm(page, locale);
      await expect(form.concurrency).toBeEditable();
      await expectNoSeriousA11yViolations(page);

      await form.concurrency.fill('7');
      await form.haScore.fill('101');
      await expect(form.haScore).toHaveAttribute('aria-invalid', 'true');
      await expectNoSeriousA11yViolations(page);

      await form.haScore.fill('');
      await form.anyReviewButton.click();
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
      await openUnlocked(page, `/tasks/${dag.id}`, ROOT_PASSWORD, locale);
      await applied(page);
      const dagView = timeline(page, locale);
      await expect(dagView.actions).toBeVisible();
      await dagView.showLogs.first().click();
      await expectNoSeriousA11yViolations(page);

      await dagView.retry.click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectNoSeriousA11yViolations(page);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toBeHidden();

      await shell(page, locale).tasksLink.click();
      await expect(tasksPage(page, locale).table).toBeVisible();
      await expectNoSeriousA11yViolations(page);
    });
  });
}
