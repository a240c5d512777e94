import type {
  DagRecord,
  NodeRecord,
  SubTaskAction,
  SubTaskRecord,
  TaskOperator,
} from './dag-model';

/** DAG records in creation order, their id counters, and the task log writer. */
export class DagStore {
  private readonly dags = new Map<number, DagRecord>();
  private nextDagId = 1;
  private nextNodeId = 1;
  private nextTaskId = 1;
  private nextLogId = 1;

  constructor(private readonly now: () => number) {}

  get(dagId: number): DagRecord | undefined {
    return this.dags.get(dagId);
  }

  all(): DagRecord[] {
    return [...this.dags.values()];
  }

  newest(): DagRecord | undefined {
    return this.all().at(-1);
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

  newDag(
    name: string,
    nodes: NodeRecord[],
    scope: { tenant: string | null; lock: boolean } = { tenant: null, lock: false },
  ): DagRecord {
    const dag: DagRecord = {
      dagId: this.nextDagId++,
      name,
      stage: 1,
      state: 'READY',
      operator: 'RUN',
      // Not read back at creation (contract §4): zero time until it runs.
      start: null,
      end: null,
      nodes,
      additionalData: null,
      epoch: 0,
      frozen: false,
      maintenanceType: scope.lock ? 3 : 1,
      maintenanceKey: scope.lock ? (scope.tenant ?? '') : '',
      tenant: scope.tenant,
    };
    this.dags.set(dag.dagId, dag);
    return dag;
  }

  newNode(name: string, sequential: boolean, canRollback: boolean): NodeRecord {
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

  newTask(
    name: string,
    agent: { ip: string; port: number },
    action: SubTaskAction,
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

  log(task: SubTaskRecord, content: string): void {
    task.logs.push({
      id: this.nextLogId++,
      executeTimes: Math.max(1, task.executeTimes),
      content,
      time: this.now(),
    });
  }
}
