import { afterEach, describe, expect, it } from 'vitest';
import { stashReapply, takeReapply } from '../../../lib/reapply';
import type { FieldBaseline } from './baseline';
import { initialValues } from './form-values';
import { reapplyValues } from './reapply-values';

afterEach(() => sessionStorage.clear());

const unknown: FieldBaseline = { kind: 'unknown', values: [] };
const blank = initialValues({
  backup_base_uri: unknown,
  log_archive_concurrency: unknown,
  ha_low_thread_score: unknown,
  binding: unknown,
  piece_switch_interval: unknown,
  archive_lag_target: unknown,
});

describe('"Apply again" pre-fill', () => {
  it('is taken once, for its own cluster only', () => {
    stashReapply('prod', 'cluster', [{ field: 'binding', new: 'MANDATORY' }]);
    expect(takeReapply('other')).toBeUndefined();
    stashReapply('prod', 'cluster', [{ field: 'binding', new: 'MANDATORY' }]);
    expect(takeReapply('prod')?.values).toEqual({ binding: 'MANDATORY' });
    expect(takeReapply('prod')).toBeUndefined();
  });

  it('fills each field; a masked key comes back empty, to be typed again', () => {
    const values = reapplyValues(
      {
        clusterId: 'prod',
        values: {
          backup_base_uri: 'oss://bucket/dir?host=oss.example.com&access_id=ID&access_key=******',
          log_archive_concurrency: 4,
          binding: 'optional',
          'delete_policy.recovery_window': '7d',
          unknown_field: 'x',
        },
      },
      blank,
    );
    expect(values.destination).toMatchObject({
      scheme: 'oss',
      path: 'bucket/dir',
      host: 'oss.example.com',
      access_id: 'ID',
      access_key: '',
    });
    expect(values.log_archive_concurrency).toBe('4');
    expect(values.binding).toBe('OPTIONAL');
    expect(values.delete_policy).toEqual({
      change: true,
      policy: 'default',
      recovery_window: '7d',
    });
    expect(values).not.toHaveProperty('unknown_field');
  });
});
