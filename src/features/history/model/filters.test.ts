import { describe, expect, it } from 'vitest';
import { emptyFilters, toApiFilter } from './filters';
import { durationText } from './format';

describe('history filters', () => {
  it('leaves out what is empty, uses the debounced user and whole local days', () => {
    const state = { ...emptyFilters('prod'), user: 'ali', outcome: 'failed', from: '2026-12-01' };
    const filter = toApiFilter(state, ' al ');
    expect(filter).toMatchObject({ cluster: 'prod', user: 'al', outcome: ['failed'] });
    expect(filter.field).toBeUndefined();
    expect(new Date(filter.from ?? '').getDate()).toBe(1);
    expect(toApiFilter({ ...emptyFilters(), to: 'nonsense', outcome: 'x' }, '')).toEqual({
      cluster: undefined,
      field: undefined,
      user: undefined,
      outcome: undefined,
      from: undefined,
      to: undefined,
    });
  });

  it('shows durations in both languages', () => {
    const entry = { startedAt: '2026-12-04T10:00:00Z', finishedAt: '2026-12-04T10:01:05Z' };
    expect(durationText(entry, 'en')).toBe('1 min 5 s');
    expect(durationText(entry, 'zh')).toBe('1分5秒');
    expect(durationText({ startedAt: null, finishedAt: null }, 'en')).toBeUndefined();
  });
});
