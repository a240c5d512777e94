import type { SimulatorOptions } from './options';
import { setBackupHistory, type BackupJobRecord } from './backup-jobs';
import { tenantDestination } from './storage-uri';

/**
 * What OceanBase would hold per tenant: destinations, parameters, archive status
 * (`CDB_OB_ARCHIVELOG`, null = no row: the tenant never archived), tenant status.
 */
export const ARCHIVE_STATUSES = [
  'DOING',
  'PREPARE',
  'BEGINNING',
  'STOP',
  'STOPPING',
  'SUSPEND',
  'SUSPENDING',
  'INTERRUPTED',
] as const;
export type LogArchiveStatus = (typeof ARCHIVE_STATUSES)[number];

export interface ArchiveRound {
  round_id: number;
  started_at: number;
  /** When the round stopped: its checkpoint freezes there. */
  stopped_at: number | null;
}

export interface TenantState {
  name: string;
  tenant_id: number;
  /** DBA_OB_TENANTS.STATUS; parameter reads need NORMAL. */
  status: string;
  locked: 'YES' | 'NO';
  in_recyclebin: 'YES' | 'NO';
  /** As OceanBase stores them (with access_id/access_key); reads re-render them. */
  archive_base_uri: string;
  data_base_uri: string;
  parameters: Record<string, string>;
  log_mode: 'ARCHIVELOG' | 'NOARCHIVELOG';
  log_archive_status: LogArchiveStatus | null;
  /** Latest CDB_OB_ARCHIVELOG_SUMMARY round (agent ms); drives checkpoint and delay (§8). */
  archive_round: ArchiveRound | null;
  /** Bumped by every archive switch so an older pending transition is dropped. */
  archive_epoch: number;
  /** How far the archive checkpoint lags behind now (seconds) while a round runs. */
  archive_delay_s: number;
  /**
   * Scenario `archive_stalled`: when the checkpoint stopped moving (agent ms) while the round still
   * runs, so the delay grows with the clock past archive_lag_target; null = keeps up.
   */
  archive_stalled_at: number | null;
  /** CDB_OB_BACKUP_JOBS (end null = running) and their history. */
  backup_jobs: BackupJobRecord[];
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

export function logArchiveDest(location: string, binding: string, piece: string): string {
  return `LOCATION=${location} BINDING=${binding} PIECE_SWITCH_INTERVAL=${piece}`;
}

/** Reads BINDING / PIECE_SWITCH_INTERVAL back out of a log_archive_dest value. */
export function destAttribute(dest: string, name: string): string | undefined {
  return new RegExp(`(?:^|\\s)${name}=(\\S*)`, 'i').exec(dest)?.[1];
}

export function initialTenants(options: SimulatorOptions, now = 0): TenantState[] {
  const tenants = options.tenants.map((tenant): TenantState => {
    const base = options.initialBackupBaseUri;
    const archive = base ? tenantDestination(base, options.clusterId, tenant.id, 'clog') : '';
    const data = base ? tenantDestination(base, options.clusterId, tenant.id, 'data') : '';
    return {
      name: tenant.name,
      tenant_id: tenant.id,
      status: 'NORMAL',
      locked: 'NO',
      in_recyclebin: 'NO',
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
      log_archive_status: archive ? 'DOING' : null,
      archive_round: archive
        ? { round_id: 1, started_at: now - 86_400_000, stopped_at: null }
        : null,
      archive_epoch: 0,
      archive_delay_s: 2,
      archive_stalled_at: null,
      backup_jobs: [],
      delete_policy: null,
    };
  });
  // Configured tenants start with one completed full backup (two days ago).
  for (const tenant of tenants)
    if (tenant.data_base_uri) setBackupHistory(tenant, 'completed', now);
  return tenants;
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
