import { archiveLagTargetProblem, type BackupConfigChange } from './backup-config';
import {
  applyToTenant,
  archiveUriFor,
  dataUriFor,
  stopsArchiving,
  type TenantState,
} from './cluster-state';
import {
  isFinished,
  type DagRecord,
  type NodeRecord,
  type SubTaskRecord,
  type TaskOperator,
  type TaskState,
} from './dag-model';
import { errors } from './errors';
import type { AgentSpec } from './options';

/** What the engine needs from the simulator around it. */
export interface EngineHost {
  now(): number;
  timeScale(): number;
  /** Consumes a matching /__sim/fail rule; true → this execution fails. */
  shouldFail(node: NodeRecord, task: SubTaskRecord): boolean;
  tenant(name: string): TenantState | undefined;
  clusterId(): number;
}

export const BACKUP_DAG_NAME = 'Set obcluster backup config';
export const CHECK_NODE = 'Check backup config';
export const SET_NODE = 'Set backup config';

/** Base durations (ms) at timeScale 1: a person watching sees every step. */
const START_DELAY_MS = 600;
const CHECK_MS = 2_000;
const CHECK_SPREAD_MS = 600;
const SET_MS = 2_500;
const ROLLBACK_MS = 1_000;
const SYNTHETIC_MS = 1_500;

type Plan = { lines: string[]; failure?: string | undefined };

export class DagEngine {
  private readonly dags = new Map<number, DagRecord>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private nextDagId = 1;
  private nextNodeId = 1;
  private nextTaskId = 1;
  private nextLogId = 1;
  private stopped = false;
  /** The change each backup DAG applies, kept out of the DTO. */
  private readonly changes = new Map<number, BackupConfigChange>();

  constructor(private readonly host: EngineHost) {}

  /** Stops every run loop (reset / close). Pending sleeps never resolve. */
  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  get(dagId: number): DagRecord | undefined {
    return this.dags.get(dagId);
  }

  all(): DagRecord[] {
    return [...this.dags.values()];
  }

  findNode(nodeId: number): NodeRecord | undefined {
    for (const dag of this.dags.values()) {
      const node = dag.nodes.find((n) => n.nodeId === nodeId);
      if (node) return node;
    }
    return undefined;
  }

  findSubTask(taskId: number): SubTaskRecord | undefined {
    for (const dag of this.dags.values()) {
      for (const node of dag.nodes) {
        const task = node.subTasks.find((t) => t.taskId === taskId);
        if (task) return task;
      }
    }
    return undefined;
  }

  createBackupConfigDag(
    change: BackupConfigChange,
    agents: AgentSpec[],
    tenants: TenantState[],
  ): DagRecord {
    const master = agents[0] ?? { ip: '127.0.0.1', port: 2886 };
    const check = this.newNode(CHECK_NODE, false, true);
    check.subTasks = agents.map((agent) =>
      this.newTask(`Check backup config on ${agent.ip}:${agent.port}`, agent, {
        kind: 'check',
        uri: change.backupBaseUri,
      }),
    );
    const set = this.newNode(SET_NODE, true, false);
    set.subTasks = tenants.map((tenant) =>
      this.newTask(
        `Set backup config for tenant ${tenant.name}`,
        master,
        { kind: 'set', tenant: tenant.name },
        { tenant_name: tenant.name, tenant_id: tenant.tenant_id },
      ),
    );
    const dag = this.newDag(BACKUP_DAG_NAME, [check, set]);
    this.changes.set(dag.dagId, change);
    this.launch(dag);
    return dag;
  }

  /** `/__sim/dag`: n generic steps, optionally pinned to a state for rendering tests. */
  createSynthetic(
    nodeCount: number,
    name: string,
    agent: AgentSpec,
    pinned?: TaskState,
  ): DagRecord {
    const nodes = Array.from({ length: nodeCount }, (_, i) => {
      const node = this.newNode(`Step ${i + 1}`, false, true);
      node.subTasks = [this.newTask(`Step ${i + 1}`, agent, { kind: 'synthetic' })];
      return node;
    });
    const dag = this.newDag(name, nodes);
    if (!pinned) {
      this.launch(dag);
      return dag;
    }
    dag.frozen = true;
    this.pin(dag, pinned);
    return dag;
  }

  operate(dag: DagRecord, rawOperator: string): void {
    const operator = rawOperator.toUpperCase();
    switch (operator) {
      case 'RETRY':
        return this.retry(dag);
      case 'ROLLBACK':
        return this.rollback(dag);
      case 'CANCEL':
        return this.cancel(dag);
      case 'PASS':
        return this.pass(dag);
      default:
        throw errors.operatorNotSupport(rawOperator);
    }
  }

  // ---- operators (contract §5) ----

