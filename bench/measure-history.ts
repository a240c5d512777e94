import Fastify from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NewEntryBody, Outcome } from '../server/history/entry-schema';
import { registerHistoryRoutes } from '../server/history/history-routes';
import { openHistoryStore } from '../server/history/history-store';
import { failed, type Figure } from './figures';
import { median, round } from './stats';

const ENTRIES = 10_000;
/** Issue 15: first page and a filtered page, each ≤ 100 ms. */
export const BUDGET_MS = 100;
const RUNS = 25;
const FIRST_PAGE = { id: 'history.firstPageApi', label: 'History API, 10,000 entries: first page' };
const FILTERED = { id: 'history.filterApi', label: 'History API, 10,000 entries: filtered page' };

const CLUSTERS = ['prod', 'staging', 'test'];
const FIELDS = [
  'backup_base_uri',
  'log_archive_concurrency',
  'binding',
  'piece_switch_interval',
  'archive_lag_target',
  'ha_low_thread_score',
  'delete_policy.policy',
];
const OUTCOMES: Outcome[] = [
  'succeeded',
  'succeeded',
  'succeeded',
  'failed',
  'passed',
  'cancelled',
  'pending',
];

export function seedBody(n: number, clusters: readonly string[] = CLUSTERS): NewEntryBody {
  const fields = [
    FIELDS[n % FIELDS.length] ?? 'binding',
    FIELDS[(n * 3 + 1) % FIELDS.length] ?? 'binding',
  ];
  return {
    clusterId: clusters[n % clusters.length] ?? 'prod',
    scope: n % 4 ? 'cluster' : `tenant:t${n % 7}`,
    dagId: String(100_000 + n),
    changes: [...new Set(fields)].map((field) => ({ field, old: `old-${n}`, new: `new-${n}` })),
    outcome: OUTCOMES[n % OUTCOMES.length] ?? 'succeeded',
  };
}

/**
 * A history file with ENTRIES entries over 300 days (one transaction per 500, the clock moving
 * between batches like real traffic). Returns the open store; close it before another process
 * opens the file.
 */
export function seedHistory(file: string, clusters: readonly string[] = CLUSTERS) {
  let clock = Date.now() - 300 * 86_400_000;
  const store = openHistoryStore(file, { retentionDays: 365, now: () => clock });
  const items = Array.from({ length: ENTRIES }, (_, n) => {
    clock += 2_500_000;
    return { body: seedBody(n, clusters), user: `user${n % 40}` };
  });
  for (let start = 0; start < items.length; start += 500)
    store.recordMany(items.slice(start, start + 500));
  return store;
}

/** Median over RUNS of one GET through the real route (socket, zod, SQLite, JSON). */
async function timeGet(url: string): Promise<{ value: number; samples: number[] }> {
  const samples: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    const response = await fetch(url, { headers: { 'x-obdash-request': '1' } });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    await response.arrayBuffer();
    samples.push(round(performance.now() - started, 2));
  }
  return { value: median(samples) ?? Number.NaN, samples };
}

/**
 * The server side of the History page's budgets (first page and a filtered page ≤ 100 ms,
 * issue 15): 10,000 entries over 300 days, queried through the real HTTP route. The browser
 * render is measured by the UI's own bench on top of this.
 */
export async function measureHistory(): Promise<Figure[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'obdash-bench-history-'));
  const store = seedHistory(path.join(dir, 'history.db'));
  const app = Fastify({ logger: false });
  try {
    await registerHistoryRoutes(app, { store, basePath: '/', trustedProxies: [] });
    const origin = await app.listen({ port: 0, host: '127.0.0.1' });
    const first = await timeGet(`${origin}/history/entries?page=1&size=50`);
    const filtered = await timeGet(
      `${origin}/history/entries?cluster=prod&field=backup_base_uri&outcome=failed,cancelled&user=user1&page=1&size=50`,
    );
    return [
      {
        ...FIRST_PAGE,
        budget: BUDGET_MS,
        unit: 'ms',
        value: first.value,
        samples: first.samples,
        note: `median of ${RUNS}`,
      },
      {
        ...FILTERED,
        budget: BUDGET_MS,
        unit: 'ms',
        value: filtered.value,
        samples: filtered.samples,
        note: `median of ${RUNS}`,
      },
    ];
  } catch (error) {
    return [
      failed(FIRST_PAGE.id, FIRST_PAGE.label, 'ms', error, BUDGET_MS),
      failed(FILTERED.id, FILTERED.label, 'ms', error, BUDGET_MS),
    ];
  } finally {
    await app.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
