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
    expect(takeReapply('other', 'cluster')).toBeUndefined();
    stashReapply('prod', 'cluster', [{ field: 'binding', new: 'MANDATORY' }]);
    expect(takeReapply('prod', 'cluster')?.values).toEqual({ binding: 'MANDATORY' });
    expect(takeReapply('prod', 'cluster')).toBeUndefined();
  });

  it('is taken by the form of its own scope only: a tenant entry never fills the cluster form', () => {
    stashReapply('prod', 'tenant:sales', [{ field: 'binding', new: 'MANDATORY' }]);
    expect(takeReapply('prod', 'cluster')).toBeUndefined();
    stashReapply('prod', 'tenant:sales', [{ field: 'binding', new: 'MANDATORY' }]);
    expect(takeReapply('prod', 'tenant:other')).toBeUndefined();
    stashReapply('prod', 'tenant:sales', [{ field: 'binding', new: 'MANDATORY' }]);
    expect(takeReapply('prod', 'tenant:sales')?.scope).toBe('tenant:sales');
  });

  it("tenant scope: the tenant's two destinations fill its two destination groups, keys empty", () => {
    const tenantBlank = { ...blank, data_destination: blank.destination };
    const values = reapplyValues(
      {
        clusterId: 'prod',
        scope: 'tenant:sales',
        values: {
          archive_base_uri: 'oss://b/clog?host=h.example.com&access_id=ID&access_key=******',
          data_base_uri: 'file:///data/sales',
          backup_base_uri: 'file:///never/used',
        },
      },
      tenantBlank,
    );
    expect(values.destination).toMatchObject({ scheme: 'oss', path: 'b/clog', access_key: '' });
    expect(values.data_destination).toMatchObject({ scheme: 'file', path: '/data/sales' });
    // A cluster form ignores the tenant's URIs and takes backup_base_uri only.
    const cluster = reapplyValues(
      { clusterId: 'prod', values: { archive_base_uri: 'file:///a', data_base_uri: 'file:///d' } },
      blank,
    );
    expect(cluster).not.toHaveProperty('destination');
    expect(cluster).not.toHaveProperty('data_destination');
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
