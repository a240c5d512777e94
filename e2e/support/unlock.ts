import { expect, type Page } from '@playwright/test';
import { ROOT_PASSWORD } from '../fixtures';

/** Opens `path` and unlocks with the root@sys password on the connection screen. */
export async function openUnlocked(page: Page, path = '/', password = ROOT_PASSWORD) {
  await page.goto(path);
  await page.getByLabel(/root@sys password/i).fill(password);
  await page.getByRole('button', { name: /unlock/i }).click();
  // Exact name: /lock/i alone also matches the Unlock button, which is there before unlocking.
  await expect(page.getByRole('button', { name: /^(lock|锁定)$/i })).toBeVisible();
  // The pages' layout replaced the loading shell (same header, new elements): a click before that
  // can land on a button that is being replaced and be lost (seen under load).
  await expect(page.getByRole('navigation', { name: /^(Main navigation|主导航)$/ })).toBeVisible();
}
