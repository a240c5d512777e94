import type { TenantState } from './cluster-state';
import { formatTime, ZERO_TIME } from './dag-model';
import { displayUri } from './storage-uri';

/** One row of CDB_OB_BACKUP_JOBS (running, `end: null`) or of its history (contract §8). */
export interface BackupJobRecord {
  job_id: number;
  backup_set_id: number;
  plus_archivelog: boolean;
  backup_type: 'FULL' | 'INC';
  start: number;
  end: number | null;
  /** INIT, DOING, CANCELING while running; COMPLETED, FAILED, CANCELED after. */
  status: string;
  result: number;
  comment: string;
  path: string;
  /** Started with `SET ENCRYPTION ON IDENTIFIED BY … ONLY` (BackupTask encryption_mode). */
  encrypted?: boolean;
}

/** How long a started job runs: this many engine waits of JOB_STEP_MS (each one manual step). */
export const JOB_STEPS = 3;
const JOB_STEP_MS = 2_000;
const CANCEL_MS = 1_500;

type Sleep = (baseMs: number) => Promise<void>;

/** A job started by a start-backup DAG: DOING, COMPLETED after JOB_STEPS waits unless cancelled. */
export function runJob(job: BackupJobRecord, now: () => number, sleep: Sleep): void {
  void (async () => {
    for (let i = 0; i < JOB_STEPS; i++) {
      await sleep(JOB_STEP_MS);
      if (job.status !== 'DOING') return;
    }
    job.status = 'COMPLETED';
    job.end = now();
  })();
}

/**
 * `ALTER SYSTEM CANCEL BACKUP TENANT = t` (§6 PATCH): no waiting; running jobs show CANCELING and
 * end CANCELED one engine wait later.
 */
export function cancelJobsLater(t: TenantState, now: () => number, sleep: Sleep): void {
  const jobs = runningJobs(t).filter((job) => job.status !== 'CANCELING');
  if (jobs.length === 0) return;
  for (const job of jobs) job.status = 'CANCELING';
  void sleep(CANCEL_MS).then(() => {
    for (const job of jobs) {
      if (job.end !== null) continue;
      job.status = 'CANCELED';
      job.end = now();
      job.result = -4072;
      job.comment = 'backup canceled';
    }
  });
}

export type BackupHistory = 'none' | 'completed' | 'failed' | 'running';

const DAY = 86_400_000;

/** A new job of this tenant (ids count per tenant, as backup set ids do). */
export function newJob(
  t: TenantState,
  start: number,
  fields: Partial<BackupJobRecord> = {},
): BackupJobRecord {
  const id = Math.max(0, ...t.backup_jobs.map((job) => job.job_id)) + 1;
  return {
    job_id: id,
    backup_set_id: id,
    plus_archivelog: false,
    backup_type: 'FULL',
    start,
    end: null,
    status: 'DOING',
    result: 0,
    comment: '',
    path: displayUri(t.data_base_uri) ?? t.data_base_uri,
    ...fields,
  };
}

/** `scenario {backup}`: the tenant's backup history as a test needs it. */
export function setBackupHistory(t: TenantState, history: BackupHistory, now: number): void {
  const add = (start: number, fields: Partial<BackupJobRecord>) => {
    t.backup_jobs.push(newJob(t, start, { end: start + 600_000, status: 'COMPLETED', ...fields }));
  };
  t.backup_jobs = [];
  if (history === 'none') return;
  add(now - 2 * DAY, {});
  if (history === 'failed') {
    add(now - DAY, {
      backup_type: 'INC',
      status: 'FAILED',
      result: -9081,
      comment: 'backup data failed: no space left on device',
    });
  }
  if (history === 'running') add(now - 60_000, { end: null, status: 'DOING' });
}

export function runningJobs(t: TenantState): BackupJobRecord[] {
  return t.backup_jobs.filter((job) => job.end === null);
}

/** `ALTER SYSTEM CANCEL BACKUP`: running jobs end CANCELED (no waiting here). */
export function cancelJobs(t: TenantState, now: number): void {
  for (const job of runningJobs(t)) {
    job.status = 'CANCELED';
    job.end = now;
    job.result = -4072;
    job.comment = 'backup canceled';
  }
}

/** The running job, else the latest one (getTenantBackupTask). */
export function currentOrLatest(t: TenantState): BackupJobRecord | undefined {
  const running = runningJobs(t).at(-1);
  if (running) return running;
  return [...t.backup_jobs].sort((a, b) => b.start - a.start)[0];
}

/** BackupTask: CDB_OB_BACKUP_TASKS columns in snake_case; times never null (zero time). */
export function backupTaskDto(t: TenantState, job: BackupJobRecord) {
  const bytes = job.status === 'COMPLETED' ? 512 * 1024 * 1024 : 0;
  return {
    tenant_id: t.tenant_id,
    task_id: job.job_id,
    job_id: job.job_id,
    incarnation: 1,
    backup_set_id: job.backup_set_id,
    start_timestamp: formatTime(job.start),
    end_timestamp: job.end === null ? ZERO_TIME : formatTime(job.end),
    status: job.status,
    start_scn: job.start * 1_000_000,
    end_scn: (job.end ?? 0) * 1_000_000,
    user_ls_start_scn: job.start * 1_000_000,
    encryption_mode: job.encrypted ? 'PASSWORD' : 'NONE',
    input_bytes: bytes,
    output_bytes: bytes,
    output_rate_bytes: bytes === 0 ? 0 : Math.round(bytes / 600),
    extra_meta_bytes: 0,
    tablet_count: 120,
    finish_tablet_count: job.status === 'COMPLETED' ? 120 : 0,
    macro_block_count: 240,
    finish_macro_block_count: job.status === 'COMPLETED' ? 240 : 0,
    file_count: job.status === 'COMPLETED' ? 36 : 0,
    meta_turn_id: 1,
    data_turn_id: 1,
    result: job.result,
    comment: job.comment,
    path: job.path,
  };
}

/** BackupJob of `backup/tasks`: end_timestamp omitted while null. */
export function backupJobDto(t: TenantState, job: BackupJobRecord) {
  return {
    tenant_id: t.tenant_id,
    job_id: job.job_id,
    backup_set_id: job.backup_set_id,
    plus_archivelog: job.plus_archivelog ? 'ON' : 'OFF',
    backup_type: job.backup_type,
    start_timestamp: formatTime(job.start),
    ...(job.end === null ? {} : { end_timestamp: formatTime(job.end) }),
    status: job.status,
    result: job.result,
    comment: job.comment,
    description: '',
    path: job.path,
  };
}
