/**
 * The many-tenants waits on the page's own clock (not a figure: a diagnosis aid beside
 * bench/measure-many-tenants.ts). `flock /tmp/heavy.lock npx tsx bench/profile-page-clock.ts [runs]`
 * builds the app, and for 2 and 200 tenants unlocks on /backup and /status with a MutationObserver
 * stamping, by performance.now() from the Unlock click, when the form's first input appears, when
 * the form's read count goes and when the status page's read count goes. Playwright's own waits
 * poll the page and come late while its main thread is busy; these stamps do not.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from '@playwright/test';
import { callSimControl } from '../sim/control-client';
import { launchBrowser, newContext } from './browser';
import { buildForProfiling } from './cpu-profile';
import { labels } from './labels';
import { BENCH_ROOT_PASSWORD, startStack, type BenchStack } from './stack';
import { median, round } from './stats';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Stamps, ms after the click: `<name>` when the selector first matches, `<name>-gone` after. */
const WATCHED = {
  field: 'input[name="log_archive_concurrency"]',
  formCount: '[data-testid="current-config-progress"]',
  statusCount: '[data-testid="status-read-count"]',
};

async function stampsOnce(browser: Browser, stack: BenchStack, where: string) {
  const context = await newContext(browser, stack.appUrl);
  try {
    const page = await context.newPage();
    await page.addInitScript((watched: Record<string, string>) => {
      const w = window as unknown as { __stamps: Record<string, number>; __click?: number };
      w.__stamps = {};
      document.addEventListener('click', () => (w.__click ??= performance.now()), true);
      new MutationObserver(() => {
        for (const [name, selector] of Object.entries(watched)) {
          const there = document.querySelector(selector) !== null;
          if (there) w.__stamps[name] ??= performance.now();
          else if (w.__stamps[name] !== undefined) w.__stamps[`${name}-gone`] ??= performance.now();
        }
      }).observe(document, { childList: true, subtree: true });
    }, WATCHED);
    await page.goto(where);
    await page.getByLabel(new RegExp(labels.password, 'i')).fill(BENCH_ROOT_PASSWORD);
    await page.getByRole('button', { name: new RegExp(labels.unlock, 'i') }).click();
    const done = where === '/status' ? 'statusCount-gone' : 'formCount-gone';
    await page.waitForFunction(
      (name) => (window as unknown as { __stamps: Record<string, number> }).__stamps[name],
      done,
      { timeout: 120_000 },
    );
    return await page.evaluate(() => {
      const w = window as unknown as { __stamps: Record<string, number>; __click?: number };
      const click = w.__click ?? 0;
      return Object.fromEntries(Object.entries(w.__stamps).map(([k, v]) => [k, v - click]));
    });
  } finally {
    await context.close();
  }
}

async function main() {
  const runs = Number(process.argv[2] ?? 3);
  const outDir = await buildForProfiling(root, 'page-clock');
  const stack = await startStack(outDir, root);
  const browser = await launchBrowser();
  try {
    const results: Record<number, Record<string, number[]>> = {};
    for (const tenants of [2, 200]) {
      const bucket: Record<string, number[]> = {};
      results[tenants] = bucket;
      for (let run = 0; run < runs; run += 1) {
        await callSimControl(stack.sim.url, 'POST', 'reset', {
          rootPassword: BENCH_ROOT_PASSWORD,
          tenantCount: tenants,
        });
        const form = await stampsOnce(browser, stack, '/backup');
        const status = await stampsOnce(browser, stack, '/status');
        const wanted = {
          'form on screen': form.field,
          'form values read': form['formCount-gone'],
          'status page read': status['statusCount-gone'],
        };
        for (const [name, ms] of Object.entries(wanted)) {
          if (ms !== undefined) (bucket[name] ??= []).push(ms);
        }
      }
    }
    for (const name of Object.keys(results[2] ?? {})) {
      const few = median(results[2]?.[name] ?? []) ?? NaN;
      const many = median(results[200]?.[name] ?? []) ?? NaN;
      console.log(
        `${name.padEnd(18)} 2: ${round(few)} ms  200: ${round(many)} ms  ratio ${round(many / few, 2)}`,
      );
    }
  } finally {
    await browser.close();
    await stack.close();
  }
}

await main();
