import { describe, expect, it } from 'vitest';
import type { Dag } from '../../../lib/obshell/dag';
import { ObshellError } from '../../../lib/obshell/envelope';
import type { TenantSnapshot } from './baseline';
import { analyzeChanges, buildPatchBody } from './changes';
import { createBackupConfigSchema } from './form-schema';
import { initialValues, type BackupConfigFormValues } from './form-values';
import { decodeIssue } from './issue';
import { pythonSdkSnippet } from './sdk-snippet';
import { isMaintenanceRefusal, mapServerError } from './server-errors';
import { sideEffects } from './side-effects';
import {
  parseScope,
  tenantBaseline,
  tenantLockHolders,
  withoutTrailingSlash,
} from './tenant-scope';

/** Tenant scope (contract §7): one tenant's own URIs, tenant-level body keys, the tenant lock. */
const snapshot: TenantSnapshot = {
  name: 'app_tenant',
  tenantId: 1002,
  storage: {
    archive_base_uri: 'file:///data/t_clog/',
    data_base_uri: 'oss://bucket/t_data?host=oss.example.com',
  },
  parameters: {
    log_archive_concurrency: '4',
    ha_low_thread_score: '0',
    archive_lag_target: '2m',
    log_archive_dest: 'LOCATION=file:///data/t_clog/ BINDING=OPTIONAL PIECE_SWITCH_INTERVAL=1d',
  },
};
const baseline = tenantBaseline(snapshot, 1700000001);

function body(edit: (v: BackupConfigFormValues) => void) {
  const values = structuredClone(initialValues(baseline));
  edit(values);
  return buildPatchBody(values, analyzeChanges(values, baseline));
}

function issues(edit: (v: BackupConfigFormValues) => void) {
  const values = structuredClone(initialValues(baseline));
  edit(values);
  const result = createBackupConfigSchema(baseline).safeParse(values);
  if (result.success) return {};
  return Object.fromEntries(
    result.error.issues.map((i) => [i.path.join('.'), decodeIssue(i.message).key]),
  );
}

function serverError(errCode: string, status = 400, message = 'x') {
  return new ObshellError({ kind: 'server', status, errCode, message });
}

describe('URL scope', () => {
  it('parses ?tenant=<name>, anything else is the cluster level', () => {
    expect(parseScope(new URLSearchParams('tenant=app_tenant'))).toEqual({
      kind: 'tenant',
      name: 'app_tenant',
    });
    expect(parseScope(new URLSearchParams('tenant='))).toEqual({ kind: 'cluster' });
    expect(parseScope(new URLSearchParams(''))).toEqual({ kind: 'cluster' });
    expect(parseScope(new URLSearchParams('tenant=a%20b'))).toEqual({
      kind: 'tenant',
      name: 'a b',
    });
  });
});

describe('tenant baseline', () => {
  it("starts from that tenant's own URIs, as given without obshell's trailing '/'", () => {
    const values = initialValues(baseline);
    expect(values.destination).toMatchObject({ scheme: 'file', path: '/data/t_clog' });
    expect(values.data_destination).toMatchObject({
      scheme: 'oss',
      path: 'bucket/t_data',
      host: 'oss.example.com',
    });
    expect(values.log_archive_concurrency).toBe('4');
    expect(withoutTrailingSlash('file:///')).toBe('file:///');
    expect(withoutTrailingSlash('oss://b/k/?host=h')).toBe('oss://b/k?host=h');
  });

  it('untouched form sends nothing', () => {
    expect(body(() => undefined)).toEqual({});
  });
});