  private awaitingDecision(dag: DagRecord): boolean {
    return dag.state === 'FAILED' && dag.operator !== 'CANCEL';
  }

  private failedNode(dag: DagRecord): NodeRecord | undefined {
    return dag.nodes.find((node) => node.state === 'FAILED');
  }

  private retry(dag: DagRecord): void {
    if (!this.awaitingDecision(dag)) throw errors.retryNotFailed();
    const node = this.failedNode(dag);
    if (node) {
      node.state = 'PENDING';
      node.operator = 'RETRY';
      node.end = null;
      for (const task of node.subTasks) {
        if (task.state === 'FAILED') {
          task.state = 'PENDING';
          task.operator = 'RETRY';
          task.end = null;
        }
      }
    }
    dag.state = 'READY';
    dag.operator = 'RETRY';
    dag.end = null;
    dag.frozen = false;
    this.launch(dag);
  }

  private pass(dag: DagRecord): void {
    if (!this.awaitingDecision(dag)) throw errors.passNotFailed();
    const node = this.failedNode(dag);
    if (node) {
      node.state = 'PENDING';
      node.operator = 'PASS';
      node.end = null;
      for (const task of node.subTasks) {
        if (task.state === 'FAILED') {
          task.state = 'SUCCEED';
          task.operator = 'PASS';
          task.end = this.host.now();
          this.log(
            task,
            'Passed by user: the failure is skipped, nothing was changed by this step',
          );
        }
      }
    }
    dag.state = 'READY';
    dag.operator = 'PASS';
    dag.end = null;
    dag.frozen = false;
    this.launch(dag);
  }

  private rollback(dag: DagRecord): void {
    if (!this.awaitingDecision(dag)) throw errors.rollbackNotFailed();
    const node = this.failedNode(dag);
    const blocker = dag.nodes.find(
      (n) => !n.canRollback && n.state !== 'PENDING' && n.subTasks.some((t) => t.executeTimes > 0),
    );
    if (blocker) throw errors.rollbackNotAllowed(blocker.name);
    const epoch = ++dag.epoch;
    dag.state = 'RUNNING';
    dag.operator = 'ROLLBACK';
    dag.frozen = false;
    void (async () => {
      await this.sleep(ROLLBACK_MS);
      if (dag.epoch !== epoch) return;
      const touched = dag.nodes.filter((n) => n.state !== 'PENDING' || n === node);
      for (const n of touched.reverse()) {
        n.operator = 'ROLLBACK';
        n.state = 'SUCCEED';
        n.end = this.host.now();
        for (const task of n.subTasks) {
          if (task.executeTimes === 0) continue;
          task.operator = 'ROLLBACK';
          task.state = 'SUCCEED';
          task.end = this.host.now();
          this.log(task, 'Rolled back: nothing to undo for a check');
        }
      }
      dag.state = 'SUCCEED';
      dag.end = this.host.now();
    })();
  }

  private cancel(dag: DagRecord): void {
    if (isFinished(dag)) throw errors.cancelFinished();
    dag.epoch++;
    const now = this.host.now();
    for (const node of dag.nodes) {
      if (node.state === 'RUNNING' || node.state === 'READY') {
        node.state = 'FAILED';
        node.end = now;
      }
      for (const task of node.subTasks) {
        if (task.state === 'RUNNING' || task.state === 'READY') {
          task.state = 'FAILED';
          task.end = now;
          this.log(task, 'Cancelled by user');
        }
      }
    }
    dag.state = 'FAILED';
    dag.operator = 'CANCEL';
    dag.end = now;
  }

  // ---- execution ----

  private launch(dag: DagRecord): void {
    const epoch = ++dag.epoch;
    void this.run(dag, epoch);
  }

  private async run(dag: DagRecord, epoch: number): Promise<void> {
    await this.sleep(START_DELAY_MS);
    if (dag.epoch !== epoch) return;
    dag.state = 'RUNNING';
    // RETRY shows while queued; once running again the DAG is a plain RUN (contract: RETRY → SUCCEED+RUN).
    if (dag.operator === 'RETRY') dag.operator = 'RUN';
    for (let index = 0; index < dag.nodes.length; index++) {
      const node = dag.nodes[index];
      if (!node || node.state === 'SUCCEED') continue;
      dag.stage = index + 1;
      node.state = 'RUNNING';
      node.start ??= this.host.now();
      const pending = node.subTasks.filter((task) => task.state !== 'SUCCEED');
      let ok = true;
      if (node.sequential) {
        for (const task of pending) {
          ok = await this.execute(dag, epoch, node, task);
          if (dag.epoch !== epoch) return;
          if (!ok) break;
        }
      } else {
        const results = await Promise.all(
          pending.map((task) => this.execute(dag, epoch, node, task)),
        );
        ok = results.every(Boolean);
      }
      if (dag.epoch !== epoch) return;
      node.end = this.host.now();
      if (!ok) {
        node.state = 'FAILED';
        dag.state = 'FAILED';
        dag.end = this.host.now();
        return;
      }
      node.state = 'SUCCEED';
    }
    dag.state = 'SUCCEED';
    if (dag.operator !== 'PASS') dag.operator = 'RUN';
    dag.end = this.host.now();
  }

