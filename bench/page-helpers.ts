import type { Page } from '@playwright/test';
import type { ProbeState } from './probe';

/** Thrown when a screen still shows its "not built yet" placeholder (its feature has not landed). */
export class NotBuiltError extends Error {}

/** Waits for a probe mark; a placeholder on screen turns the timeout into NotBuiltError. */
export async function waitForMark(page: Page, name: string, timeoutMs = 10_000): Promise<number> {
  try {
    const handle = await page.waitForFunction((mark) => window.__bench?.marks[mark], name, {
      timeout: timeoutMs,
      polling: 20,
    });
    const mark = await handle.jsonValue();
    if (mark === undefined) throw new Error(`probe mark ${name} resolved without a time`);
    return mark;
  } catch (error) {
    await throwIfPlaceholder(page);
    throw error;
  }
}

export async function throwIfPlaceholder(page: Page): Promise<void> {
  const text = await page
    .locator('body')
    .innerText()
    .catch(() => '');
  const placeholder = /(\w+): not built yet/.exec(text);
  if (placeholder) throw new NotBuiltError(placeholder[1] ?? 'screen');
}

export async function marks(page: Page): Promise<ProbeState['marks']> {
  return page.evaluate(() => window.__bench?.marks ?? {});
}

/** Opens `path` on the connection screen and unlocks, as a user does. */
export async function unlock(page: Page, path: string, password: string): Promise<void> {
  await page.goto(path);
  await page.getByLabel(/root@sys password/i).fill(password, { timeout: 10_000 });
  await page.getByRole('button', { name: /^\s*unlock\s*$/i }).click();
  await page
    .getByRole('button', { name: /^\s*lock\s*$/i })
    .first()
    .waitFor({ timeout: 10_000 });
}
