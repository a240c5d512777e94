import { useEffect } from 'react';
import { reportDagEnd } from './history-recorder';
import type { Dag } from './obshell/dag';
import { useObshell } from './obshell/obshell-context';

/**
 * The timeline's part of the change history: a backup-config DAG it sees end gets its outcome and
 * duration recorded. Polls bringing the same end again are dropped by reportDagEnd.
 */
export function useReportDagEnd(dag: Dag | undefined) {
  const { clusterKey } = useObshell();
  useEffect(() => {
    if (dag) void reportDagEnd(clusterKey, dag);
  }, [clusterKey, dag]);
}
