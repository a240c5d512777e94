import type { Browser } from '@playwright/test';
import { newContext } from './browser';
import { failed, notBuilt, type Figure } from './figures';
import { labels } from './labels';
import { NotBuiltError, throwIfPlaceholder, unlock } from './page-helpers';
import { median, percentile, round } from './stats';
import { BENCH_ROOT_PASSWORD, simCall, type BenchStack } from './stack';

const SHOW = { id: 'form.keystrokeP95', label: 'keystroke → validation message p95' };
const CLEAR = { id: 'form.keystrokeClearP95', label: 'keystroke → validation message gone p95' };
const CYCLES = 40;

interface Timing {
  shown: number[];
  cleared: number[];
}

/**
 * In the backup form's log_archive_concurrency field (validated on change): "10" + "1" makes 101,
 * out of range, and the error shows; Backspace makes it valid again and the error goes. Each
 * latency runs from the keydown event's timestamp to the DOM commit that shows (or removes) the
 * field's error, stamped by a MutationObserver in the page — the app's own work, not the display's
 * next vsync.
 */
export async function measureKeystroke(browser: Browser, stack: BenchStack): Promise<Figure[]> {
  const context = await newContext(browser, stack.appUrl);
  try {
    await simCall(stack.sim.url, 'POST', 'reset', { rootPassword: BENCH_ROOT_PASSWORD });
    const page = await context.newPage();
    await unlock(page, '/backup', BENCH_ROOT_PASSWORD);
    const field = page.getByLabel(new RegExp(labels.formField, 'i')).first();
    try {
      await field.waitFor({ timeout: 10_000 });
    } catch (error) {
      await throwIfPlaceholder(page);
      throw error;
    }
    await field.fill('10');
    await field.focus();
    await field.press('End');
    await page.evaluate(() => {
      const input = document.activeElement as HTMLInputElement;
      const state = { lastKey: 0, invalid: false, shown: [] as number[], cleared: [] as number[] };
      (window as unknown as { __keystroke: typeof state }).__keystroke = state;
      const hasError = () => {
        if (input.getAttribute('aria-invalid') !== 'true') return false;
        const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/);
        return ids.some((id) => id.endsWith('-error') && document.getElementById(id)?.textContent);
      };
      document.addEventListener('keydown', (event) => (state.lastKey = event.timeStamp), true);
      new MutationObserver(() => {
        const now = hasError();
        if (now === state.invalid) return;
        state.invalid = now;
        (now ? state.shown : state.cleared).push(performance.now() - state.lastKey);
      }).observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
    });
    for (let i = 0; i < CYCLES; i += 1) {
      await page.keyboard.press('1');
      await page.waitForFunction(
        (n) => (window as unknown as { __keystroke: Timing }).__keystroke.shown.length > n,
        i,
      );
      await page.keyboard.press('Backspace');
      await page.waitForFunction(
        (n) => (window as unknown as { __keystroke: Timing }).__keystroke.cleared.length > n,
        i,
      );
    }
    const timing = await page.evaluate(
      () => (window as unknown as { __keystroke: Timing }).__keystroke,
    );
    const note = (values: number[]) =>
      `${values.length} keystrokes; median ${round(median(values) ?? 0)} ms, max ${round(Math.max(...values))} ms`;
    return [
      {
        ...SHOW,
        unit: 'ms',
        value: round(percentile(timing.shown, 95) ?? 0),
        budget: 16,
        note: note(timing.shown),
        samples: timing.shown.map((v) => round(v, 2)),
      },
      {
        ...CLEAR,
        unit: 'ms',
        value: round(percentile(timing.cleared, 95) ?? 0),
        note: note(timing.cleared),
      },
    ];
  } catch (error) {
    return [
      error instanceof NotBuiltError
        ? notBuilt(SHOW.id, SHOW.label, 'ms', 'backup form', 16)
        : failed(SHOW.id, SHOW.label, 'ms', error, 16),
    ];
  } finally {
    await context.close();
  }
}
