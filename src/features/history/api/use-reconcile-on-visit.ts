import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { historyQueries } from '../../../lib/history-client';
import { reconcileDags } from '../../../lib/history-recorder';
import { dagListQueries } from '../../../lib/obshell/dag-lists';
import { useObshell } from '../../../lib/obshell/obshell-context';

/**
 * The server may not ask obshell itself (it holds no password), so each History visit reads the
 * cluster's task list with the user's session and hands the backup-config DAGs to the server:
 * entries still open get their outcome, tasks started elsewhere appear as "outside".
 * `enabled`: false until the page's own first read has settled; then it waits for the browser to
 * be idle (the rows painted), so this never delays the first page, prefetched or not.
 */
export function useReconcileOnVisit(enabled: boolean) {
  const connection = useObshell();
  const queryClient = useQueryClient();
  const { clusterKey } = connection;
  const idle = useIdleAfter(enabled);
  const dags = useQuery({ ...dagListQueries.cluster(connection), enabled: idle });
  const data = dags.data;
  useEffect(() => {
    if (!data) return;
    let live = true;
    void reconcileDags(clusterKey, data).then((touched) => {
      if (live && touched > 0) {
        void queryClient.invalidateQueries({ queryKey: historyQueries.all(clusterKey) });
      }
    });
    return () => {
      live = false;
    };
  }, [data, clusterKey, queryClient]);
}

/** True from the first idle moment after `ready` turned true (a timer where there is no idle callback). */
function useIdleAfter(ready: boolean): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (!ready || idle) return;
    const done = () => setIdle(true);
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback(done, { timeout: 1000 });
      return () => window.cancelIdleCallback(id);
    }
    const id = window.setTimeout(done, 50);
    return () => window.clearTimeout(id);
  }, [ready, idle]);
  return idle;
}
