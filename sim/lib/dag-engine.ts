import type { BackupConfigChange } from './backup-config';
import type { StartBackupSpec } from './backup-narration';
import {
  BACKUP_DAG_NAME,
  CHECK_NODE,
  SET_NODE,
  START_FULL_DAG,
  START_INCREMENT_DAG,
  START_NODES,
  type EngineCore,
  type EngineHost,
} from './dag-core';
import type { DagRecord, NodeRecord, SubTaskRecord, TaskState } from './dag-model';
import { operate } from './dag-operators';
import { runDag } from './dag-runner';
import { DagStore } from './dag-store';
import { createSynthetic } from './dag-synthetic';
import type { AgentSpec } from './options';
import { StepClock, type ClockMode } from './step-clock';

export { BACKUP_DAG_NAME, CHECK_NODE, SET_NODE, type EngineHost };

/** DAGs of one simulated cluster: creation, run loops, operators (contract §4–§5). */
export class DagEngine {
  readonly clock: StepClock;
  private readonly core: EngineCore;

  constructor(host: EngineHost, timeScale: () => number, mode: ClockMode) {
    const store = new DagStore(() => host.now());
    this.clock = new StepClock(mode, timeScale);
    const core: EngineCore = {
      store,
      clock: this.clock,
      host,
      changes: new Map(),
      starts: new Map(),
      launch: (dag) => {
        const epoch = ++dag.epoch;
        void runDag(core, dag, epoch);
      },
    };
    this.core = core;
  }

  /** Stops every run loop (reset / close). Pending waits never resolve. */
  stop(): void {
    this.clock.stop();
  }

  get(dagId: number): DagRecord | undefined {
    return this.core.store.get(dagId);
  }

  all(): DagRecord[] {
    return this.core.store.all();
  }

  newest(): DagRecord | undefined {
    return this.core.store.newest();
  }

  findNode(nodeId: number): NodeRecord | undefined {
    return this.core.store.findNode(nodeId);
  }

  findSubTask(taskId: number): SubTaskRecord | undefined {
    return this.core.store.findSubTask(taskId);
  }

  /**
   * Node 1: one check per agent, in parallel. Node 2: ONE sub-task over all user tenants, or over
   * `tenant` only (§7: "… for <tenant>", a tenant-maintenance DAG locking that tenant).
   */
  createBackupConfigDag(
    change: BackupConfigChange,
    agents: AgentSpec[],
    tenant: string | null = null,
  ): DagRecord {
    const { store } = this.core;
    const master = agents[0] ?? { ip: '127.0.0.1', port: 2886 };
    const check = store.newNode(CHECK_NODE, false, true);
    check.subTasks = agents.map((agent) => store.newTask(CHECK_NODE, agent, { kind: 'check' }));
    const set = store.newNode(SET_NODE, true, false);
    set.subTasks = [store.newTask(SET_NODE, master, { kind: 'set' })];
    const name = tenant === null ? BACKUP_DAG_NAME : `${BACKUP_DAG_NAME} for ${tenant}`;
    const dag = store.newDag(name, [check, set], { tenant, lock: tenant !== null });
    this.core.changes.set(dag.dagId, change);
    this.core.launch(dag);
    return dag;
  }

  /**
   * "Obcluster start full|increment backup" (+ " for <tenant>"), not a maintenance DAG: "Check
   * destination" on every agent in parallel, then one sub-task each for the other three nodes.
   */
  createStartBackupDag(
    spec: StartBackupSpec,
    agents: AgentSpec[],
    tenant: string | null,
  ): DagRecord {
    const { store } = this.core;
    const master = agents[0] ?? { ip: '127.0.0.1', port: 2886 };
    const check = store.newNode(START_NODES.check, false, true);
    check.subTasks = agents.map((agent) =>
      store.newTask(START_NODES.check, agent, { kind: 'noop' }),
    );
    const single = (name: string, kind: 'open-archive' | 'start-backup' | 'wait-backup') => {
      const node = store.newNode(name, true, true);
      node.subTasks = [store.newTask(name, master, { kind })];
      return node;
    };
    const nodes = [
      check,
      single(START_NODES.open, 'open-archive'),
      single(START_NODES.start, 'start-backup'),
      single(START_NODES.wait, 'wait-backup'),
    ];
    const base = spec.mode === 'full' ? START_FULL_DAG : START_INCREMENT_DAG;
    const name = tenant === null ? base : `${base} for ${tenant}`;
    const dag = store.newDag(name, nodes, { tenant, lock: false });
    this.core.starts.set(dag.dagId, spec);
    this.core.launch(dag);
    return dag;
  }

  createSynthetic(nodes: number, name: string, agent: AgentSpec, pinned?: TaskState): DagRecord {
    return createSynthetic(this.core, nodes, name, agent, pinned);
  }

  operate(dag: DagRecord, rawOperator: string): void {
    operate(this.core, dag, rawOperator);
  }
}
