import type { Page } from '@playwright/test';
import { ROOT_PASSWORD } from '../fixtures';
import { openUnlocked as openUnlockedInLocale } from './pages';

/** Opens `path` and unlocks with the root@sys password on the connection screen (English). */
export function openUnlocked(page: Page, path = '/', password = ROOT_PASSWORD) {
  return openUnlockedInLocale(page, path, password, 'en');
}
