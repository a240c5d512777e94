/**
 * What the bench reports: one row per figure, with its budget (if the issue sets one) and a verdict.
 * A figure that could not be measured carries `value: null` and the reason; it never passes a
 * budget, so `--check` cannot go green on features that are missing.
 */

export type Unit = 'KB' | 'ms' | 'requests' | 'errors' | 'count' | 'ratio';

export interface Figure {
  id: string;
  label: string;
  unit: Unit;
  value: number | null;
  /** Why `value` is null ("not built", the error seen, …) or how it was measured. */
  note?: string;
  /** Upper bound the issue sets; absent for figures reported for information only. */
  budget?: number;
  /** Raw samples behind a median/percentile, kept in results.json. */
  samples?: number[];
}

export type Verdict = 'pass' | 'FAIL' | 'n/a' | '';

export function verdict(figure: Figure): Verdict {
  if (figure.budget === undefined) return figure.value === null ? 'n/a' : '';
  if (figure.value === null) return 'n/a';
  return figure.value <= figure.budget ? 'pass' : 'FAIL';
}

/** Budgets that are not met: failed or unmeasured. `--check` exits non-zero when this is not empty. */
export function missedBudgets(figures: readonly Figure[]): Figure[] {
  return figures.filter((figure) => figure.budget !== undefined && verdict(figure) !== 'pass');
}

export function notBuilt(id: string, label: string, unit: Unit, what: string, budget?: number) {
  const figure: Figure = { id, label, unit, value: null, note: `n/a (not built: ${what})` };
  if (budget !== undefined) figure.budget = budget;
  return figure;
}

export function failed(id: string, label: string, unit: Unit, error: unknown, budget?: number) {
  const message = error instanceof Error ? error.message : String(error);
  const figure: Figure = {
    id,
    label,
    unit,
    value: null,
    note: `n/a (${message.split('\n')[0]?.slice(0, 160) ?? 'error'})`,
  };
  if (budget !== undefined) figure.budget = budget;
  return figure;
}

function formatValue(figure: Figure): string {
  if (figure.value === null) return figure.note ?? 'n/a';
  const digits = figure.unit === 'ratio' ? 2 : figure.unit === 'KB' || figure.unit === 'ms' ? 1 : 0;
  return `${figure.value.toFixed(digits)} ${figure.unit}`;
}

function formatBudget(figure: Figure): string {
  if (figure.budget === undefined) return '';
  // NaN: a budget that depends on a figure not measured (the poll interval).
  return Number.isNaN(figure.budget) ? '≤ poll + 200 ms' : `≤ ${figure.budget} ${figure.unit}`;
}

/** A plain-text table: figure, value, budget, verdict, and a note when the value has one. */
export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((figure) => [
    figure.label,
    formatValue(figure),
    formatBudget(figure),
    verdict(figure),
    figure.value === null ? '' : (figure.note ?? ''),
  ]);
  const header = ['figure', 'value', 'budget', 'verdict', 'note'];
  const all = [header, ...rows];
  const widths = header.map((_, column) =>
    Math.max(...all.map((row) => (row[column] ?? '').length)),
  );
  const line = (row: string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Issue 11: what the first screen loads (entry plus modulepreloaded chunks), gzip. */
export const INITIAL_JS_BUDGET_KB = 150;

/** Every figure with a budget in the issue, so a group that could not run still shows (and fails) them. */
export const BUDGETED = [
  {
    group: 'bundle',
    id: 'bundle.initialJsGzip',
    label: 'initial JS (gzip)',
    unit: 'KB',
    budget: INITIAL_JS_BUDGET_KB,
  },
  {
    group: 'startup',
    id: 'startup.formInteractive',
    label: 'unlock → form interactive',
    unit: 'ms',
    budget: 1000,
  },
  {
    group: 'dag',
    id: 'dag.changeToScreen',
    label: 'DAG state change → on screen',
    unit: 'ms',
    budget: null,
  },
  {
    group: 'dag',
    id: 'dag.requestsAfterTerminal',
    label: 'requests after DAG terminal',
    unit: 'requests',
    budget: 0,
  },
  {
    group: 'dag',
    id: 'dag.requestsWhileHidden',
    label: 'requests while tab hidden',
    unit: 'requests',
    budget: 0,
  },
  {
    group: 'keystroke',
    id: 'form.keystrokeP95',
    label: 'keystroke → validation message p95',
    unit: 'ms',
    budget: 16,
  },
  {
    group: 'render',
    id: 'dag.render200',
    label: '200-node DAG re-render per poll',
    unit: 'ms',
    budget: 16,
  },
  {
    group: 'sim',
    id: 'sim.p99',
    label: 'simulator p99 (200 clients × 1 Hz)',
    unit: 'ms',
    budget: 50,
  },
  {
    group: 'sim',
    id: 'sim.errors',
    label: 'simulator errors under load',
    unit: 'errors',
    budget: 0,
  },
] as const satisfies readonly {
  group: string;
  id: string;
  label: string;
  unit: Unit;
  /** null: the budget depends on a measured value (the poll interval). */
  budget: number | null;
}[];

/**
 * Adds an "n/a" row for every budgeted figure of the groups that ran but did not report it, with
 * the reason the group gave (e.g. the simulator is not built).
 */
export function withMissingBudgets(
  figures: readonly Figure[],
  groups: ReadonlySet<string>,
  reason: string,
): Figure[] {
  const out = [...figures];
  for (const expected of BUDGETED) {
    if (!groups.has(expected.group) || out.some((f) => f.id === expected.id)) continue;
    const figure: Figure = {
      id: expected.id,
      label: expected.label,
      unit: expected.unit,
      value: null,
      note: reason,
      budget: expected.budget ?? Number.NaN,
    };
    out.push(figure);
  }
  return out;
}
