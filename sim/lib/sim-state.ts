import { generateAgentKey, type AgentKeyPair } from './crypto';
import { initialTenants, type TenantState } from './cluster-state';
import { DagEngine } from './dag-engine';
import type { NodeRecord, SubTaskRecord } from './dag-model';
import type { SimulatorOptions } from './options';

export interface FailRule {
  step: string;
  mode: 'once' | 'always';
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
  stats = { total: 0, byPath: new Map<string, number>() };
  clockOffsetMs = 0;
  /** Another (maintenance) DAG holds the cluster: config changes answer OB.Cluster.UnderMaintenance. */
  maintenance = false;
  readonly startedAt = Date.now();

  constructor(options: SimulatorOptions) {
    this.options = options;
    this.key = generateAgentKey(options.keyBits);
    this.tenants = initialTenants(options);
    this.engine = this.newEngine();
  }

  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  reset(options: SimulatorOptions): void {
    this.engine.stop();
    if (options.keyBits !== this.key.bits) this.key = generateAgentKey(options.keyBits);
    this.options = options;
    this.tenants = initialTenants(options);
    this.failRules = [];
    this.latency = [];
    this.faults = [];
    this.requests = [];
    this.stats = { total: 0, byPath: new Map() };
    this.clockOffsetMs = 0;
    this.maintenance = false;
    this.engine = this.newEngine();
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

  private newEngine(): DagEngine {
    return new DagEngine({
      now: () => this.now(),
      timeScale: () => this.options.timeScale,
      shouldFail: (node, task) => this.consumeFailure(node, task),
      tenant: (name) => this.tenants.find((t) => t.name === name),
      clusterId: () => this.options.clusterId,
    });
  }

  /** A rule naming a node fails that node's first sub-task; one naming a sub-task fails it. */
  private consumeFailure(node: NodeRecord, task: SubTaskRecord): boolean {
    const index = this.failRules.findIndex((rule) => {
      const step = rule.step.toLowerCase();
      if (step === task.name.toLowerCase()) return true;
      return step === node.name.toLowerCase() && node.subTasks[0] === task;
    });
    const rule = this.failRules[index];
    if (!rule) return false;
    if (rule.mode === 'once') this.failRules.splice(index, 1);
    return true;
  }
}
