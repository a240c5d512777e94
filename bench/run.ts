/**
 * `npm run bench` — builds the app, starts a real simulator and the built app, drives headless
 * Chromium and prints the figures the issue asks for (medians over repeated runs), then writes
 * bench/results.json. `npm run bench -- --check` exits 1 when a budget is missed or a budgeted
 * figure could not be measured; without --check it always exits 0.
 *
 * Options: --runs N (browser repetitions, default 5), --sim-seconds N (load duration, default 30),
 * --only a,b (groups: bundle, startup, dag, keystroke, render, tenants, sim, history).
 */
import { rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Browser } from '@playwright/test';
import { launchBrowser } from './browser';
import { bundleFailed, measureBundle, type BundleResult } from './bundle';
import { failed, formatTable, missedBudgets, withMissingBudgets, type Figure } from './figures';
import { measureDag } from './measure-dag';
import { measureHistory } from './measure-history';
import { measureHistoryPage } from './measure-history-page';
import { measureKeystroke } from './measure-keystroke';
import { measureManyTenants } from './measure-many-tenants';
import { measureRender } from './measure-render';
import { measureSimLoad } from './measure-sim-load';
import { measureStartup } from './measure-startup';
import { buildBase, startStack, type BenchStack } from './stack';

const GROUPS = [
  'bundle',
  'startup',
  'dag',
  'keystroke',
  'render',
  'tenants',
  'sim',
  'history',
] as const;
type Group = (typeof GROUPS)[number];

// The warning is about vite.config.ts's loader, not about what the bench measures; keep the output to figures.
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function options() {
  const { values } = parseArgs({
    options: {
      check: { type: 'boolean', default: false },
      runs: { type: 'string', default: '5' },
      'sim-seconds': { type: 'string', default: '30' },
      only: { type: 'string' },
    },
  });
  const runs = Number(values.runs);
  const simSeconds = Number(values['sim-seconds']);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');
  if (!(simSeconds > 0)) throw new Error('--sim-seconds must be positive');
  const only = values.only?.split(',').map((s) => s.trim());
  const unknown = only?.filter((g) => !(GROUPS as readonly string[]).includes(g));
  if (unknown?.length) throw new Error(`--only: unknown group(s) ${unknown.join(', ')}`);
  const groups = new Set<Group>((only as Group[] | undefined) ?? GROUPS);
  return { check: values.check, runs, simSeconds, groups };
}

/** Browser figures share one simulator, one server and one Chromium; a group that throws is reported, not fatal. */
async function browserFigures(
  bundle: BundleResult | null,
  groups: Set<Group>,
  runs: number,
): Promise<Figure[]> {
  const wanted = (['startup', 'dag', 'keystroke', 'render', 'tenants', 'history'] as const).filter(
    (g) => groups.has(g),
  );
  if (wanted.length === 0) return [];
  if (!bundle) return withMissingBudgets([], new Set(wanted), 'n/a (no build to serve)');
  let stack: BenchStack | undefined;
  let browser: Browser | undefined;
  const figures: Figure[] = [];
  try {
    stack = await startStack(bundle.outDir, root);
    browser = await launchBrowser();
    console.error(`bench: app served by ${stack.servedBy}`);
    for (const group of wanted) {
      console.error(`bench: ${group}…`);
      try {
        if (group === 'startup')
          figures.push(...(await measureStartup(browser, stack, runs, bundle.jsFiles)));
        if (group === 'dag') figures.push(...(await measureDag(browser, stack, runs)));
        if (group === 'keystroke') figures.push(...(await measureKeystroke(browser, stack)));
        if (group === 'render') figures.push(...(await measureRender(browser, stack)));
        if (group === 'tenants') figures.push(...(await measureManyTenants(browser, stack, runs)));
        if (group === 'history') {
          figures.push(...(await measureHistory()));
          figures.push(...(await measureHistoryPage(browser, stack, bundle.outDir, runs)));
        }
      } catch (error) {
        figures.push(
          ...withMissingBudgets([], new Set([group]), failed('', '', 'ms', error).note ?? ''),
        );
      }
    }
    return figures;
  } catch (error) {
    const simMissing = error instanceof Error && error.message.includes('simulator not built');
    const reason = simMissing
      ? 'n/a (not built: simulator)'
      : (failed('', '', 'ms', error).note ?? '');
    return withMissingBudgets(figures, new Set(wanted), reason);
  } finally {
    await browser?.close();
    await stack?.close();
  }
}

async function main() {
  const { check, runs, simSeconds, groups } = options();
  const started = Date.now();
  // Timings depend on what else the machine runs: the load is printed and saved with them.
  const loadBefore = loadavg()[0] ?? 0;
  const figures: Figure[] = [];
  let bundle: BundleResult | null = null;
  console.error('bench: building the app…');
  try {
    bundle = await measureBundle(root, buildBase(root));
    if (groups.has('bundle')) figures.push(...bundle.figures);
  } catch (error) {
    figures.push(...bundleFailed(error));
  }
  try {
    figures.push(...(await browserFigures(bundle, groups, runs)));
    if (groups.has('sim')) {
      console.error(`bench: simulator load (200 clients, ${simSeconds} s)…`);
      figures.push(...(await measureSimLoad(200, simSeconds)));
    }
  } finally {
    if (bundle) await rm(bundle.outDir, { recursive: true, force: true });
  }

  console.log(formatTable(figures));
  const machine = `${cpus().length} CPUs, 1-min load average ${loadBefore.toFixed(1)} before, ${(loadavg()[0] ?? 0).toFixed(1)} after`;
  console.log(`\n${machine}`);
  const missed = missedBudgets(figures);
  const results = {
    date: new Date().toISOString(),
    durationMs: Date.now() - started,
    runs,
    machine,
    figures,
    missedBudgets: missed.map((f) => f.id),
  };
  await writeFile(
    path.join(root, 'bench', 'results.json'),
    `${JSON.stringify(results, null, 2)}\n`,
  );
  console.log(`\nwritten bench/results.json (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  if (missed.length > 0) {
    console.log(`budgets missed or unmeasured: ${missed.map((f) => f.label).join('; ')}`);
    if (check) process.exitCode = 1;
  } else {
    console.log('every budget met');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
