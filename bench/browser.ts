import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../playwright.config';

/** The same Chromium and flags the e2e suite uses. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
}

/**
 * A fresh context per run: cold HTTP cache, empty storage, like a first visit. tsx (esbuild with
 * keepNames) wraps named functions in `__name(...)`; functions Playwright serialises into the page
 * keep those calls, so the page gets a no-op `__name` before anything else runs.
 */
export async function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    locale: 'en-US',
    viewport: { width: 1280, height: 800 },
  });
  await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  return context;
}
