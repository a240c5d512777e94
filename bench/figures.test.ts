import { describe, expect, it } from 'vitest';
import {
  failed,
  formatTable,
  missedBudgets,
  notBuilt,
  verdict,
  withMissingBudgets,
  type Figure,
} from './figures';

const passing: Figure = { id: 'a', label: 'A', unit: 'ms', value: 10, budget: 16 };
const failing: Figure = { id: 'b', label: 'B', unit: 'ms', value: 17, budget: 16 };
const info: Figure = { id: 'c', label: 'C', unit: 'KB', value: 300 };

describe('verdict', () => {
  it('passes at the budget and fails above it', () => {
    expect(verdict({ ...passing, value: 16 })).toBe('pass');
    expect(verdict(failing)).toBe('FAIL');
  });

  it('has no verdict for figures without a budget', () => {
    expect(verdict(info)).toBe('');
  });
});

describe('missedBudgets', () => {
  it('counts an unmeasured budgeted figure as missed, so --check cannot pass on missing features', () => {
    const missing = notBuilt('d', 'D', 'ms', 'timeline', 1000);
    expect(missedBudgets([passing, info, missing]).map((f) => f.id)).toEqual(['d']);
  });

  it('lists failures', () => {
    expect(missedBudgets([passing, failing]).map((f) => f.id)).toEqual(['b']);
  });

  it('ignores unmeasured figures without a budget', () => {
    expect(missedBudgets([failed('e', 'E', 'KB', new Error('boom'))])).toEqual([]);
  });
});

describe('formatTable', () => {
  it('prints values, budgets, verdicts and n/a reasons', () => {
    const table = formatTable([passing, failing, notBuilt('d', 'D', 'ms', 'timeline', 1000)]);
    expect(table).toContain('10.0 ms');
    expect(table).toContain('≤ 16 ms');
    expect(table).toMatch(/B\s+17\.0 ms\s+≤ 16 ms\s+FAIL/);
    expect(table).toContain('n/a (not built: timeline)');
  });
});

describe('withMissingBudgets', () => {
  it('adds the budgeted figures a group did not report, as unmeasured misses', () => {
    const figures = withMissingBudgets(
      [passing],
      new Set(['keystroke']),
      'n/a (not built: simulator)',
    );
    expect(figures.map((f) => f.id)).toEqual(['a', 'form.keystrokeP95']);
    expect(missedBudgets(figures).map((f) => f.id)).toEqual(['form.keystrokeP95']);
    expect(formatTable(figures)).toContain('n/a (not built: simulator)');
  });

  it('leaves groups that did not run alone', () => {
    expect(withMissingBudgets([], new Set(['bundle']), 'x').map((f) => f.id)).toEqual([
      'bundle.initialJsGzip',
    ]);
  });
});
