import type { Dag } from '../../../lib/obshell/dag';
import { isBackupConfigDag } from './dag-actions';

/** How many backup-configuration tasks the tasks page lists. */
export const RECENT_LIMIT = 10;

/**
 * Tasks that still need obshell or the DBA: everything `/task/dag/unfinish` lists (READY/RUNNING,
 * every agent) plus the cluster DAGs `/task/dags/ob` has in FAILED, which the unfinished list
 * leaves out (contract §5): a failed task waiting for a decision must never drop off the page.
 */
export function openTasks(unfinished: readonly Dag[], cluster: readonly Dag[]): Dag[] {
  const seen = new Set(unfinished.map((dag) => dag.id));
  const failed = cluster.filter((dag) => dag.state === 'FAILED' && !seen.has(dag.id));
  return [...unfinished, ...failed];
}

/** The latest backup-configuration DAGs, newest first (dag ids grow with time). */
export function recentBackupConfigTasks(cluster: readonly Dag[]): Dag[] {
  return cluster
    .filter(isBackupConfigDag)
    .toSorted((a, b) => b.dag_id - a.dag_id)
    .slice(0, RECENT_LIMIT);
}
