import { useQueries, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { historyQueries } from '../../../lib/history-client';
import { whenIdle } from '../../../lib/when-idle';
import { reconcileDags } from '../../../lib/history-recorder';
import type { Dag } from '../../../lib/obshell/dag';
import { dagListQueries } from '../../../lib/obshell/dag-lists';
import { useObshell, useUnlockedConnections } from '../../../lib/obshell/obshell-context';

// Module-level, so useQueries keeps the combined array while no list changed.
const listsOf = (results: UseQueryResult<Dag[]>[]) => results.map((result) => result.data);

/**
 * The server may not ask obshell itself (it holds no password), so each History visit reads the
 * task list of every cluster unlocked in this tab (its own session each; a locked cluster cannot
 * be asked) and hands the backup-config DAGs to the server: entries still open get their outcome,
 * tasks started elsewhere appear as "outside". One signed GET and one POST per unlocked cluster.
 * `enabled`: false until the page's own first read has settled; then it waits for the browser to
 * be idle (the rows painted), so this never delays the first page, prefetched or not. Until then
 * it renders nothing and subscribes to nothing: its queries, observers and connection list are
 * made only once idle, not in the page's first render (issue 15: the first page's budget).
 */
export function ReconcileOnVisit({ enabled }: { enabled: boolean }) {
  const idle = useIdleAfter(enabled);
  return idle ? <Reconcile /> : null;
}

function Reconcile() {
  useReconcile();
  return null;
}

function useReconcile() {
  const { clusterKey } = useObshell();
  const connections = useUnlockedConnections();
  const queryClient = useQueryClient();
  const lists = useQueries({
    queries: connections.map((connection) => dagListQueries.cluster(connection)),
    combine: listsOf,
  });
  // Each list answer is handed over once (a refetch that changed nothing keeps the same array).
  const sent = useRef(new WeakSet<readonly Dag[]>());
  useEffect(() => {
    connections.forEach((connection, index) => {
      const dags = lists[index];
      if (!dags || sent.current.has(dags)) return;
      sent.current.add(dags);
      void reconcileDags(connection.clusterKey, dags).then((touched) => {
        // The history is cached under the current cluster's key, whichever cluster it concerns.
        if (touched > 0) {
          void queryClient.invalidateQueries({ queryKey: historyQueries.all(clusterKey) });
        }
      });
    });
  }, [connections, lists, clusterKey, queryClient]);
}

/** True from the first idle moment after `ready` turned true (a timer where there is no idle callback). */
function useIdleAfter(ready: boolean): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (!ready || idle) return;
    return whenIdle(() => setIdle(true), { timeoutMs: 1000, fallbackMs: 50 });
  }, [ready, idle]);
  return idle;
}
