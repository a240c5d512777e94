import { describe, expect, it } from 'vitest';
import { emptyFilters, toApiFilter } from './filters';
import { durationText, timeText } from './format';

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

  it('shows times in local time, in both languages, the same as Intl would', () => {
    const local = new Date(2026, 8, 4, 7, 5, 9).toISOString();
    expect(timeText(local, 'en')).toBe('4 Sep 2026, 07:05:09');
    expect(timeText(local, 'zh')).toBe('2026年9月4日 07:05:09');
    expect(timeText('not a time', 'en')).toBe('not a time');
    const dec = new Date(2026, 11, 24, 23, 59, 0).toISOString();
    const intl = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'medium' });
    expect(timeText(dec, 'zh')).toBe(intl.format(new Date(dec)));
  });
});
