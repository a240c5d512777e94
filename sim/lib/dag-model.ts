/** In-memory DAG records and their DTOs (contract §5). */
export type TaskState = 'PENDING' | 'READY' | 'RUNNING' | 'FAILED' | 'SUCCEED';
export type TaskOperator = 'RUN' | 'RETRY' | 'ROLLBACK' | 'CANCEL' | 'PASS';

export interface TaskLog {
  id: number;
  executeTimes: number;
  content: string;
  time: number;
}

export interface SubTaskRecord {
  taskId: number;
  name: string;
  state: TaskState;
  operator: TaskOperator;
  start: number | null;
  end: number | null;
  executeTimes: number;
  agent: { ip: string; port: number };
  logs: TaskLog[];
  additionalData: Record<string, unknown> | null;
  /** What executing it means; synthetic steps just log. */
  action: SubTaskAction;
}

export type SubTaskAction =
  | { kind: 'check' }
  | { kind: 'set' }
  | { kind: 'synthetic' }
  /** "Check destination" of a start-backup DAG: obshell's Execute does nothing. */
  | { kind: 'noop' }
  | { kind: 'open-archive' }
  | { kind: 'start-backup' }
  | { kind: 'wait-backup' };

export interface NodeRecord {
  nodeId: number;
  name: string;
  state: TaskState;
  operator: TaskOperator;
  start: number | null;
  end: number | null;
  subTasks: SubTaskRecord[];
  /** Sub-tasks run one after another (per tenant) instead of in parallel (per agent). */
  sequential: boolean;
  canRollback: boolean;
}

/** Go's zero time: never started (and the creation answer, contract §4). */
export const ZERO_TIME = '0001-01-01T00:00:00Z';
/**
 * What RETRY / CANCEL / ROLLBACK write as the reset start/end (obshell's ZERO_TIME is the Unix
 * epoch, service/task/dag.go): shown until the DAG runs again.
 */
export const RESET_TIME = 0;

export interface DagRecord {
  dagId: number;
  name: string;
  stage: number;
  state: TaskState;
  operator: TaskOperator;
  /** null until it first runs (Go zero time); RESET_TIME after an operator reset it. */
  start: number | null;
  end: number | null;
  nodes: NodeRecord[];
  additionalData: Record<string, unknown> | null;
  /** Bumped by every operator so a superseded run loop stops. */
  epoch: number;
  /** Synthetic DAGs pinned to a state by /__sim/dag never advance. */
  frozen: boolean;
  /** 1 none, 3 tenant (contract §5); a tenant DAG locks `maintenanceKey` until it SUCCEEDs. */
  maintenanceType: 1 | 3;
  maintenanceKey: string;
  /** PARAM_NEED_BACKUP_TENANT: the one tenant a tenant-form DAG works on; null = all user tenants. */
  tenant: string | null;
}

/** A tenant-maintenance DAG holds its tenant's lock until it ends SUCCEED (failed ones keep it). */
export function holdsTenantLock(dag: DagRecord): boolean {
  return dag.maintenanceType === 3 && dag.state !== 'SUCCEED';
}

export function genericId(id: number): string {
  return `1${id}`;
}

/** "1"+id → id; undefined for ids of other agents or malformed ones. */
export function parseGenericId(text: string): number | undefined {
  if (!/^1\d+$/.test(text)) return undefined;
  const id = Number(text.slice(1));
  return Number.isSafeInteger(id) ? id : undefined;
}

/** obshell's IsFinished: FAILED (any operator, cancelled too) or SUCCEED. */
export function isFinished(dag: Pick<DagRecord, 'state'>): boolean {
  return dag.state === 'SUCCEED' || dag.state === 'FAILED';
}

/** `/task/dag/unfinish`: READY/RUNNING DAGs and FAILED maintenance DAGs (not flagged finished). */
export function isListedUnfinished(dag: DagRecord): boolean {
  return !isFinished(dag) || (dag.state === 'FAILED' && dag.maintenanceType !== 1);
}

/** Go's RFC 3339 with nanoseconds; our clock has milliseconds, so 6 zero digits follow. */
export function formatTime(ms: number): string {
  const iso = new Date(ms).toISOString(); // 2024-01-09T09:11:43.385Z
  return `${iso.slice(0, 23)}000000Z`;
}

function times(start: number | null, end: number | null) {
  // obshell repeats start_time in end_time while unfinished; never-started ones carry zero time.
  const s = start === null ? ZERO_TIME : formatTime(start);
  return {
    start_time: s,
    end_time: end === null ? (start === null ? ZERO_TIME : s) : formatTime(end),
  };
}

export function subTaskDto(task: SubTaskRecord) {
  return {
    id: genericId(task.taskId),
    task_id: task.taskId,
    name: task.name,
    state: task.state,
    operator: task.operator,
    ...times(task.start, task.end),
    additional_data: task.additionalData,
    execute_times: task.executeTimes,
    execute_agent: task.agent,
    // null until the sub-task first runs (contract §5).
    task_logs:
      task.executeTimes === 0 && task.logs.length === 0 ? null : task.logs.map((l) => l.content),
  };
}

export function nodeDto(node: NodeRecord, details: boolean) {
  return {
    id: genericId(node.nodeId),
    node_id: node.nodeId,
    name: node.name,
    state: node.state,
    operator: node.operator,
    ...times(node.start, node.end),
    additional_data: null,
    sub_tasks: details ? node.subTasks.map(subTaskDto) : null,
  };
}

export function dagDto(dag: DagRecord, details: boolean) {
  return {
    id: genericId(dag.dagId),
    dag_id: dag.dagId,
    name: dag.name,
    stage: dag.stage,
    max_stage: dag.nodes.length,
    maintenance_type: dag.maintenanceType,
    maintenance_key: dag.maintenanceKey,
    state: dag.state,
    operator: dag.operator,
    ...times(dag.start, dag.end),
    additional_data: details ? dag.additionalData : null,
    nodes: details ? dag.nodes.map((node) => nodeDto(node, true)) : null,
  };
}

export function logDtos(task: SubTaskRecord) {
  return task.logs.map((log) => ({
    id: log.id,
    sub_task_id: task.taskId,
    execute_times: log.executeTimes,
    log_content: log.content,
    is_sync: true,
    create_time: formatTime(log.time),
    update_time: formatTime(log.time),
  }));
}
