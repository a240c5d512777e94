/**
 * Contract revision 2 (issue 10, items 8–10): rendered storage reads, tenants that are not NORMAL,
 * and the "Check backup config" step's URI rules caught in the form.
 */
import { describe, expect, it } from 'vitest';
import { deriveBaseline, type TenantSnapshot } from './baseline';
import { analyzeChanges, buildPatchBody } from './changes';
import { createBackupConfigSchema } from './form-schema';
import { initialValues, type BackupConfigFormValues } from './form-values';
import { decodeIssue } from './issue';
import { sideEffects } from './side-effects';
import { EMPTY_DESTINATION, type Destination } from './storage-uri';
import { isParameterReadable, userTenants } from '../../../lib/obshell/user-tenants';

const CID = 1700000001;
const params = {
  log_archive_concurrency: '0',
  ha_low_thread_score: '0',
  archive_lag_target: '2m',
};
function tenant(id: number, archive: string, data: string, over: Partial<TenantSnapshot> = {}) {
  return {
    name: `t${id}`,
    tenantId: id,
    storage: { archive_base_uri: archive, data_base_uri: data },
    parameters: params,
    ...over,
  } satisfies TenantSnapshot;
}
/** What obshell's storage read gives after a cluster-level set of `base` (no credentials). */
function renderedTenant(id: number, path: string, query = '', over: Partial<TenantSnapshot> = {}) {
  const q = query ? `?${query}` : '';
  return tenant(id, `${path}/${CID}/${id}/clog${q}`, `${path}/${CID}/${id}/data${q}`, over);
}

describe('reads: the current base URI from rendered storage URIs', () => {
  it('object storage without credentials: pre-filled, and an untouched form changes nothing', () => {
    const tenants = [1002, 1004].map((id) =>
      renderedTenant(id, 'oss://bucket/backup', 'host=oss.example.com&delete_mode=tagging'),
    );
    const baseline = deriveBaseline(tenants, CID);
    expect(baseline.backup_base_uri).toEqual({
      kind: 'common',
      value: 'oss://bucket/backup?host=oss.example.com&delete_mode=tagging',
    });
    const values = initialValues(baseline);
    expect(values.destination).toMatchObject({
      scheme: 'oss',
      path: 'bucket/backup',
      host: 'oss.example.com',
      delete_mode: 'tagging',
      access_id: '',
    });
    const analysis = analyzeChanges(values, baseline);
    expect(analysis.dirty.size).toBe(0);
    expect(buildPatchBody(values, analysis)).toEqual({});
    expect(createBackupConfigSchema(baseline).safeParse(values).success).toBe(true);
  });

  it('typing the credentials is a change (a key rotation) and sends the whole URI', () => {
    const baseline = deriveBaseline([renderedTenant(1002, 's3://b/k', 'host=h&s3_region=r')], CID);
    const values = initialValues(baseline);
    values.destination = { ...values.destination, access_id: 'AK', access_key: 'SK' };
    expect(buildPatchBody(values, analyzeChanges(values, baseline))).toEqual({
      backup_base_uri: 's3://b/k?host=h&s3_region=r&access_id=AK&access_key=SK',
    });
  });

  it('tenants that disagree show as "differs"; a per-tenant destination (no suffix) is unknown', () => {
    const baseline = deriveBaseline(
      [renderedTenant(1002, 'file:///a'), renderedTenant(1004, 'file:///b')],
      CID,
    );
    expect(baseline.backup_base_uri.kind).toBe('differs');
    const perTenant = deriveBaseline([tenant(1002, 'file:///own/', 'file:///own/')], CID);
    expect(perTenant.backup_base_uri.kind).toBe('unknown');
    expect(initialValues(perTenant).destination).toEqual(EMPTY_DESTINATION);
  });

  it('only the data destination set: its base counts', () => {
    const baseline = deriveBaseline([tenant(1002, '', `file:///d/${CID}/1002/data`)], CID);
    expect(baseline.backup_base_uri).toEqual({ kind: 'common', value: 'file:///d' });
  });

  it('a tenant not NORMAL: its parameters are unknown, its storage still counts', () => {
    const baseline = deriveBaseline(
      [
        renderedTenant(1002, 'file:///d'),
        renderedTenant(1004, 'file:///d', '', { parameters: null, notNormalStatus: 'RESTORE' }),
      ],
      CID,
    );
    expect(baseline.backup_base_uri).toEqual({ kind: 'common', value: 'file:///d' });
    expect(baseline.log_archive_concurrency.kind).not.toBe('common');
  });

  it('the tenant list: sys is never a user tenant; parameters only for NORMAL tenants', () => {
    const listed = [
      { name: 'sys', tenantId: 1, status: 'NORMAL' },
      { name: 'app', tenantId: 1002, status: 'NORMAL' },
      { name: 'restoring', tenantId: 1004, status: 'RESTORE' },
      { name: 'old_agent', tenantId: 1006, status: null },
    ];
    expect(userTenants(listed).map((t) => t.name)).toEqual(['app', 'restoring', 'old_agent']);
    expect(
      userTenants(listed)
        .filter(isParameterReadable)
        .map((t) => t.name),
    ).toEqual(['app', 'old_agent']);
  });
});

