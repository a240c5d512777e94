import { describe, expect, it } from 'vitest';
import { deriveRow, filterRows, parseLagTarget, sortRows, type TenantReads } from './tenant-status';

const base: TenantReads = {
  name: 't1',
  tenantId: 1002,
  status: 'NORMAL',
  storage: { archive_base_uri: 'file:///b/1/1002/clog', data_base_uri: 'file:///b/1/1002/data' },
  parameters: { readable: true, values: { archive_lag_target: '2m' } },
  archive: [{ status: 'DOING', delay: 3, checkpoint: '2026-12-04T10:00:00Z' }],
  lastBackup: { status: 'COMPLETED', backup_type: 'FULL', start_timestamp: '2026-12-02T10:00:00Z' },
};

describe('deriveRow', () => {
  it('a healthy tenant has no problems and is complete', () => {
    const row = deriveRow(base);
    expect(row).toMatchObject({
      archive: 'DOING',
      lagTargetSeconds: 120,
      problems: [],
      complete: true,
    });
  });

  it('flags each problem the issue names', () => {
    expect(deriveRow({ ...base, archive: [] }).problems).toEqual(['archive-off']);
    expect(deriveRow({ ...base, archive: [{ status: 'DOING', delay: 9000 }] }).problems).toEqual([
      'delay-over-target',
    ]);
    expect(
      deriveRow({ ...base, storage: { archive_base_uri: 'file:///b', data_base_uri: '' } })
        .problems,
    ).toEqual(['no-data-destination']);
    expect(deriveRow({ ...base, lastBackup: null }).problems).toEqual(['never-backed-up']);
    expect(
      deriveRow({ ...base, lastBackup: { status: 'FAILED', result: -9081, comment: 'x' } })
        .problems,
    ).toEqual(['backup-failed']);
    expect(deriveRow({ ...base, status: 'CREATING' }).problems).toEqual(['not-normal']);
  });

  it('a delay within the target is fine; an unreadable target flags nothing', () => {
    expect(deriveRow({ ...base, archive: [{ status: 'DOING', delay: 119 }] }).problems).toEqual([]);
    expect(
      deriveRow({
        ...base,
        parameters: { readable: false, tenantStatus: 'RESTORE' },
        archive: [{ status: 'DOING', delay: 9000 }],
      }).problems,
    ).toEqual([]);
  });

  it('missing reads are loading, not problems', () => {
    const row = deriveRow({ name: 't', tenantId: 1, status: 'NORMAL' });
    expect(row.problems).toEqual([]);
    expect(row.complete).toBe(false);
    expect(row.archive).toBeUndefined();
  });
});

describe('parseLagTarget', () => {
  it.each([
    ['2m', 120],
    ['120s', 120],
    ['1h', 3600],
    ['500ms', 0.5],
    ['0', 0],
    ['x', undefined],
    [undefined, undefined],
  ])('%s → %s', (value, seconds) => {
    expect(parseLagTarget(value)).toBe(seconds);
  });
});

describe('sort and filter', () => {
  const rows = [
    deriveRow({ ...base, name: 'b' }),
    deriveRow({ ...base, name: 'a' }),
    deriveRow({ ...base, name: 'c', archive: [], lastBackup: null }),
    deriveRow({ ...base, name: 'd', lastBackup: null }),
  ];
  it('problems first, most problems on top, then by name', () => {
    expect(sortRows(rows, 'problems').map((r) => r.name)).toEqual(['c', 'd', 'a', 'b']);
    expect(sortRows(rows, 'name').map((r) => r.name)).toEqual(['a', 'b', 'c', 'd']);
  });
  it('filters by name and by problems only', () => {
    expect(filterRows(rows, { text: 'C', problemsOnly: false }).map((r) => r.name)).toEqual(['c']);
    expect(filterRows(rows, { text: '', problemsOnly: true }).map((r) => r.name)).toEqual([
      'c',
      'd',
    ]);
  });
});
