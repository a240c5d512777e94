import { generateAgentKey, type AgentKeyPair } from './crypto';
import { initialTenants, type TenantState } from './cluster-state';
import { DagEngine } from './dag-engine';
import type { NodeRecord, SubTaskRecord } from './dag-model';
import type { SimulatorOptions } from './options';
import type { ClockMode } from './step-clock';

export interface FailRule {
  step: string;
  mode: 'once' | 'always';
  /** "Set backup config" phase 1..6; absent = the first phase that runs. */
  phase?: number | undefined;
}

export interface LatencyRule {
  path: string;
  ms: number;
}

export interface FaultRule {
  kind: '500' | 'drop';
  remaining: number;
  path: string;
}

export interface LoggedRequest {
  time: string;
  method: string;
  uri: string;
  path: string;
  status: number;
  body: unknown;
}

const REQUEST_LOG_LIMIT = 1000;

/** Everything a reset puts back: cluster data, DAGs, faults, request log. */
export class SimState {
  options: SimulatorOptions;
  key: AgentKeyPair;
  tenants: TenantState[];
  engine: DagEngine;
  failRules: FailRule[] = [];
  latency: LatencyRule[] = [];
  faults: FaultRule[] = [];
  requests: LoggedRequest[] = [];
  stats = { total: 0, byPath: new Map<string, number>(), peakInFlight: 0 };
  /** `/api` requests being answered right now (issue 13: a page keeps at most 4 at one obshell). */
  inFlight = 0;
  clockOffsetMs = 0;
  /** Another (maintenance) DAG holds the cluster: config changes answer OB.Cluster.UnderMaintenance. */
  maintenance = false;
  /** The global maintenance DAG's name (OB.Cluster.UnderMaintenanceWithDag); null = none known. */
  maintenanceDag: string | null = null;
  /** `/api/v1/obcluster/info` answers degraded (OceanBase unreachable): `tenants: null`. */
  degraded = false;
  readonly startedAt = Date.now();

  constructor(options: SimulatorOptions) {
    this.options = options;
    this.key = generateAgentKey(options.keyBits);
    this.tenants = initialTenants(options, this.now());
    this.engine = this.newEngine('auto');
  }

  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  reset(options: SimulatorOptions, clock: ClockMode = 'auto'): void {
    this.engine.stop();
    if (options.keyBits !== this.key.bits) this.key = generateAgentKey(options.keyBits);
    this.options = options;
    this.tenants = initialTenants(options, this.now());
    this.failRules = [];
    this.latency = [];
    this.faults = [];
    this.requests = [];
    this.stats = { total: 0, byPath: new Map(), peakInFlight: 0 };
    this.clockOffsetMs = 0;
    this.maintenance = false;
    this.maintenanceDag = null;
    this.degraded = false;
    this.engine = this.newEngine(clock);
  }

  rotateKey(): void {
    this.key = generateAgentKey(this.options.keyBits);
  }

  logRequest(entry: LoggedRequest): void {
    this.requests.push(entry);
    if (this.requests.length > REQUEST_LOG_LIMIT) this.requests.shift();
  }

  count(path: string): void {
    this.stats.total++;
    this.stats.byPath.set(path, (this.stats.byPath.get(path) ?? 0) + 1);
  }

  /** Call when an `/api` request arrives, and the returned function when it is answered. */
  enter(): () => void {
    this.inFlight++;
    this.stats.peakInFlight = Math.max(this.stats.peakInFlight, this.inFlight);
    let left = false;
    return () => {
      if (!left) this.inFlight--;
      left = true;
    };
  }

  tenant(name: string): TenantState | undefined {
    return this.tenants.find((t) => t.name === name);
  }

  private newEngine(clock: ClockMode): DagEngine {
    return new DagEngine(
      {
        now: () => this.now(),
        shouldFail: (node, task, phase) => this.consumeFailure(node, task, phase),
        userTenants: () => [...this.tenants],
        clusterId: () => this.options.clusterId,
      },
      () => this.options.timeScale,
      clock,
    );
  }

  /**
   * A rule naming a node fails that node's first sub-task; one naming a sub-task fails it. A rule
   * with a phase fires only when that phase of "Set backup config" starts.
   */
  private consumeFailure(
    node: NodeRecord,
    task: SubTaskRecord,
    phase: number | undefined,
  ): boolean {
    const index = this.failRules.findIndex((rule) => {
      if (rule.phase !== undefined && rule.phase !== phase) return false;
      const step = rule.step.toLowerCase();
      // "Check backup config on 127.0.0.2:2886" targets one agent's check.
      if (step === `${task.name} on ${task.agent.ip}:${task.agent.port}`.toLowerCase()) return true;
      return step === node.name.toLowerCase() && node.subTasks[0] === task;
    });
    const rule = this.failRules[index];
    if (!rule) return false;
    if (rule.mode === 'once') this.failRules.splice(index, 1);
    return true;
  }
}
