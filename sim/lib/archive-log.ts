import type { LogArchiveStatus, TenantState } from './cluster-state';
import { formatTime } from './dag-model';
import { errors } from './errors';
import { displayUri } from './storage-uri';

/** How long OceanBase takes to move BEGINNING → DOING, STOPPING → STOP… (base ms, engine clock). */
const SETTLE_MS = 1_500;

/** The engine clock: a transition is one step in manual mode, scaled time in auto mode. */
export type Sleep = (baseMs: number) => Promise<void>;

/**
 * `PATCH …/backup/log {status}` for these tenants in order (contract §6, backup_status.go).
 * No waiting: the new status shows after a settle step. INTERRUPTED stops the loop (500).
 */
export function switchArchiveLog(
  tenants: TenantState[],
  wanted: 'DOING' | 'STOP' | 'SUSPEND',
  now: number,
  sleep: Sleep,
): void {
  for (const t of tenants) {
    const status = t.log_archive_status;
    if (wanted === 'SUSPEND') {
      // DEFER for every tenant, whatever its status.
      t.parameters.log_archive_dest_state = 'DEFER';
      if (status === 'DOING' || status === 'BEGINNING' || status === 'PREPARE') {
        settle(t, 'SUSPENDING', 'SUSPEND', sleep);
      }
      continue;
    }
    if (status === 'INTERRUPTED') {
      throw errors.unexpected(`tenant ${t.name} archive log is interrupted`);
    }
    if (status === null) continue; // never archived: only a backup starts it
    if (wanted === 'DOING') startArchive(t, status, now, sleep);
    else stopArchive(t, status, now, sleep);
  }
}

function startArchive(t: TenantState, status: LogArchiveStatus, now: number, sleep: Sleep) {
  if (status === 'STOP' || status === 'STOPPING') {
    t.parameters.log_archive_dest_state = 'ENABLE';
    t.log_mode = 'ARCHIVELOG';
    const previous = t.archive_round?.round_id ?? 0;
    t.archive_round = { round_id: previous + 1, started_at: now, stopped_at: null };
    settle(t, 'BEGINNING', 'DOING', sleep);
  } else if (status === 'SUSPEND' || status === 'SUSPENDING') {
    t.parameters.log_archive_dest_state = 'ENABLE';
    settle(t, status, 'DOING', sleep);
  }
}

function stopArchive(t: TenantState, status: LogArchiveStatus, now: number, sleep: Sleep) {
  if (status === 'STOP' || status === 'STOPPING') return;
  t.log_mode = 'NOARCHIVELOG';
  settle(t, 'STOPPING', 'STOP', sleep, () => {
    if (t.archive_round) t.archive_round.stopped_at ??= now;
  });
}

function settle(
  t: TenantState,
  now: LogArchiveStatus,
  later: LogArchiveStatus,
  sleep: Sleep,
  done?: () => void,
): void {
  const epoch = ++t.archive_epoch;
  t.log_archive_status = now;
  void sleep(SETTLE_MS).then(() => {
    if (t.archive_epoch !== epoch) return;
    t.log_archive_status = later;
    done?.();
  });
}

/** `ALTER SYSTEM ARCHIVELOG` (start-backup DAG): ARCHIVELOG; no row / STOP → BEGINNING → DOING. */
export function openArchiveLog(t: TenantState, now: number, sleep: Sleep): void {
  t.log_mode = 'ARCHIVELOG';
  const status = t.log_archive_status;
  if (status !== null && status !== 'STOP' && status !== 'STOPPING') return;
  const previous = t.archive_round?.round_id ?? 0;
  t.archive_round = { round_id: previous + 1, started_at: now, stopped_at: null };
  settle(t, 'BEGINNING', 'DOING', sleep);
}

/** `LOG_ARCHIVE_DEST_STATE='ENABLE'`: a suspended round goes on (DOING one step later). */
export function enableArchiveDest(t: TenantState, sleep: Sleep): void {
  t.parameters.log_archive_dest_state = 'ENABLE';
  const status = t.log_archive_status;
  if (status === 'SUSPEND' || status === 'SUSPENDING') settle(t, status, 'DOING', sleep);
}

/**
 * Checkpoint and delay of the latest round: frozen at the stop (or where a stalled round stopped
 * advancing), else `archive_delay_s` behind.
 */
function roundFigures(t: TenantState, now: number) {
  const round = t.archive_round;
  if (!round) return undefined;
  const end = round.stopped_at ?? t.archive_stalled_at ?? now;
  const checkpoint = Math.max(round.started_at, end - t.archive_delay_s * 1000);
  return { round, checkpoint, delay: Math.max(0, (now - checkpoint) / 1000) };
}

const LISTED: (LogArchiveStatus | null)[] = [
  'BEGINNING',
  'DOING',
  'STOPPING',
  'PREPARE',
  'SUSPEND',
];

/** `GET /tenant/:name/backup/log/tasks`: the running round, if any (`[]` when none). */
export function archiveLogTasks(t: TenantState, now: number) {
  const figures = roundFigures(t, now);
  if (!figures || !LISTED.includes(t.log_archive_status)) return [];
  return [
    {
      tenant_id: t.tenant_id,
      tenant_name: '',
      round_id: figures.round.round_id,
      status: t.log_archive_status,
      path: displayUri(t.archive_base_uri) ?? t.archive_base_uri,
      delay: figures.delay,
      checkpoint: formatTime(figures.checkpoint),
      start_time: formatTime(figures.round.started_at),
    },
  ];
}

/** The archive half of `GET /tenant/:name/backup/info` (omitempty: absent when unknown or 0). */
export function archiveInfo(t: TenantState, now: number): Record<string, unknown> {
  const figures = roundFigures(t, now);
  if (!figures) return {};
  return {
    lastest_archive_log_checkpoint: formatTime(figures.checkpoint),
    ...(figures.delay === 0 ? {} : { archive_log_delay: figures.delay }),
  };
}