  private async execute(
    dag: DagRecord,
    epoch: number,
    node: NodeRecord,
    task: SubTaskRecord,
  ): Promise<boolean> {
    task.state = 'RUNNING';
    task.executeTimes++;
    task.start = this.host.now();
    task.end = null;
    const plan = this.plan(dag, node, task);
    const total = this.durationOf(node, task);
    for (const line of plan.lines) {
      this.log(task, line);
      await this.sleep(total / plan.lines.length);
      if (dag.epoch !== epoch) return false;
    }
    const injected = this.host.shouldFail(node, task);
    const failure = injected ? this.injectedFailure(task) : plan.failure;
    task.end = this.host.now();
    if (failure) {
      task.state = 'FAILED';
      this.log(task, failure);
      return false;
    }
    this.commit(dag, task);
    task.state = 'SUCCEED';
    if (task.operator === 'RETRY') task.operator = 'RUN';
    this.log(task, `${node.name} finished`);
    return true;
  }

  private durationOf(node: NodeRecord, task: SubTaskRecord): number {
    const index = node.subTasks.indexOf(task);
    switch (task.action.kind) {
      case 'check':
        return CHECK_MS + (index % 3) * (CHECK_SPREAD_MS / 2);
      case 'set':
        return SET_MS;
      default:
        return SYNTHETIC_MS;
    }
  }

  private plan(dag: DagRecord, node: NodeRecord, task: SubTaskRecord): Plan {
    const action = task.action;
    const change = this.changes.get(dag.dagId) ?? {};
    if (action.kind === 'check') {
      const where = action.uri ?? 'the current backup destinations';
      return {
        lines: [
          `Check backup config on ${task.agent.ip}:${task.agent.port}`,
          `Check write permission of ${action.uri ? `'${action.uri}'` : where}`,
          'Write and delete a probe file: ok',
        ],
      };
    }
    if (action.kind === 'set') {
      const tenant = this.host.tenant(action.tenant);
      if (!tenant) {
        return {
          lines: [`Set backup config for tenant ${action.tenant}`],
          failure: `tenant '${action.tenant}' is not exist`,
        };
      }
      return this.setPlan(tenant, change);
    }
    return { lines: [`${node.name}: working`] };
  }

  private setPlan(tenant: TenantState, change: BackupConfigChange): Plan {
    const name = tenant.name;
    const lines = [`Set backup config for tenant ${name}`];
    if (stopsArchiving(change)) {
      lines.push(`ALTER SYSTEM NOARCHIVELOG TENANT = ${name}`);
      lines.push(`Wait for log archive of tenant ${name} to stop (timeout 600s)`);
    }
    if (change.backupBaseUri !== undefined) {
      const clusterId = this.host.clusterId();
      const archive = archiveUriFor(change.backupBaseUri, clusterId, tenant.tenant_id);
      const data = dataUriFor(change.backupBaseUri, clusterId, tenant.tenant_id);
      const binding = change.binding ? ` BINDING=${change.binding}` : '';
      const piece = change.pieceSwitchInterval
        ? ` PIECE_SWITCH_INTERVAL=${change.pieceSwitchInterval}`
        : '';
      lines.push(`Stop running data backups of tenant ${name} (timeout 3600s)`);
      lines.push(
        `ALTER SYSTEM SET LOG_ARCHIVE_DEST = 'LOCATION=${archive}${binding}${piece}' TENANT = ${name}`,
      );
      lines.push(`ALTER SYSTEM SET DATA_BACKUP_DEST = '${data}' TENANT = ${name}`);
    }
    if (change.logArchiveConcurrency !== undefined) {
      lines.push(
        `ALTER SYSTEM SET LOG_ARCHIVE_CONCURRENCY = ${change.logArchiveConcurrency} TENANT = ${name}`,
      );
    }
    if (change.haLowThreadScore !== undefined) {
      lines.push(
        `ALTER SYSTEM SET HA_LOW_THREAD_SCORE = ${change.haLowThreadScore} TENANT = ${name}`,
      );
    }
    let failure: string | undefined;
    if (change.archiveLagTarget !== undefined) {
      lines.push(
        `ALTER SYSTEM SET ARCHIVE_LAG_TARGET = '${change.archiveLagTarget}' TENANT = ${name}`,
      );
      const archive =
        change.backupBaseUri !== undefined
          ? archiveUriFor(change.backupBaseUri, this.host.clusterId(), tenant.tenant_id)
          : tenant.archive_base_uri;
      failure = archiveLagTargetProblem(change.archiveLagTarget, archive);
    }
    if (change.deletePolicy !== undefined && !failure) {
      lines.push(`ALTER SYSTEM DROP DELETE BACKUP POLICY 'default' TENANT = ${name}`);
      const window = change.deletePolicy.recoveryWindow;
      lines.push(
        `ALTER SYSTEM ADD DELETE BACKUP POLICY 'default'${window ? ` RECOVERY_WINDOW '${window}'` : ''} TENANT = ${name}`,
      );
    }
    return { lines, failure };
  }

