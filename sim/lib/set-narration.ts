import {
  archiveLagTargetProblem,
  changeDestinations,
  type BackupConfigChange,
} from './backup-config';
import { cancelJobs, runningJobs } from './backup-jobs';
import { destAttribute, logArchiveDest, type TenantState } from './cluster-state';
import { unexpectedLine, type Step } from './dag-step';
import { displayUri, ownDestination, tenantDestination } from './storage-uri';

/** Base duration of one step (one tenant in one phase) at timeScale 1. */
const STEP_MS = 350;

export interface SetContext {
  change: BackupConfigChange;
  /** All user tenants, read when the sub-task starts (contract: re-read each time a node runs). */
  tenants: TenantState[];
  clusterId: number;
  /** Cluster form: `<uri>/<cluster_id>/<tenant_id>/<dir>`; tenant form (§7): the URI plus '/'. */
  allTenants: boolean;
  now(): number;
}

function destination(ctx: SetContext, base: string, t: TenantState, dir: string): string {
  return ctx.allTenants
    ? tenantDestination(base, ctx.clusterId, t.tenant_id, dir)
    : ownDestination(base);
}

const tag = (t: TenantState) => `${t.name}(${t.tenant_id})`;

/** What a phase's failure is wrapped in (backup_config.go), for injected and OceanBase errors. */
export const PHASE_WRAP: Record<number, string> = {
  1: 'set log archive concurrency',
  2: 'set log archive: set log archive dest',
  3: 'set archive lag target',
  4: 'set data path',
  5: 'set ha low thread score',
  6: 'set delete policy',
};

/**
 * "Set backup config" (SetBackupConfigTask.Execute): six phases in order, each over all user
 * tenants; each step's effect lands in the state as it runs, so a failure keeps earlier phases.
 */
export function* setSteps(ctx: SetContext): Generator<Step> {
  const { change, tenants } = ctx;
  const { archive, data } = changeDestinations(change);
  if (change.logArchiveConcurrency !== undefined) {
    const n = change.logArchiveConcurrency;
    yield* closeArchiveLog(1, ctx);
    for (const t of tenants) {
      yield step(1, [`Set log archive concurrency to '${n}' for ${tag(t)}`], () => {
        t.parameters.log_archive_concurrency = String(n);
      });
    }
  }
  if (archive !== '') {
    yield* closeArchiveLog(2, ctx);
    const intro: string[] = [];
    if (change.binding !== undefined)
      intro.push(`Set log archive dest binding to ${change.binding}`);
    if (change.pieceSwitchInterval !== undefined)
      intro.push(`Set log archive dest piece switch interval to ${change.pieceSwitchInterval}`);
    for (const [i, t] of tenants.entries()) {
      const dest = destination(ctx, archive, t, 'clog');
      const lines = [...(i === 0 ? intro : []), `Set log archive dest for ${tag(t)}`];
      lines.push(`URI is '${displayUri(dest) ?? dest}'`);
      yield step(2, lines, () => {
        const previous = t.parameters.log_archive_dest ?? '';
        t.archive_base_uri = dest;
        t.parameters.log_archive_dest = logArchiveDest(
          dest,
          change.binding ?? destAttribute(previous, 'BINDING') ?? 'OPTIONAL',
          change.pieceSwitchInterval ?? destAttribute(previous, 'PIECE_SWITCH_INTERVAL') ?? '1d',
        );
      });
    }
  }
  if (change.archiveLagTarget !== undefined) {
    const value = change.archiveLagTarget;
    yield step(3, [`Set archive lag target to ${value}`]);
    for (const t of tenants) {
      const problem = archiveLagTargetProblem(value, t.archive_base_uri);
      if (problem) {
        yield {
          ...step(3, []),
          failure: unexpectedLine(`set archive lag target for ${tag(t)}: ${problem}`),
        };
        return;
      }
      yield step(3, [], () => {
        t.parameters.archive_lag_target = value;
      });
    }
  }
  if (data !== '') {
    for (const t of tenants) {
      const dest = destination(ctx, data, t, 'data');
      const lines = [`Set data backup dest for ${tag(t)}`];
      const running = runningJobs(t).length > 0;
      if (running) lines.push(`Wait ${tag(t)} backup finish`, `${tag(t)} backup finished`);
      lines.push(`URI is '${displayUri(dest) ?? dest}'`);
      yield step(4, lines, () => {
        cancelJobs(t, ctx.now());
        t.data_base_uri = dest;
        t.parameters.data_backup_dest = dest;
      });
    }
  }
  if (change.haLowThreadScore !== undefined) {
    const n = change.haLowThreadScore;
    for (const t of tenants) {
      yield step(5, [`Set ha low thread score for ${tag(t)} to ${n}`], () => {
        t.parameters.ha_low_thread_score = String(n);
      });
    }
  }
  if (change.deletePolicy !== undefined) {
    const { policy, recoveryWindow } = change.deletePolicy;
    for (const t of tenants) {
      const lines: string[] = [];
      const current = t.delete_policy;
      if (current) {
        // %v of CdbObBackupDeletePolicy{TenantID, PolicyName, RecoveryWindow}.
        lines.push(
          `Drop delete policy {${t.tenant_id} ${current.policy} ${current.recovery_window}} for ${tag(t)}`,
        );
      }
      lines.push(`Set delete policy to {${policy} ${recoveryWindow}} for ${tag(t)}`);
      yield step(6, lines, () => {
        t.delete_policy = { policy, recovery_window: recoveryWindow };
      });
    }
  }
}

function step(phase: number, lines: string[], apply?: () => void): Step {
  return apply ? { phase, lines, apply, ms: STEP_MS } : { phase, lines, ms: STEP_MS };
}

/** closeAllArchiveLog + waitForAllArchiveLogStop: NOARCHIVELOG only where not already. */
function* closeArchiveLog(phase: number, ctx: SetContext): Generator<Step> {
  const { tenants } = ctx;
  for (const t of tenants) {
    const open = t.log_mode !== 'NOARCHIVELOG';
    const lines = open ? [`Close archive log for ${tag(t)}`] : [];
    lines.push(`Archive log has been closed for ${tag(t)}`);
    yield step(phase, lines, () => {
      if (!open) return;
      t.log_mode = 'NOARCHIVELOG';
      if (t.log_archive_status !== null) t.log_archive_status = 'STOP';
      t.archive_epoch++;
      if (t.archive_round) t.archive_round.stopped_at ??= ctx.now();
    });
  }
  for (const t of tenants) {
    yield step(phase, [
      `Wait for ${tag(t)} to close archive log`,
      `Wait for ${tag(t)} archive log to be 'STOP'`,
      `Archive log has been closed for ${tag(t)}`,
    ]);
  }
}
