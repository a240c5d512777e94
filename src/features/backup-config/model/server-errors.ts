import { isObshellError, type ObshellError } from '../../../lib/obshell/envelope';
import type { BackupConfigPatch } from './changes';

/** Form paths a server rejection can land on. */
export type ErrorTarget =
  | 'destination.path'
  | 'data_destination.path'
  | 'log_archive_concurrency'
  | 'ha_low_thread_score'
  | 'binding'
  | 'piece_switch_interval'
  | 'archive_lag_target'
  | 'delete_policy.policy'
  | 'delete_policy.recovery_window';

const BY_ERR_CODE: Record<string, ErrorTarget> = {
  'OB.Backup.BaseUriEmpty': 'destination.path',
  // Tenant scope (§7): `destination` holds archive_base_uri there.
  'OB.Backup.ArchiveBaseUriEmpty': 'destination.path',
  'OB.Backup.DataBaseUriEmpty': 'data_destination.path',
  'OB.Storage.URI.Invalid': 'destination.path',
  'OB.Backup.LogArchiveConcurrency.Invalid': 'log_archive_concurrency',
  'OB.Backup.HaLowThreadScore.Invalid': 'ha_low_thread_score',
  'OB.Backup.Binding.Invalid': 'binding',
  'OB.Backup.PieceSwitchInterval.Invalid': 'piece_switch_interval',
  'OB.Backup.DeletePolicy.Invalid': 'delete_policy.policy',
  'OB.Backup.ArchiveLagTarget.Invalid': 'archive_lag_target',
  'OB.Backup.ArchiveLagTargetForS3.Invalid': 'archive_lag_target',
};

/**
 * Older obshell (< 4.3.1) sends only code 1000/1001 and an English or Chinese message, so the
 * message is the only clue. Patterns cover both languages of the server's messages (contract §4).
 */
const BY_MESSAGE: [RegExp, ErrorTarget, string][] = [
  [/archive_base_uri/i, 'destination.path', 'OB.Backup.ArchiveBaseUriEmpty'],
  [/data_base_uri/i, 'data_destination.path', 'OB.Backup.DataBaseUriEmpty'],
  [/backup_base_uri/i, 'destination.path', 'OB.Backup.BaseUriEmpty'],
  [/storage URI|存储路径/i, 'destination.path', 'OB.Storage.URI.Invalid'],
  [
    /log_archive_concurrency/i,
    'log_archive_concurrency',
    'OB.Backup.LogArchiveConcurrency.Invalid',
  ],
  [/ha_low_thread_score/i, 'ha_low_thread_score', 'OB.Backup.HaLowThreadScore.Invalid'],
  [/binding mode|binging/i, 'binding', 'OB.Backup.Binding.Invalid'],
  [/piece_switch_interval/i, 'piece_switch_interval', 'OB.Backup.PieceSwitchInterval.Invalid'],
  [/delete policy|删除策略/i, 'delete_policy.policy', 'OB.Backup.DeletePolicy.Invalid'],
  [
    /archive_lag_target.*S3|S3.*archive_lag_target/i,
    'archive_lag_target',
    'OB.Backup.ArchiveLagTargetForS3.Invalid',
  ],
  [/archive_lag_target/i, 'archive_lag_target', 'OB.Backup.ArchiveLagTarget.Invalid'],
];

export interface MappedServerError {
  target: ErrorTarget;
  /** errCode (given or inferred) the UI has its own sentence for. */
  errCode: string;
  /** The duration string the server quoted, for InvalidTimeDuration. */
  quoted?: string | undefined;
}

/** Which of the sent durations the server quoted in "Time duration '<x>' is invalid". */
function durationTarget(message: string, body: BackupConfigPatch): MappedServerError | undefined {
  const quoted = /'([^']*)'/.exec(message)?.[1];
  if (quoted === undefined) return undefined;
  const candidates: [string | undefined, ErrorTarget][] = [
    [body.piece_switch_interval, 'piece_switch_interval'],
    [body.archive_lag_target, 'archive_lag_target'],
    [body.delete_policy?.recovery_window, 'delete_policy.recovery_window'],
  ];
  const hit = candidates.find(([value]) => value?.toLowerCase() === quoted.toLowerCase());
  return hit ? { target: hit[1], errCode: 'Common.InvalidTimeDuration', quoted } : undefined;
}

/** Errors obshell gives when a maintenance lock refuses to create the DAG (contract §7, 500). */
export const MAINTENANCE_REFUSALS = [
  'OB.Tenant.UnderMaintenance',
  'OB.Cluster.UnderMaintenance',
  'OB.Cluster.UnderMaintenanceWithDag',
] as const;

export function isMaintenanceRefusal(error: unknown): error is ObshellError {
  if (!isObshellError(error) || error.kind !== 'server') return false;
  if (error.errCode) return (MAINTENANCE_REFUSALS as readonly string[]).includes(error.errCode);
  // Legacy envelope: only the message says so.
  return /under maintenance|维护|运维/i.test(error.message);
}

/** A bad scheme lands on the one URI sent; obshell checks archive_base_uri before data_base_uri. */
function uriTarget(errCode: string, target: ErrorTarget | undefined, body: BackupConfigPatch) {
  const dataOnly = body.data_base_uri !== undefined && body.archive_base_uri === undefined;
  return errCode === 'OB.Storage.URI.Invalid' && dataOnly ? 'data_destination.path' : target;
}

export function mapServerError(
  error: ObshellError,
  body: BackupConfigPatch,
): MappedServerError | undefined {
  if (error.kind !== 'server' || error.status !== 400) return undefined;
  if (error.errCode) {
    if (error.errCode === 'Common.InvalidTimeDuration') return durationTarget(error.message, body);
    const target = uriTarget(error.errCode, BY_ERR_CODE[error.errCode], body);
    return target ? { target, errCode: error.errCode } : undefined;
  }
  // Legacy envelope: integer code only.
  if (/Time duration|时间段/i.test(error.message)) return durationTarget(error.message, body);
  const hit = BY_MESSAGE.find(([pattern]) => pattern.test(error.message));
  return hit ? { target: uriTarget(hit[2], hit[1], body) ?? hit[1], errCode: hit[2] } : undefined;
}
