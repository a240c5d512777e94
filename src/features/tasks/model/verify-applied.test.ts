import { describe, expect, it } from 'vitest';
import { toSentChange } from '../../../lib/sent-changes/sent-changes';
import {
  expectedDestination,
  sameDestination,
  summarizeVerdicts,
  verifyTenant,
  type TenantReadBack,
} from './verify-applied';

const CLUSTER = 7;
const sentUri = toSentChange({
  backup_base_uri:
    'oss://bucket/backup/?host=oss.example.com&access_id=AK&access_key=SECRET&force_path_style=true',
  log_archive_concurrency: 8,
  archive_lag_target: '2m',
});

function read(overrides: Partial<TenantReadBack> = {}): TenantReadBack {
  return {
    tenant: 'app_tenant',
    tenantId: 1002,
    storage: {
      archive_base_uri: 'oss://bucket/backup/7/1002/clog?host=oss.example.com',
      data_base_uri: 'oss://bucket/backup/7/1002/data?host=oss.example.com',
    },
    parameters: {
      log_archive_concurrency: '8',
      archive_lag_target: '120s',
      ha_low_thread_score: '0',
    },
    ...overrides,
  };
}

describe('expected destinations (contract §4)', () => {
  it('appends cluster id, tenant id and clog|data, keeps only what obshell renders', () => {
    expect(expectedDestination('file:///data/backup/', CLUSTER, 1004, 'clog')).toBe(
      'file:///data/backup/7/1004/clog',
    );
    expect(sentUri.backupBaseUri).not.toContain('SECRET');
    expect(expectedDestination(sentUri.backupBaseUri ?? '', CLUSTER, 1002, 'data')).toBe(
      'oss://bucket/backup/7/1002/data?host=oss.example.com',
    );
  });

  it('compares regardless of parameter order and a trailing slash, never a missing value', () => {
    expect(
      sameDestination(
        's3://b/k/7/1/data?s3_region=r&host=h',
        's3://b/k/7/1/data/?host=h&s3_region=r',
      ),
    ).toBe(true);
    expect(sameDestination('s3://b/k/7/1/data?host=h', 's3://b/k/7/1/data?host=other')).toBe(false);
    expect(sameDestination('file:///a/7/1/clog', null)).toBe(false);
    expect(sameDestination('file:///a/7/1/clog', '')).toBe(false);
  });
});

describe('verifyTenant', () => {
  it('verifies a tenant whose reads match (durations by value)', () => {
    expect(verifyTenant(sentUri, CLUSTER, read())).toEqual({
      tenant: 'app_tenant',
      kind: 'verified',
    });
  });

  it('lists each field that differs with what was sent and what obshell reports', () => {
    const verdict = verifyTenant(
      sentUri,
      CLUSTER,
      read({
        storage: { archive_base_uri: 'file:///old/7/1002/clog', data_base_uri: null },
        parameters: { log_archive_concurrency: '0', archive_lag_target: '2m' },
      }),
    );
    expect(verdict).toEqual({
      tenant: 'app_tenant',
      kind: 'differs',
      diffs: [
        {
          field: 'archive_base_uri',
          expected: 'oss://bucket/backup/7/1002/clog?host=oss.example.com',
          actual: 'file:///old/7/1002/clog',
        },
        {
          field: 'data_base_uri',
          expected: 'oss://bucket/backup/7/1002/data?host=oss.example.com',
          actual: null,
        },
        { field: 'log_archive_concurrency', expected: '8', actual: '0' },
      ],
    });
  });

  it('uses the tenant id of each tenant: another tenant’s path is a difference', () => {
    const verdict = verifyTenant(
      sentUri,
      CLUSTER,
      read({ tenant: 'report_tenant', tenantId: 1004 }),
    );
    expect(verdict.kind).toBe('differs');
  });

  it('is pending until the reads it needs arrive, unread when one failed', () => {
    expect(verifyTenant(sentUri, CLUSTER, read({ parameters: undefined })).kind).toBe('pending');
    const onlyScore = toSentChange({ ha_low_thread_score: 0 });
    expect(verifyTenant(onlyScore, CLUSTER, read({ storage: undefined })).kind).toBe('verified');
    expect(
      verifyTenant(sentUri, CLUSTER, read({ error: "Tenant 'x' status is 'CREATING'." })),
    ).toEqual({ tenant: 'app_tenant', kind: 'unread', error: "Tenant 'x' status is 'CREATING'." });
  });

  it('a parameter absent from the read is a difference, not a match', () => {
    const verdict = verifyTenant(
      toSentChange({ archive_lag_target: '1m' }),
      CLUSTER,
      read({ parameters: {} }),
    );
    expect(verdict).toMatchObject({
      kind: 'differs',
      diffs: [{ field: 'archive_lag_target', actual: null }],
    });
  });

  it('summarizes N of N', () => {
    const verdicts = [
      verifyTenant(sentUri, CLUSTER, read()),
      verifyTenant(sentUri, CLUSTER, read({ tenant: 'b', tenantId: 1004 })),
      verifyTenant(sentUri, CLUSTER, read({ error: 'x' })),
    ];
    expect(summarizeVerdicts(verdicts)).toEqual({
      total: 3,
      verified: 1,
      differs: 1,
      unread: 1,
      pending: 0,
    });
  });
});