describe('destination rules of the check step, before any request', () => {
  const baseline = deriveBaseline([renderedTenant(1002, 'file:///data/ob_backup')], CID);
  function issuesFor(destination: Partial<Destination>) {
    const values: BackupConfigFormValues = {
      ...initialValues(baseline),
      destination: { ...EMPTY_DESTINATION, ...destination },
    };
    const result = createBackupConfigSchema(baseline).safeParse(values);
    return result.success
      ? {}
      : Object.fromEntries(
          result.error.issues.map((i) => [i.path.join('.'), decodeIssue(i.message).key]),
        );
  }
  const creds = { host: 'h', access_id: 'i', access_key: 'k' };

  it('file: an absolute path without "?"', () => {
    expect(issuesFor({ scheme: 'file', path: 'data/backup' })).toEqual({
      'destination.path': 'uri.file-absolute',
    });
    expect(issuesFor({ scheme: 'file', path: '/data/b?x=1' })).toEqual({
      'destination.path': 'uri.file-query',
    });
    expect(issuesFor({ scheme: 'file', path: '/data/new' })).toEqual({});
  });

  it('object storage: bucket/key; cos needs appid; s3_region is optional', () => {
    expect(issuesFor({ scheme: 'oss', path: 'bucket', ...creds })).toEqual({
      'destination.path': 'uri.bucket-key',
    });
    expect(issuesFor({ scheme: 'cos', path: 'b/k', ...creds })).toEqual({
      'destination.appid': 'uri.cos-appid',
    });
    expect(issuesFor({ scheme: 's3', path: 'b/k', ...creds })).toEqual({});
  });

  it('query parameters obshell drops are named', () => {
    const issues = issuesFor({ scheme: 's3', path: 'b/k?force_path_style=true', ...creds });
    expect(issues).toEqual({ 'destination.path': 'uri.dropped-params' });
  });

  it('s3 without a region: the URI carries no empty s3_region', () => {
    const values: BackupConfigFormValues = {
      ...initialValues(baseline),
      destination: { ...EMPTY_DESTINATION, scheme: 's3', path: 'b/k', ...creds },
    };
    expect(buildPatchBody(values, analyzeChanges(values, baseline)).backup_base_uri).toBe(
      's3://b/k?host=h&access_id=i&access_key=k',
    );
  });
});

describe('side effects live in the model', () => {
  it('archiving off for a destination or concurrency; data backups cancelled for a destination', () => {
    expect(sideEffects({ backup_base_uri: 'file:///x' })).toEqual({
      archivingOff: true,
      cancelsDataBackups: true,
      replacesDeletePolicy: false,
    });
    expect(sideEffects({ log_archive_concurrency: 4 }).archivingOff).toBe(true);
    // An empty backup_base_uri leaves the destinations unchanged (contract §4 "Empty values").
    expect(sideEffects({ backup_base_uri: '' })).toEqual({
      archivingOff: false,
      cancelsDataBackups: false,
      replacesDeletePolicy: false,
    });
  });
});
