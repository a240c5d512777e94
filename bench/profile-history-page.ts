/**
 * Where the History page's time goes (not a figure: a diagnosis aid for bench/measure-history-page.ts).
 * `flock /tmp/heavy.lock npx tsx bench/profile-history-page.ts` builds the app unminified (names
 * readable), serves it over a 10,000-entry history, clicks "History" with Chromium's CPU profiler
 * and a performance trace running, and prints: the main thread's time by kind (script, style,
 * layout, paint) and the functions with the most self time, from the click to the first page's
 * rows on screen, then the same for the outcome filter.
 */
import type { CDPSession, Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, newContext } from './browser';
import { buildForProfiling, profileSummary, type CpuProfile } from './cpu-profile';
import { seedHistory } from './measure-history';
import { unlock } from './page-helpers';
import { BENCH_ROOT_PASSWORD, serveBuild, startStack } from './stack';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Inclusive time of these functions (React's phases, the page's components), where present. */
const WATCHED = [
  'renderRootSync',
  'renderRootConcurrent',
  'commitRoot',
  'commitMutationEffects',
  'commitLayoutEffects',
  'flushPassiveEffects',
  'recursivelyTraverseDeletionEffects',
  'commitPassiveUnmountEffectsInsideOfDeletedTree_begin',
  'HistoryPage',
  'HistoryFilters',
  'HistoryTable',
  'HistoryRow',
  'DataTable',
  'AppLayout',
  'parse',
];

async function profiled(cdp: CDPSession, act: () => Promise<void>) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await act();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  return profileSummary(profile, 25, WATCHED);
}

async function traced(page: Page, act: () => Promise<void>) {
  const browser = page.context().browser();
  if (!browser) throw new Error('no browser');
  await browser.startTracing(page, { categories: ['devtools.timeline'] });
  await act();
  const buffer = await browser.stopTracing();
  const trace = JSON.parse(buffer.toString()) as {
    traceEvents: { name: string; ph: string; dur?: number; tid: number; pid: number }[];
  };
  const kinds = new Map<string, number>();
  const main = trace.traceEvents.filter((e) => e.name === 'CrRendererMain' || e.ph === 'X');
  for (const e of main) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    if (
      ![
        'FunctionCall',
        'EvaluateScript',
        'v8.compile',
        'UpdateLayoutTree',
        'Layout',
        'Paint',
        'PrePaint',
        'Layerize',
        'ParseHTML',
        'RunMicrotasks',
        'TimerFire',
        'EventDispatch',
        'FireAnimationFrame',
        'ParseAuthorStyleSheet',
        'HitTest',
      ].includes(e.name)
    )
      continue;
    kinds.set(e.name, (kinds.get(e.name) ?? 0) + e.dur / 1000);
  }
  return [...kinds.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v.toFixed(1)}`);
}

async function main() {
  const outDir = await buildForProfiling(root, 'history');
  const dir = mkdtempSync(path.join(tmpdir(), 'obdash-profile-history-db-'));
  const file = path.join(dir, 'history.db');
  seedHistory(file, ['default', 'staging']).close();
  const stack = await startStack(outDir, root);
  const served = await serveBuild(root, outDir, stack.sim.url, { HISTORY_DB: file });
  const browser = await launchBrowser();
  try {
    for (const mode of ['trace', 'profile'] as const) {
      const context = await newContext(browser, served.url);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await unlock(page, 'backup', BENCH_ROOT_PASSWORD);
      const link = page.getByRole('link', { name: 'History', exact: true });
      await link.waitFor();
      await page.waitForTimeout(500);
      const firstPage = async () => {
        await link.click();
        await page.waitForFunction(
          () => document.querySelectorAll('tbody tr[data-entry]').length >= 50,
          undefined,
          { polling: 'raf' },
        );
      };
      const filter = async () => {
        await page.getByLabel('Outcome').selectOption('failed');
        await page.waitForFunction(
          () => {
            const b = [...document.querySelectorAll('tbody [data-outcome]')];
            return b.length > 0 && b.every((x) => x.getAttribute('data-outcome') === 'failed');
          },
          undefined,
          { polling: 'raf' },
        );
      };
      if (mode === 'trace') {
        console.log('first page, main thread by kind (ms):', await traced(page, firstPage));
        await page.waitForTimeout(500);
        console.log('filter, main thread by kind (ms):', await traced(page, filter));
      } else {
        const first = await profiled(cdp, firstPage);
        console.log('first page, self time by file (ms):\n' + first.files.join('\n'));
        console.log('first page, self time by function (ms):\n' + first.functions.join('\n'));
        console.log('first page, inclusive (ms):\n' + first.inclusive.join('\n'));
        await page.waitForTimeout(500);
        const filtered = await profiled(cdp, filter);
        console.log('filter, self time by file (ms):\n' + filtered.files.join('\n'));
        console.log('filter, self time by function (ms):\n' + filtered.functions.join('\n'));
        console.log('filter, inclusive (ms):\n' + filtered.inclusive.join('\n'));
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await served.close();
    await stack.close();
    rmSync(outDir, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
