import type { BackupConfigChange } from './backup-config';
import type { StartBackupSpec } from './backup-narration';
import type { TenantState } from './cluster-state';
import type { DagRecord, NodeRecord, SubTaskRecord } from './dag-model';
import type { DagStore } from './dag-store';
import type { StepClock } from './step-clock';

/** What the engine needs from the simulator around it. */
export interface EngineHost {
  now(): number;
  /** Consumes a matching /__sim/fail rule; true → this execution fails (at `phase`, if given). */
  shouldFail(node: NodeRecord, task: SubTaskRecord, phase: number | undefined): boolean;
  /** Every user tenant, whatever its status (contract: re-read each time a node runs). */
  userTenants(): TenantState[];
  clusterId(): number;
}

/** Shared by the runner, the operators and the synthetic DAGs. */
export interface EngineCore {
  store: DagStore;
  clock: StepClock;
  host: EngineHost;
  /** The change each backup DAG applies, kept out of the DTO. */
  changes: Map<number, BackupConfigChange>;
  /** What each start-backup DAG starts (mode, encryption, plus archive). */
  starts: Map<number, StartBackupSpec>;
  /** Starts (or restarts) the run loop; bumps the epoch so older loops stop. */
  launch(dag: DagRecord): void;
}

export const BACKUP_DAG_NAME = 'Set obcluster backup config';
export const CHECK_NODE = 'Check backup config';
export const SET_NODE = 'Set backup config';
export const START_FULL_DAG = 'Obcluster start full backup';
export const START_INCREMENT_DAG = 'Obcluster start increment backup';
export const START_NODES = {
  check: 'Check destination',
  open: 'Open archive log',
  start: 'Start backup',
  wait: 'Wait backup Finish',
} as const;

/** Wait before a READY DAG runs, and between the phases of an asynchronous operator. */
export const START_DELAY_MS = 600;
export const OPERATOR_STEP_MS = 500;
