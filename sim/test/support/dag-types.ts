/** The DagDetailDTO fields the simulator tests read (contract §5). */
export interface SubTaskDto {
  name: string;
  state: string;
  task_logs: string[] | null;
  execute_agent: { ip: string; port: number };
}
export interface NodeDto {
  name: string;
  state: string;
  operator: string;
  sub_tasks: SubTaskDto[] | null;
}
export interface DagDto {
  id: string;
  dag_id: number;
  name: string;
  state: string;
  operator: string;
  stage: number;
  max_stage: number;
  maintenance_type: number;
  maintenance_key: string;
  nodes: NodeDto[] | null;
}

/** Every log line of a node's sub-tasks, in order. */
export function nodeLogs(dag: DagDto, node: string): string[] {
  const found = dag.nodes?.find((n) => n.name === node);
  return (found?.sub_tasks ?? []).flatMap((t) => t.task_logs ?? []);
}
