import type { BackupConfigChange } from './backup-config';
import type { SimulatorOptions } from './options';

/** What OceanBase would hold: per-tenant backup destinations, parameters and archive status. */
export type LogArchiveStatus = 'DOING' | 'STOP' | 'SUSPEND';

export interface TenantState {
  name: string;
  tenant_id: number;
  archive_base_uri: string;
  data_base_uri: string;
  parameters: Record<string, string>;
  log_mode: 'ARCHIVELOG' | 'NOARCHIVELOG';
  log_archive_status: LogArchiveStatus;
  delete_policy: { policy: string; recovery_window: string } | null;
}

export interface ParameterMeta {
  data_type: string;
  info: string;
  edit_level: string;
}

export const PARAMETER_META: Record<string, ParameterMeta> = {
  log_archive_concurrency: {
    data_type: 'INT',
    info: 'Controls the total number of working threads for log archiving.',
    edit_level: 'DYNAMIC_EFFECTIVE',
  },
  ha_low_thread_score: {
    data_type: 'INT',
    info: 'The current work thread score of high availability low thread. Range: [0,100]',
    edit_level: 'DYNAMIC_EFFECTIVE',
  },
  archive_lag_target: {
    data_type: 'TIME',
    info: 'The lag target of the log archive. Range: [0ms, 7200s]',
    edit_level: 'DYNAMIC_EFFECTIVE',
  },
  log_archive_dest: {
    data_type: 'STRING',
    info: 'Set the log archive destination and its attributes.',
    edit_level: 'DYNAMIC_EFFECTIVE',
  },
  log_archive_dest_state: {
    data_type: 'STRING',
    info: 'Set the state of the log archive destination: ENABLE or DEFER.',
    edit_level: 'DYNAMIC_EFFECTIVE',
  },
  data_backup_dest: {
    data_type: 'STRING',
    info: 'Set the destination of data backup.',
    edit_level: 'DYNAMIC_EFFECTIVE',
  },
};

/** `<base>/<cluster_id>/<tenant_id>/<leaf>`; object-store parameters (`?host=…`) stay at the end. */
function destination(base: string, clusterId: number, tenantId: number, leaf: string): string {
  const queryAt = base.indexOf('?');
  const path = queryAt < 0 ? base : base.slice(0, queryAt);
  const query = queryAt < 0 ? '' : base.slice(queryAt);
  return `${path.replace(/\/+$/, '')}/${clusterId}/${tenantId}/${leaf}${query}`;
}

export function archiveUriFor(base: string, clusterId: number, tenantId: number): string {
  return destination(base, clusterId, tenantId, 'clog');
}

export function dataUriFor(base: string, clusterId: number, tenantId: number): string {
  return destination(base, clusterId, tenantId, 'data');
}

function logArchiveDest(location: string, binding: string, pieceSwitchInterval: string): string {
  return `LOCATION=${location} BINDING=${binding} PIECE_SWITCH_INTERVAL=${pieceSwitchInterval}`;
}

/** Reads BINDING / PIECE_SWITCH_INTERVAL back out of a log_archive_dest value. */
function destAttribute(dest: string, name: string): string | undefined {
  return new RegExp(`(?:^|\\s)${name}=(\\S+)`, 'i').exec(dest)?.[1];
}

export function initialTenants(options: SimulatorOptions): TenantState[] {
  return options.tenants.map((tenant) => {
    const base = options.initialBackupBaseUri;
    const archive = base ? archiveUriFor(base, options.clusterId, tenant.id) : '';
    const data = base ? dataUriFor(base, options.clusterId, tenant.id) : '';
    return {
      name: tenant.name,
      tenant_id: tenant.id,
      archive_base_uri: archive,
      data_base_uri: data,
      parameters: {
        log_archive_concurrency: '0',
        ha_low_thread_score: '0',
        archive_lag_target: '2m',
        log_archive_dest: archive ? logArchiveDest(archive, 'OPTIONAL', '1d') : '',
        log_archive_dest_state: 'ENABLE',
        data_backup_dest: data,
      },
      log_mode: archive ? 'ARCHIVELOG' : 'NOARCHIVELOG',
      log_archive_status: archive ? 'DOING' : 'STOP',
      delete_policy: null,
    };
  });
}

/** True when applying `change` switches log archiving off first (contract §4 side effects). */
export function stopsArchiving(change: BackupConfigChange): boolean {
  return change.logArchiveConcurrency !== undefined || change.backupBaseUri !== undefined;
}

/** The "Set backup config" step for one tenant: what OceanBase ends up holding. */
export function applyToTenant(
  tenant: TenantState,
  change: BackupConfigChange,
  clusterId: number,
): void {
  if (stopsArchiving(change)) {
    tenant.log_mode = 'NOARCHIVELOG';
    tenant.log_archive_status = 'STOP';
  }
  const p = tenant.parameters;
  if (change.logArchiveConcurrency !== undefined) {
    p.log_archive_concurrency = String(change.logArchiveConcurrency);
  }
  if (change.haLowThreadScore !== undefined) {
    p.ha_low_thread_score = String(change.haLowThreadScore);
  }
  if (change.archiveLagTarget !== undefined) p.archive_lag_target = change.archiveLagTarget;
  if (change.backupBaseUri !== undefined) {
    const previous = p.log_archive_dest ?? '';
    tenant.archive_base_uri = archiveUriFor(change.backupBaseUri, clusterId, tenant.tenant_id);
    tenant.data_base_uri = dataUriFor(change.backupBaseUri, clusterId, tenant.tenant_id);
    p.log_archive_dest = logArchiveDest(
      tenant.archive_base_uri,
      change.binding ?? destAttribute(previous, 'BINDING') ?? 'OPTIONAL',
      change.pieceSwitchInterval ?? destAttribute(previous, 'PIECE_SWITCH_INTERVAL') ?? '1d',
    );
    p.data_backup_dest = tenant.data_base_uri;
  }
  if (change.deletePolicy !== undefined) {
    tenant.delete_policy = {
      policy: change.deletePolicy.policy,
      recovery_window: change.deletePolicy.recoveryWindow,
    };
  }
}

/** Converts a SQL LIKE pattern (%, _, backslash escapes) to a RegExp, case-insensitively. */
export function likeToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] ?? '';
    if (ch === '\\' && i + 1 < pattern.length) {
      source += (pattern[++i] ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    } else if (ch === '%') source += '.*';
    else if (ch === '_') source += '.';
    else source += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'is');
}