  private injectedFailure(task: SubTaskRecord): string {
    if (task.action.kind === 'check') {
      return `Check write permission on ${task.agent.ip}:${task.agent.port} failed: permission denied (fault injected by /__sim/fail)`;
    }
    if (task.action.kind === 'set') {
      return `Set backup config for tenant ${task.action.tenant} failed: Error 4012 (HY000): Timeout, query has reached the maximum query timeout (fault injected by /__sim/fail)`;
    }
    return `${task.name} failed (fault injected by /__sim/fail)`;
  }

  private commit(dag: DagRecord, task: SubTaskRecord): void {
    if (task.action.kind !== 'set') return;
    const tenant = this.host.tenant(task.action.tenant);
    const change = this.changes.get(dag.dagId);
    if (tenant && change) applyToTenant(tenant, change, this.host.clusterId());
  }

  private pin(dag: DagRecord, state: TaskState): void {
    const now = this.host.now();
    const middle = Math.floor(dag.nodes.length / 2);
    dag.nodes.forEach((node, index) => {
      let nodeState: TaskState = 'PENDING';
      if (state === 'SUCCEED' || index < middle) nodeState = 'SUCCEED';
      else if (index === middle && (state === 'RUNNING' || state === 'FAILED')) nodeState = state;
      node.state = nodeState;
      if (nodeState !== 'PENDING') node.start = now - (dag.nodes.length - index) * 1000;
      if (nodeState === 'SUCCEED' || nodeState === 'FAILED')
        node.end = now - (dag.nodes.length - index - 1) * 1000;
      for (const task of node.subTasks) {
        task.state = nodeState;
        task.start = node.start;
        task.end = node.end;
        if (nodeState !== 'PENDING') {
          task.executeTimes = 1;
          this.log(task, `${node.name}: working`);
        }
        if (nodeState === 'SUCCEED') this.log(task, `${node.name} finished`);
        if (nodeState === 'FAILED') this.log(task, `${node.name} failed (synthetic DAG)`);
      }
      if (nodeState === 'RUNNING' || nodeState === 'FAILED') dag.stage = index + 1;
    });
    if (state === 'SUCCEED') dag.stage = dag.nodes.length;
    dag.state = state;
    dag.end = state === 'SUCCEED' || state === 'FAILED' ? now : null;
  }

  // ---- records ----

  private newDag(name: string, nodes: NodeRecord[]): DagRecord {
    const dag: DagRecord = {
      dagId: this.nextDagId++,
      name,
      stage: 1,
      state: 'READY',
      operator: 'RUN',
      start: this.host.now(),
      end: null,
      nodes,
      additionalData: null,
      epoch: 0,
      frozen: false,
    };
    this.dags.set(dag.dagId, dag);
    return dag;
  }

  private newNode(name: string, sequential: boolean, canRollback: boolean): NodeRecord {
    return {
      nodeId: this.nextNodeId++,
      name,
      state: 'PENDING',
      operator: 'RUN',
      start: null,
      end: null,
      subTasks: [],
      sequential,
      canRollback,
    };
  }

  private newTask(
    name: string,
    agent: { ip: string; port: number },
    action: SubTaskRecord['action'],
    additionalData: Record<string, unknown> | null = null,
  ): SubTaskRecord {
    return {
      taskId: this.nextTaskId++,
      name,
      state: 'PENDING',
      operator: 'RUN' satisfies TaskOperator,
      start: null,
      end: null,
      executeTimes: 0,
      agent: { ip: agent.ip, port: agent.port },
      logs: [],
      additionalData,
      action,
    };
  }

  private log(task: SubTaskRecord, content: string): void {
    task.logs.push({
      id: this.nextLogId++,
      executeTimes: Math.max(1, task.executeTimes),
      content,
      time: this.host.now(),
    });
  }

  private sleep(baseMs: number): Promise<void> {
    if (this.stopped) return new Promise(() => undefined);
    const ms = Math.max(0, baseMs * this.host.timeScale());
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }
}
