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
import {
  expectNoSeriousA11yViolationsInBothSchemes,
  useLocaleAndScheme,
  type Locale,
} from './support/quality';

/**
 * axe-core on every screen (connection, form, review, timeline with its decision dialog, tasks) in
 * both languages and both colour schemes: no serious or critical violation. Two tests per language,
 * each walking its screens in one session; on each screen every rule runs in one scheme and the
 * colour rules in the other (the two languages start in different schemes).
 */
const locales: { locale: Locale; scheme: 'light' | 'dark' }[] = [
  { locale: 'en', scheme: 'light' },
  { locale: 'zh', scheme: 'dark' },
];

for (const { locale, scheme } of locales) {
  const zh = locale === 'zh';
  const expectNoSeriousA11yViolations = (page: Page) =>
    expectNoSeriousA11yViolationsInBothSchemes(page, scheme);

  test.describe(`accessibility (${locale}, ${scheme} then the other scheme)`, () => {
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
