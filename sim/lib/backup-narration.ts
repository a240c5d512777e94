import { enableArchiveDest, openArchiveLog, type Sleep } from './archive-log';
import { newJob, runJob, runningJobs } from './backup-jobs';
import type { TenantState } from './cluster-state';
import { unexpectedLine, type Step } from './dag-step';

/**
 * The sub-tasks of "Obcluster start full|increment backup" (backup.go): texts are obshell's
 * ExecuteLogf lines. Each generator is read lazily, so a wait loop sees the state its previous
 * wait left. The first step carries phase 1 so a /__sim/fail rule fires when the node starts.
 */
export interface StartBackupSpec {
  mode: 'full' | 'incremental';
  encryption: string;
  plusArchive: boolean;
}

export interface BackupContext {
  tenants: TenantState[];
  now(): number;
  sleep: Sleep;
}

const STEP_MS = 350;
/** obshell polls once a second; bounded as its 600 s / 3600 s loops are. */
const POLL_MS = 1_000;
const tag = (t: TenantState) => `${t.name}(${t.tenant_id})`;
const closed = (t: TenantState) => t.log_mode === 'NOARCHIVELOG';

/** CheckDestTask.Execute does nothing (its body is commented out). */
export function* checkDestinationSteps(): Generator<Step> {
  yield { phase: 1, lines: [], ms: STEP_MS };
}

function* waitOpened(t: TenantState): Generator<Step> {
  yield { lines: [`Wait ${tag(t)} archive log opened`], ms: POLL_MS };
  for (let i = 0; closed(t); i++) {
    if (i >= 600) {
      yield {
        lines: [],
        failure: 'ERROR: [OB.Cluster.AsyncOperationTimeout]: wait archive log opened timeout',
        ms: 0,
      };
      return;
    }
    yield { lines: [], ms: POLL_MS };
  }
}

function* waitDoing(t: TenantState): Generator<Step> {
  yield { lines: [`Wait for ${tag(t)} archive log to be 'DOING'`], ms: POLL_MS };
  for (let i = 0; t.log_archive_status !== 'DOING'; i++) {
    if (i >= 3600) {
      const status = t.log_archive_status ?? '';
      const what = `wait tenant: ${tag(t)}, status: ${status} archive log doing`;
      yield {
        lines: [],
        failure: `ERROR: [OB.Cluster.AsyncOperationTimeout]: ${what} timeout`,
        ms: 0,
      };
      return;
    }
    yield { lines: [], ms: POLL_MS };
  }
}

/** OpenArchiveLogTask: ARCHIVELOG where NOARCHIVELOG, then per tenant until DOING. */
export function* openArchiveSteps(ctx: BackupContext): Generator<Step> {
  yield { phase: 1, lines: [], ms: 0 };
  for (const t of ctx.tenants) {
    if (!closed(t)) continue;
    yield {
      lines: [`Open archive log of ${tag(t)}`],
      apply: () => openArchiveLog(t, ctx.now(), ctx.sleep),
      ms: STEP_MS,
    };
  }
  for (const t of ctx.tenants) {
    if (closed(t)) yield* waitOpened(t);
    const status = t.log_archive_status ?? '';
    yield { lines: [`Archive log status of ${tag(t)} is '${status}'`], ms: STEP_MS };
    switch (status) {
      case 'DOING':
        continue;
      case 'STOP':
      case 'STOPPING':
        yield { lines: [], apply: () => openArchiveLog(t, ctx.now(), ctx.sleep), ms: STEP_MS };
        yield* waitOpened(t);
        yield* waitDoing(t);
        continue;
      case 'SUSPEND':
      case 'SUSPENDING':
        yield { lines: [], apply: () => enableArchiveDest(t, ctx.sleep), ms: STEP_MS };
        yield* waitDoing(t);
        continue;
      case 'INTERRUPTED':
        yield {
          lines: [],
          failure: unexpectedLine(`tenant ${tag(t)} archive log interrupted`),
          ms: 0,
        };
        return;
      default: // no row yet, PREPARE, BEGINNING
        yield* waitDoing(t);
    }
  }
}

/** StartBackupTask: `ALTER SYSTEM BACKUP [INCREMENTAL] TENANT = t [PLUS ARCHIVELOG]` per tenant. */
export function* startBackupSteps(ctx: BackupContext, spec: StartBackupSpec): Generator<Step> {
  yield { phase: 1, lines: [], ms: 0 };
  const full = spec.mode === 'full';
  for (const t of ctx.tenants) {
    const line = `Start ${full ? 'full' : 'incremental'} backup of ${tag(t)}`;
    if (runningJobs(t).length > 0) {
      // OceanBase runs one backup job per tenant; the error text is the simulator's.
      const what = `start ${full ? 'full' : 'incremental'} backup`;
      const error = 'Error 9045 (HY000): backup is already in progress (simulated)';
      yield { lines: [line], failure: unexpectedLine(`${what}: ${error}`), ms: 0 };
      return;
    }
    yield {
      lines: [line],
      apply: () => {
        const job = newJob(t, ctx.now(), {
          backup_type: full ? 'FULL' : 'INC',
          plus_archivelog: spec.plusArchive,
          encrypted: spec.encryption !== '',
        });
        t.backup_jobs.push(job);
        runJob(job, () => ctx.now(), ctx.sleep);
      },
      ms: STEP_MS,
    };
  }
}

/** WaitBackupTaskFinish / waitBackupFinish: until CDB_OB_BACKUP_JOBS has no row of the tenant. */
export function* waitBackupSteps(ctx: BackupContext): Generator<Step> {
  yield { phase: 1, lines: [], ms: 0 };
  for (const t of ctx.tenants) {
    yield { lines: [`Wait ${tag(t)} backup finish`], ms: 0 };
    for (let i = 0; runningJobs(t).length > 0; i++) {
      if (i >= 3600) {
        const failure = `ERROR: [OB.Cluster.AsyncOperationTimeout]: backup for ${tag(t)} timeout`;
        yield { lines: [], failure, ms: 0 };
        return;
      }
      yield { lines: [], ms: POLL_MS };
    }
    yield { lines: [`${tag(t)} backup finished`], ms: 0 };
  }
}
