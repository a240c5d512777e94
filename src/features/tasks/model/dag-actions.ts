import { isTerminalDag, type Dag, type TaskOperator } from '../../../lib/obshell/dag';

/** The decisions obshell accepts through `POST /api/v1/task/dag/:id {operator}`. */
export type DagAction = Extract<TaskOperator, 'RETRY' | 'ROLLBACK' | 'PASS' | 'CANCEL'>;

/**
 * Which operators obshell allows for a DAG in this state (contract §5): a failed DAG waits for a
 * RETRY / ROLLBACK / PASS / CANCEL decision; one still moving can only be cancelled (unless a cancel
 * is already under way); a finished one takes nothing. The server stays the judge: it may still
 * refuse, e.g. ROLLBACK for a DAG that does not support it.
 */
export function allowedActions(dag: Pick<Dag, 'state' | 'operator'>): DagAction[] {
  if (isTerminalDag(dag)) return [];
  if (dag.state === 'FAILED') return ['RETRY', 'ROLLBACK', 'PASS', 'CANCEL'];
  if (dag.operator === 'CANCEL') return [];
  return ['CANCEL'];
}
