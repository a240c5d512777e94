import { z } from '../zod-mini';

/**
 * obshell's task model (contract §5). Lenient where obshell is: nullable fields, extra keys kept.
 * Shared because several features receive DAGs (a config change returns one; the timeline follows it).
 */
export const taskStateSchema = z.enum(['PENDING', 'READY', 'RUNNING', 'FAILED', 'SUCCEED']);
export const taskOperatorSchema = z.enum(['RUN', 'RETRY', 'ROLLBACK', 'CANCEL', 'PASS']);

const agentSchema = z.looseObject({ ip: z.string(), port: z.number() });

/** What a DAG node and a sub task both carry: a named step with its state and times. */
const stepFields = {
  id: z.string(),
  name: z.string(),
  state: taskStateSchema,
  operator: taskOperatorSchema,
  start_time: z.nullish(z.string()),
  end_time: z.nullish(z.string()),
  additional_data: z.nullish(z.record(z.string(), z.unknown())),
};

export const subTaskSchema = z.looseObject({
  ...stepFields,
  task_id: z.optional(z.number()),
  execute_times: z.nullish(z.number()),
  execute_agent: z.nullish(agentSchema),
  task_logs: z.nullish(z.array(z.string())),
});

export const dagNodeSchema = z.looseObject({
  ...stepFields,
  node_id: z.optional(z.number()),
  sub_tasks: z.nullish(z.array(subTaskSchema)),
});

export const dagSchema = z.looseObject({
  id: z.string(),
  dag_id: z.number(),
  name: z.string(),
  stage: z.number(),
  max_stage: z.number(),
  maintenance_type: z.nullish(z.number()),
  maintenance_key: z.nullish(z.string()),
  state: taskStateSchema,
  operator: taskOperatorSchema,
  start_time: z.nullish(z.string()),
  end_time: z.nullish(z.string()),
  additional_data: z.nullish(z.record(z.string(), z.unknown())),
  nodes: z.nullish(z.array(dagNodeSchema)),
});

export type TaskState = z.infer<typeof taskStateSchema>;
export type TaskOperator = z.infer<typeof taskOperatorSchema>;
export type SubTask = z.infer<typeof subTaskSchema>;
export type DagNode = z.infer<typeof dagNodeSchema>;
export type Dag = z.infer<typeof dagSchema>;

export const BACKUP_CONFIG_DAG_NAME = 'Set obcluster backup config';

/** The tenant-level twin's DAG name (contract §7). */
export function tenantBackupConfigDagName(tenant: string): string {
  return `${BACKUP_CONFIG_DAG_NAME} for ${tenant}`;
}

/**
 * The tenant a DAG locks until it ends SUCCEED (contract §7: maintenance_type 3, key = tenant; a
 * FAILED one keeps the lock). The name is the fallback for a list read without those fields.
 */
export function lockedTenant(
  dag: Pick<Dag, 'name' | 'state' | 'maintenance_type' | 'maintenance_key'>,
): string | undefined {
  if (dag.state === 'SUCCEED') return undefined;
  if (dag.maintenance_type === 3 && dag.maintenance_key) return dag.maintenance_key;
  const prefix = `${BACKUP_CONFIG_DAG_NAME} for `;
  return dag.name.startsWith(prefix) ? dag.name.slice(prefix.length) : undefined;
}

/**
 * Finished for good: SUCCEED, whatever the operator (RUN, PASS, ROLLBACK). A FAILED DAG, also a
 * cancelled one (FAILED + CANCEL), still waits for RETRY / ROLLBACK / PASS (contract §5).
 */
export function isTerminalDag(dag: Pick<Dag, 'state' | 'operator'> | undefined): boolean {
  return dag?.state === 'SUCCEED';
}
