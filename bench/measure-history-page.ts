import type { Browser, Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { newContext } from './browser';
import { failed, type Figure } from './figures';
import { BUDGET_MS, seedHistory } from './measure-history';
import { unlock } from './page-helpers';
import { median, round } from './stats';
import { BENCH_ROOT_PASSWORD, serveBuild, type BenchStack } from './stack';

const FIRST_PAGE = {
  id: 'history.firstPage',
  label: 'History page, 10,000 entries: click → first page rendered',
};
const FILTER = {
  id: 'history.filter',
  label: 'History page, 10,000 entries: outcome filter → rows rendered',
};

/** Checked on every animation frame: the page's clock at the first frame where `ready` holds. */
async function paintedWhen(page: Page, ready: () => number): Promise<number> {
  const handle = await page.waitForFunction(ready, undefined, { polling: 'raf', timeout: 10_000 });
  return handle.jsonValue();
}

/** The page's clock when the next `type` event reaches the document (the user's action itself). */
function nextEvent(page: Page, type: string): Promise<void> {
  return page.evaluate((name) => {
    const w = window as unknown as { __benchEvent?: number };
    delete w.__benchEvent;
    document.addEventListener(name, () => (w.__benchEvent = performance.now()), {
      capture: true,
      once: true,
    });
  }, type);
}
const eventTime = (page: Page) =>
  page.evaluate(() => (window as unknown as { __benchEvent?: number }).__benchEvent ?? NaN);

/**
 * The History page as users get it (built app, production server, a history file of 10,000
 * entries): from the click on "History" in the navigation to the first page's rows on screen
 * (lazy chunk, GET, render), then from picking an outcome filter to the filtered rows. A fresh
 * context per run: cold chunk cache and query cache, like a first visit.
 */
export async function measureHistoryPage(
  browser: Browser,
  stack: BenchStack,
  outDir: string,
  runs: number,
): Promise<Figure[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'obdash-bench-history-page-'));
  const file = path.join(dir, 'history.db');
  seedHistory(file, ['default', 'staging']).close();
  const served = await serveBuild(stack.root, outDir, stack.sim.url, { HISTORY_DB: file });
  const first: number[] = [];
  const filtered: number[] = [];
  const chunks: number[] = [];
  const gets: number[] = [];
  try {
    for (let run = 0; run < runs; run += 1) {
      const context = await newContext(browser, served.url);
      try {
        const page = await context.newPage();
        await unlock(page, 'backup', BENCH_ROOT_PASSWORD);
        const link = page.getByRole('link', { name: 'History', exact: true });
        await link.waitFor();
        // Playwright makes its page-side poller (a large injected script, 10–25 ms to evaluate on
        // the page's main thread) on the first waitForFunction: made here, before the click, it
        // is not counted as the page's time. The filter figure below always had it made already.
        await page.waitForFunction(() => true);
        await nextEvent(page, 'click');
        await link.click();
        const shown = await paintedWhen(page, () =>
          document.querySelectorAll('tbody tr[data-entry]').length >= 50 ? performance.now() : 0,
        );
        const clicked = await eventTime(page);
        first.push(round(shown - clicked, 1));
        // Where the time went: when the page chunk and the GET had arrived, after the click.
        const [chunk, get] = await page.evaluate((from) => {
          const all = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
          const took = (match: (name: string) => boolean) =>
            (all.find((e) => match(e.name))?.responseEnd ?? Number.NaN) - from;
          return [
            took((name) => /history-page[^/]*\.js$/.test(name)),
            took((name) => name.includes('/history/entries')),
          ];
        }, clicked);
        chunks.push(round(chunk, 1));
        gets.push(round(get, 1));

        await nextEvent(page, 'change');
        await page.getByLabel('Outcome').selectOption('failed');
        const picked = await eventTime(page);
        const done = await paintedWhen(page, () => {
          const badges = [...document.querySelectorAll('tbody [data-outcome]')];
          const all = badges.every((b) => b.getAttribute('data-outcome') === 'failed');
          return badges.length > 0 && all ? performance.now() : 0;
        });
        filtered.push(round(done - picked, 1));
      } finally {
        await context.close();
      }
    }
    const note = `median of ${runs}`;
    const part = (values: number[]) => median(values.filter(Number.isFinite))?.toFixed(0) ?? '?';
    return [
      {
        ...FIRST_PAGE,
        unit: 'ms',
        value: median(first) ?? null,
        budget: BUDGET_MS,
        samples: first,
        note: `${note}; chunk in at ${part(chunks)} ms, rows at ${part(gets)} ms`,
      },
      {
        ...FILTER,
        unit: 'ms',
        value: median(filtered) ?? null,
        budget: BUDGET_MS,
        samples: filtered,
        note,
      },
    ];
  } catch (error) {
    return [
      failed(FIRST_PAGE.id, FIRST_PAGE.label, 'ms', error, BUDGET_MS),
      failed(FILTER.id, FILTER.label, 'ms', error, BUDGET_MS),
    ];
  } finally {
    await served.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
