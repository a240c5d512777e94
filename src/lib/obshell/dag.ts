import { z } from 'zod';

/**
 * obshell's task model (contract §5). Lenient where obshell is: nullable fields, extra keys kept.
 * Shared because several features receive DAGs (a config change returns one; the timeline follows it).
 */
export const taskStateSchema = z.enum(['PENDING', 'READY', 'RUNNING', 'FAILED', 'SUCCEED']);
export const taskOperatorSchema = z.enum(['RUN', 'RETRY', 'ROLLBACK', 'CANCEL', 'PASS']);

const agentSchema = z.looseObject({ ip: z.string(), port: z.number() });

export const subTaskSchema = z.looseObject({
  id: z.string(),
  task_id: z.number().optional(),
  name: z.string(),
  state: taskStateSchema,
  operator: taskOperatorSchema,
  start_time: z.string().nullish(),
  end_time: z.string().nullish(),
  additional_data: z.record(z.string(), z.unknown()).nullish(),
  execute_times: z.number().nullish(),
  execute_agent: agentSchema.nullish(),
  task_logs: z.array(z.string()).nullish(),
});

export const dagNodeSchema = z.looseObject({
  id: z.string(),
  node_id: z.number().optional(),
  name: z.string(),
  state: taskStateSchema,
  operator: taskOperatorSchema,
  start_time: z.string().nullish(),
  end_time: z.string().nullish(),
  additional_data: z.record(z.string(), z.unknown()).nullish(),
  sub_tasks: z.array(subTaskSchema).nullish(),
});

export const dagSchema = z.looseObject({
  id: z.string(),
  dag_id: z.number(),
  name: z.string(),
  stage: z.number(),
  max_stage: z.number(),
  maintenance_type: z.number().nullish(),
  maintenance_key: z.string().nullish(),
  state: taskStateSchema,
  operator: taskOperatorSchema,
  start_time: z.string().nullish(),
  end_time: z.string().nullish(),
  additional_data: z.record(z.string(), z.unknown()).nullish(),
  nodes: z.array(dagNodeSchema).nullish(),
});

export type TaskState = z.infer<typeof taskStateSchema>;
export type TaskOperator = z.infer<typeof taskOperatorSchema>;
export type SubTask = z.infer<typeof subTaskSchema>;
export type DagNode = z.infer<typeof dagNodeSchema>;
export type Dag = z.infer<typeof dagSchema>;

export const BACKUP_CONFIG_DAG_NAME = 'Set obcluster backup config';

/**
 * Finished for good: SUCCEED (whatever the operator), or FAILED after a CANCEL. A plain FAILED DAG
 * waits for the user's RETRY / ROLLBACK / PASS / CANCEL decision, so it is not terminal.
 */
export function isTerminalDag(dag: Pick<Dag, 'state' | 'operator'> | undefined): boolean {
  if (!dag) return false;
  return dag.state === 'SUCCEED' || (dag.state === 'FAILED' && dag.operator === 'CANCEL');
}
