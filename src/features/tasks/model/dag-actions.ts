import {
  BACKUP_CONFIG_DAG_NAME,
  isTerminalDag,
  type Dag,
  type DagNode,
  type TaskOperator,
} from '../../../lib/obshell/dag';

/** The decisions obshell accepts through `POST /api/v1/task/dag/:id {operator}`. */
export type DagAction = Extract<TaskOperator, 'RETRY' | 'ROLLBACK' | 'PASS' | 'CANCEL'>;

export const CHECK_NODE = 'Check backup config';
export const SET_NODE = 'Set backup config';

/** The cluster-level DAG, or its tenant-level twin "Set obcluster backup config for <tenant>". */
export function isBackupConfigDag(dag: Pick<Dag, 'name'>): boolean {
  return (
    dag.name === BACKUP_CONFIG_DAG_NAME || dag.name.startsWith(`${BACKUP_CONFIG_DAG_NAME} for `)
  );
}

type DagForActions = Pick<Dag, 'state' | 'operator' | 'name'> & { nodes?: Dag['nodes'] };

/** The step a failed (or cancelled) DAG stopped at. */
export function failedNode(dag: Pick<Dag, 'nodes'>): DagNode | undefined {
  return (dag.nodes ?? []).find((node) => node.state === 'FAILED');
}

/**
 * ROLLBACK needs every node up to the failed one to allow it. For the backup-config DAG only a
 * failed "Check backup config" does ("Set backup config" cannot be rolled back). For other DAGs we
 * do not know their nodes' rules: offer it and let obshell judge.
 */
function rollbackAllowed(dag: DagForActions): boolean {
  if (!isBackupConfigDag(dag)) return true;
  return failedNode(dag)?.name === CHECK_NODE;
}

/**
 * Which operators obshell allows for a DAG in this state (contract §5): a FAILED DAG, also a
 * cancelled one, waits for RETRY / PASS (and ROLLBACK where allowed); CANCEL only while READY or
 * RUNNING and not already under way (obshell refuses it on a finished DAG); SUCCEED takes nothing.
 */
export function allowedActions(dag: DagForActions): DagAction[] {
  if (isTerminalDag(dag)) return [];
  if (dag.state === 'FAILED') {
    return rollbackAllowed(dag) ? ['RETRY', 'ROLLBACK', 'PASS'] : ['RETRY', 'PASS'];
  }
  if ((dag.state === 'READY' || dag.state === 'RUNNING') && dag.operator !== 'CANCEL') {
    return ['CANCEL'];
  }
  return [];
}

/**
 * What PASS does to this DAG (PASS marks the failed step and every later one SUCCEED + PASS; none
 * of them run):
 * - `nothing`: the backup-config check failed: none of the configuration is applied;
 * - `partial`: "Set backup config" failed part-way: what it did stays (its log says what);
 * - `generic`: any other DAG: the failed step and the ones after it are not carried out.
 */
export interface PassEffect {
  kind: 'nothing' | 'partial' | 'generic';
  step: string;
}

export function passEffect(
  dag: Pick<Dag, 'name' | 'nodes'>,
  step: DagNode | undefined,
): PassEffect {
  const name = step?.name ?? '';
  if (isBackupConfigDag(dag) && name === CHECK_NODE) return { kind: 'nothing', step: name };
  if (isBackupConfigDag(dag) && name === SET_NODE) return { kind: 'partial', step: name };
  return { kind: 'generic', step: name };
}

/** Before PASS: the step that failed. */
export function passEffectBefore(dag: Pick<Dag, 'name' | 'nodes'>): PassEffect {
  return passEffect(dag, failedNode(dag));
}

/** After PASS (DAG SUCCEED + PASS): the first passed step is the one that had failed. */
export function passEffectAfter(dag: Pick<Dag, 'name' | 'nodes'>): PassEffect | undefined {
  const first = (dag.nodes ?? []).find((node) => node.operator === 'PASS');
  return first ? passEffect(dag, first) : undefined;
}
