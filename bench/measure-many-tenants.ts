import type { Browser, Page } from '@playwright/test';
import { callSimControl } from '../sim/control-client';
import { newContext } from './browser';
import { failed, type Figure } from './figures';
import { labels } from './labels';
import { BENCH_ROOT_PASSWORD, type BenchStack } from './stack';
import { median, round } from './stats';

/**
 * Issue 13 "Many tenants": the same three waits with 2 and with 200 user tenants in one run, as
 * ratios (200 / 2). Times run from the Unlock click to what the user waits for:
 * - form usable: a backup-form input accepts typing;
 * - all current values shown: the form's read count is gone and the current-values table is shown;
 * - status page complete: every status row read (the "Read N of M" count is gone).
 */
const FIGURES = {
  form: {
    id: 'manyTenants.formUsable',
    label: '200 vs 2 tenants: form usable (ratio)',
    budget: 1.3,
  },
  values: {
    id: 'manyTenants.allValues',
    label: '200 vs 2 tenants: all current values shown (ratio)',
    budget: 2.5,
  },
  status: {
    id: 'manyTenants.statusComplete',
    label: '200 vs 2 tenants: status page complete (ratio)',
    budget: 2.5,
  },
} as const;
type Key = keyof typeof FIGURES;

async function unlockAt(page: Page, path: string): Promise<number> {
  await page.goto(path);
  await page.getByLabel(new RegExp(labels.password, 'i')).fill(BENCH_ROOT_PASSWORD);
  const started = Date.now();
  await page.getByRole('button', { name: new RegExp(labels.unlock, 'i') }).click();
  return started;
}

async function timeOnce(browser: Browser, stack: BenchStack, tenants: number) {
  await callSimControl(stack.sim.url, 'POST', 'reset', {
    rootPassword: BENCH_ROOT_PASSWORD,
    tenantCount: tenants,
  });
  const out: Record<Key, number> = { form: 0, values: 0, status: 0 };
  const context = await newContext(browser, stack.appUrl);
  try {
    const page = await context.newPage();
    const started = await unlockAt(page, '/backup');
    const field = page.getByLabel(new RegExp(labels.formField, 'i')).first();
    await field.waitFor({ state: 'visible', timeout: 120_000 });
    await page.waitForFunction(
      (el) => el instanceof HTMLInputElement && !el.disabled,
      await field.elementHandle(),
      { timeout: 120_000, polling: 20 },
    );
    out.form = Date.now() - started;
    await page
      .getByTestId('current-config-progress')
      .waitFor({ state: 'detached', timeout: 120_000 });
    out.values = Date.now() - started;
  } finally {
    await context.close();
  }
  // A fresh tab: the status page reads everything itself (no cache from the form).
  const statusContext = await newContext(browser, stack.appUrl);
  try {
    const page = await statusContext.newPage();
    const started = await unlockAt(page, '/status');
    await page.getByTestId('status-summary').waitFor({ timeout: 120_000 });
    await page.getByTestId('status-read-count').waitFor({ state: 'detached', timeout: 120_000 });
    out.status = Date.now() - started;
  } finally {
    await statusContext.close();
  }
  return out;
}

export async function measureManyTenants(
  browser: Browser,
  stack: BenchStack,
  runs: number,
): Promise<Figure[]> {
  const samples: Record<number, Record<Key, number[]>> = {};
  try {
    for (const tenants of [2, 200]) {
      const bucket: Record<Key, number[]> = { form: [], values: [], status: [] };
      samples[tenants] = bucket;
      for (let run = 0; run < runs; run += 1) {
        const once = await timeOnce(browser, stack, tenants);
        for (const key of Object.keys(FIGURES) as Key[]) bucket[key].push(once[key]);
      }
    }
  } catch (error) {
    return (Object.keys(FIGURES) as Key[]).map((key) =>
      failed(FIGURES[key].id, FIGURES[key].label, 'ratio', error, FIGURES[key].budget),
    );
  } finally {
    // Later groups expect the default cluster.
    await callSimControl(stack.sim.url, 'POST', 'reset', { rootPassword: BENCH_ROOT_PASSWORD });
  }
  return (Object.keys(FIGURES) as Key[]).map((key) => {
    const few = median(samples[2]?.[key] ?? []) ?? 0;
    const many = median(samples[200]?.[key] ?? []) ?? 0;
    return {
      ...FIGURES[key],
      unit: 'ratio',
      value: few > 0 ? round(many / few, 2) : null,
      note: `median ${round(many)} ms (200) / ${round(few)} ms (2)`,
    } satisfies Figure;
  });
}