describe('tenant body', () => {
  it('sends only the changed fields under their tenant-level names', () => {
    expect(body((v) => (v.destination.path = '/data/new_clog'))).toEqual({
      archive_base_uri: 'file:///data/new_clog',
    });
    expect(
      body((v) => {
        if (v.data_destination) v.data_destination.access_key = 'SECRET';
        v.ha_low_thread_score = '8';
      }),
    ).toEqual({
      data_base_uri: 'oss://bucket/t_data?host=oss.example.com&access_id=&access_key=SECRET',
      ha_low_thread_score: 8,
    });
  });

  it('binding and piece_switch_interval bring archive_base_uri along (§7)', () => {
    expect(body((v) => (v.binding = 'MANDATORY'))).toEqual({
      binding: 'MANDATORY',
      archive_base_uri: 'file:///data/t_clog',
    });
  });

  it('refuses binding without an archive destination, exactly where obshell would', () => {
    const empty = { ...initialValues(baseline).destination, path: '' };
    expect(
      issues((v) => {
        v.destination = empty;
        v.piece_switch_interval = '2d';
      }),
    ).toEqual({ 'destination.path': 'uri.archive-required-by' });
    expect(issues((v) => (v.destination = empty))).toEqual({});
  });

  it('checks the data destination with the same rules', () => {
    expect(
      issues((v) => {
        if (v.data_destination) v.data_destination.path = 'bucket-only';
      }),
    ).toMatchObject({ 'data_destination.path': 'uri.bucket-key' });
  });

  it('warns per destination: archive closes archiving, data cancels backups', () => {
    expect(sideEffects({ archive_base_uri: 'file:///a' })).toMatchObject({
      archivingOff: true,
      cancelsDataBackups: false,
    });
    expect(sideEffects({ data_base_uri: 'file:///d' })).toMatchObject({
      archivingOff: false,
      cancelsDataBackups: true,
    });
  });

  it('the SDK twin is patch_tenant_backup_config with the tenant name, secrets masked', () => {
    const text = pythonSdkSnippet(
      { data_base_uri: 'oss://b/k?host=h&access_id=i&access_key=SECRET' },
      { host: 'h', port: 2886 },
      { tenant: 'app_tenant' },
    );
    expect(text).toContain('client.v1.patch_tenant_backup_config(');
    expect(text).toContain('tenant_name="app_tenant"');
    expect(text).not.toContain('SECRET');
  });
});

describe('tenant errors', () => {
  it('map DataBaseUriEmpty / ArchiveBaseUriEmpty / a bad data URI onto their fields', () => {
    const data = { data_base_uri: 'ftp://x' };
    expect(mapServerError(serverError('OB.Backup.DataBaseUriEmpty'), {})?.target).toBe(
      'data_destination.path',
    );
    expect(mapServerError(serverError('OB.Backup.ArchiveBaseUriEmpty'), data)?.target).toBe(
      'destination.path',
    );
    expect(mapServerError(serverError('OB.Storage.URI.Invalid'), data)?.target).toBe(
      'data_destination.path',
    );
    const legacy = new ObshellError({
      kind: 'server',
      status: 400,
      message: 'data_base_uri cannot be empty',
    });
    expect(mapServerError(legacy, {})?.target).toBe('data_destination.path');
  });

  it('recognizes the 500 maintenance refusals', () => {
    expect(isMaintenanceRefusal(serverError('OB.Tenant.UnderMaintenance', 500))).toBe(true);
    expect(isMaintenanceRefusal(serverError('OB.Cluster.UnderMaintenanceWithDag', 500))).toBe(true);
    expect(isMaintenanceRefusal(serverError('Common.Unexpected', 500))).toBe(false);
  });

  it('finds the unfinished DAGs holding the tenant lock, failed ones included', () => {
    const dag = (id: string, name: string, state: Dag['state'], key = ''): Dag => ({
      id,
      dag_id: 1,
      name,
      stage: 1,
      max_stage: 2,
      maintenance_type: key ? 3 : 1,
      maintenance_key: key,
      state,
      operator: 'RUN',
    });
    const dags = [
      dag('11', 'Set obcluster backup config for app_tenant', 'FAILED', 'app_tenant'),
      dag('12', 'Set obcluster backup config', 'RUNNING'),
      dag('13', 'Set obcluster backup config for report_tenant', 'RUNNING', 'report_tenant'),
      dag('14', 'Set obcluster backup config for app_tenant', 'SUCCEED', 'app_tenant'),
    ];
    expect(tenantLockHolders(dags, 'app_tenant').map((d) => d.id)).toEqual(['11']);
  });
});
