import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { historyQueries } from '../../../lib/history-client';
import { reconcileDags } from '../../../lib/history-recorder';
import { dagListQueries } from '../../../lib/obshell/dag-lists';
import { useObshell } from '../../../lib/obshell/obshell-context';

/**
 * The server may not ask obshell itself (it holds no password), so each History visit reads the
 * cluster's task list with the user's session and hands the backup-config DAGs to the server:
 * entries still open get their outcome, tasks started elsewhere appear as "outside".
 * `enabled`: false until the page's own first read has settled, so this never delays it.
 */
export function useReconcileOnVisit(enabled: boolean) {
  const connection = useObshell();
  const queryClient = useQueryClient();
  const { clusterKey } = connection;
  const dags = useQuery({ ...dagListQueries.cluster(connection), enabled });
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
