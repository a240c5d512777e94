import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { openUnlocked, type Locale } from './pages';

export type { Locale };

/** Shared by the accessibility, keyboard, reliability and security specs (issue 7). */

export type Scheme = 'light' | 'dark';

/**
 * Language and colour scheme before the app starts: the saved locale choice (src/lib/i18n/locale.tsx,
 * not a secret) and the system preference Mantine's "auto" scheme follows.
 */
export async function useLocaleAndScheme(page: Page, locale: Locale, scheme: Scheme) {
  await page.addInitScript((saved) => {
    try {
      localStorage.setItem('obdash.locale', saved);
    } catch {
      // about:blank has no storage; the app's own origin does.
    }
  }, locale);
  // axe measures contrast as painted: a dialog still fading in reads as low contrast. Reduced
  // motion (honoured by the theme) makes what axe sees the settled screen.
  await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
}

/** The axe rules whose outcome depends on colours, the only thing a colour scheme changes. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * axe-core over the whole page (WCAG 2.x A/AA rules, or only `rules`); serious and critical
 * findings fail.
 */
export async function expectNoSeriousA11yViolations(page: Page, rules?: string[]) {
  const axe = new AxeBuilder({ page });
  const results = await (
    rules
      ? axe.withRules(rules)
      : axe.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
  ).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`),
    }));
  expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);
}

/**
 * Every rule in the scheme the page is in, then the colour rules in the other scheme (the markup
 * is the same in both, so the other rules would repeat the same answer). The page is left in the
 * scheme it started in.
 */
export async function expectNoSeriousA11yViolationsInBothSchemes(page: Page, scheme: Scheme) {
  const html = page.locator('html');
  const other: Scheme = scheme === 'light' ? 'dark' : 'light';
  await expect(html).toHaveAttribute('data-mantine-color-scheme', scheme);
  await expectNoSeriousA11yViolations(page);
  await page.emulateMedia({ colorScheme: other });
  await expect(html).toHaveAttribute('data-mantine-color-scheme', other);
  // Some controls fade their colours to the new scheme (CSS transitions that reduced motion does
  // not stop); axe would measure a colour halfway (a run saw 3.78:1 on a segmented control).
  await page.waitForFunction(() => document.getAnimations().length === 0);
  await expectNoSeriousA11yViolations(page, COLOUR_RULES);
  await page.emulateMedia({ colorScheme: scheme });
  await expect(html).toHaveAttribute('data-mantine-color-scheme', scheme);
  await page.waitForFunction(() => document.getAnimations().length === 0);
}

/** Like openUnlocked (support/unlock.ts), in either language. */
export function openUnlockedIn(page: Page, path: string, locale: Locale, password: string) {
  return openUnlocked(page, path, password, locale);
}

/**
 * Moves focus with the Tab key only (as a keyboard user does) until `target` has it; fails if it
 * is not reached within `maxPresses`, which also catches focus traps and unreachable controls.
 */
export async function tabTo(page: Page, target: Locator, maxPresses = 60) {
  for (let i = 0; i < maxPresses; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target, `not reachable with ${maxPresses} Tab presses`).toBeFocused();
}
