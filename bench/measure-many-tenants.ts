import type { Browser } from '@playwright/test';
import { callSimControl } from '../sim/control-client';
import { newContext } from './browser';
import { failed, type Figure } from './figures';
import { labels } from './labels';
import { waitForMark } from './page-helpers';
import { installProbe, type ProbeSpec } from './probe';
import { BENCH_ROOT_PASSWORD, type BenchStack } from './stack';
import { median, round } from './stats';

/**
 * Issue 13 "Many tenants": the same three waits with 2 and with 200 user tenants in one run, as
 * ratios (200 / 2). Times run on the page's clock (bench/probe.ts) from the Unlock click to what
 * the user waits for:
 * - form usable: a backup-form input is in the DOM and enabled (accepts typing);
 * - all current values shown: the form's read count has left the DOM (every value is in);
 * - status page complete: the status page's "Read N of M" count has left the DOM.
 * 2 and 200 tenants alternate run by run, so a change in the machine's load hits both alike.
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

/** The marks of one visit (also used by bench/profile-many-tenants.ts). */
export const MANY_TENANTS_PROBE: ProbeSpec = {
  fields: [{ name: 'form', label: labels.formField }],
  clicks: [{ name: 'unlock', label: labels.unlock }],
  gone: [
    { name: 'values', selector: '[data-testid="current-config-progress"]' },
    { name: 'status', selector: '[data-testid="status-read-count"]' },
  ],
};

/** Opens `path` in a fresh tab (no cache), unlocks and returns each mark in ms after the click. */
async function visit(browser: Browser, stack: BenchStack, path: string, wanted: Key[]) {
  const context = await newContext(browser, stack.appUrl);
  try {
    const page = await context.newPage();
    await page.addInitScript(installProbe, MANY_TENANTS_PROBE);
    await page.goto(path);
    await page.getByLabel(new RegExp(labels.password, 'i')).fill(BENCH_ROOT_PASSWORD);
    await page.getByRole('button', { name: new RegExp(labels.unlock, 'i') }).click();
    const out: Partial<Record<Key, number>> = {};
    for (const key of wanted) out[key] = await waitForMark(page, key, 120_000);
    const clicked = await page.evaluate(() => window.__bench?.marks['click:unlock']);
    if (clicked === undefined) throw new Error('the Unlock click was not seen by the probe');
    for (const key of wanted) out[key] = (out[key] ?? 0) - clicked;
    return out;
  } finally {
    await context.close();
  }
}

async function timeOnce(browser: Browser, stack: BenchStack, tenants: number) {
  await callSimControl(stack.sim.url, 'POST', 'reset', {
    rootPassword: BENCH_ROOT_PASSWORD,
    tenantCount: tenants,
  });
  const form = await visit(browser, stack, '/backup', ['form', 'values']);
  // A fresh tab: the status page reads everything itself (no cache from the form).
  const status = await visit(browser, stack, '/status', ['status']);
  return { ...form, ...status };
}

export async function measureManyTenants(
  browser: Browser,
  stack: BenchStack,
  runs: number,
): Promise<Figure[]> {
  const samples: Record<number, Record<Key, number[]>> = {
    2: { form: [], values: [], status: [] },
    200: { form: [], values: [], status: [] },
  };
  try {
    for (let run = 0; run < runs; run += 1) {
      for (const tenants of [2, 200]) {
        const once = await timeOnce(browser, stack, tenants);
        for (const key of Object.keys(FIGURES) as Key[]) {
          const ms = once[key];
          if (ms !== undefined) samples[tenants]?.[key].push(ms);
        }
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
      note: `median ${round(many)} ms (200) / ${round(few)} ms (2), page clock from the Unlock click`,
    } satisfies Figure;
  });
}
