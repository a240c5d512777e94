import { isDurationUnit, NS_PER_UNIT } from '../../../lib/backup-rules/duration';
import type { TenantParameters } from '../../../lib/obshell/tenant-queries';
import type {
  ArchiveLogTask,
  BackupJob,
  BackupTask,
  TenantStorage,
} from '../../../lib/obshell/tenant-schemas';

/**
 * One status row, derived from a tenant's shared reads. Every input may still be missing (the
 * table renders before every tenant is read): a missing read is "loading", never a problem.
 */
export type ArchiveState =
  | 'DOING'
  | 'BEGINNING'
  | 'PREPARE'
  | 'SUSPEND'
  | 'STOPPING'
  /**
   * No running round: stopped, never archived, or INTERRUPTED. obshell's reads cannot tell these
   * apart (`backup/log/tasks` lists BEGINNING/DOING/STOPPING/PREPARE/SUSPEND rounds only, and
   * `backup/info` carries no status); switching archiving on answers "…archive log is interrupted".
   */
  | 'OFF';

export type Problem =
  | 'archive-off'
  | 'delay-over-target'
  | 'no-data-destination'
  | 'backup-failed'
  | 'never-backed-up'
  | 'not-normal';

export interface TenantReads {
  name: string;
  tenantId: number;
  /** DBA_OB_TENANTS.STATUS as obcluster/info lists it; null when the agent does not say. */
  status: string | null;
  storage?: TenantStorage | undefined;
  parameters?: TenantParameters | undefined;
  archive?: ArchiveLogTask[] | undefined;
  /**
   * The running or latest backup task (cluster-wide `backup/overview`, which has no backup_type) or
   * newest job (`backup/tasks`); null = none at all (never backed up).
   */
  lastBackup?: LastBackup | null | undefined;
}

export type LastBackup = BackupTask | BackupJob;

export interface StatusRow {
  name: string;
  tenantId: number;
  tenantStatus: string | null;
  archive: ArchiveState | undefined;
  checkpoint: string | undefined;
  delaySeconds: number | undefined;
  lagTargetSeconds: number | undefined;
  archiveDestination: string | undefined;
  dataDestination: string | undefined;
  lastBackup: LastBackup | null | undefined;
  problems: Problem[];
  /** Every read of this tenant answered. */
  complete: boolean;
}

/**
 * archive_lag_target as OceanBase shows the parameter ("2m", "120s", "0"); undefined when
 * unreadable. Not obshell's ParseTime (`parseObDuration`): a parameter value may be "0", carry a
 * fraction or no unit (seconds), all of which ParseTime refuses. Only the units are shared.
 */
export function parseLagTarget(value: string | undefined): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value ?? '');
  if (!match) return undefined;
  const unit = (match[2] ?? '').toLowerCase() || 's';
  if (!isDurationUnit(unit)) return undefined;
  return (Number(match[1]) * Number(NS_PER_UNIT[unit])) / 1e9;
}

/** Failed, cancelled or otherwise unsuccessful end of a backup job or task. */
export function isFailedBackup(job: LastBackup): boolean {
  return ['FAILED', 'CANCELED', 'CANCELLED'].includes(job.status.toUpperCase());
}

export function deriveRow(reads: TenantReads): StatusRow {
  const round = reads.archive?.[0];
  const archive: ArchiveState | undefined =
    reads.archive === undefined
      ? undefined
      : round
        ? (round.status.toUpperCase() as ArchiveState)
        : 'OFF';
  const values = reads.parameters?.readable ? reads.parameters.values : undefined;
  const lagTargetSeconds = parseLagTarget(values?.archive_lag_target);
  const delaySeconds = round?.delay ?? undefined;
  const storage = reads.storage;
  const problems: Problem[] = [];
  if (reads.status !== null && reads.status !== 'NORMAL') problems.push('not-normal');
  if (archive === 'OFF' || archive === 'STOPPING') problems.push('archive-off');
  if (delaySeconds !== undefined && lagTargetSeconds !== undefined && lagTargetSeconds > 0) {
    if (delaySeconds > lagTargetSeconds) problems.push('delay-over-target');
  }
  if (storage?.data_base_uri === '') problems.push('no-data-destination');
  if (reads.lastBackup === null) problems.push('never-backed-up');
  else if (reads.lastBackup && isFailedBackup(reads.lastBackup)) problems.push('backup-failed');
  return {
    name: reads.name,
    tenantId: reads.tenantId,
    tenantStatus: reads.status,
    archive,
    checkpoint: round?.checkpoint ?? undefined,
    delaySeconds,
    lagTargetSeconds,
    archiveDestination: storage?.archive_base_uri,
    dataDestination: storage?.data_base_uri,
    lastBackup: reads.lastBackup,
    problems,
    complete:
      reads.archive !== undefined &&
      reads.lastBackup !== undefined &&
      reads.storage !== undefined &&
      reads.parameters !== undefined,
  };
}

export type SortKey = 'problems' | 'name' | 'delay' | 'last-backup';

/** Problems first (most problems on top), then by name; other keys keep name as tie-break. */
// The page sorts on every answer while hundreds of tenants arrive: one collator, not one per compare.
const collator = new Intl.Collator();

export function sortRows(rows: readonly StatusRow[], key: SortKey): StatusRow[] {
  const byName = (a: StatusRow, b: StatusRow) => collator.compare(a.name, b.name);
  const compare: Record<SortKey, (a: StatusRow, b: StatusRow) => number> = {
    problems: (a, b) => b.problems.length - a.problems.length || byName(a, b),
    name: byName,
    delay: (a, b) => (b.delaySeconds ?? -1) - (a.delaySeconds ?? -1) || byName(a, b),
    'last-backup': (a, b) =>
      collator.compare(a.lastBackup?.start_timestamp ?? '', b.lastBackup?.start_timestamp ?? '') ||
      byName(a, b),
  };
  return [...rows].sort(compare[key]);
}

export function filterRows(
  rows: readonly StatusRow[],
  filter: { text: string; problemsOnly: boolean },
): StatusRow[] {
  const text = filter.text.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (!filter.problemsOnly || r.problems.length > 0) &&
      (text === '' || r.name.toLowerCase().includes(text)),
  );
}
