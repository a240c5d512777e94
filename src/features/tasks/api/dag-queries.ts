import { queryOptions } from '@tanstack/react-query';
import { dagKeys } from '../../../lib/obshell/dag-lists';
import type { ObshellConnection } from '../../../lib/obshell/obshell-context';
import {
  backoffDelay,
  dagRefetchInterval,
  dagRefetchOnFocus,
  retryDagPoll,
} from '../model/polling-policy';
import { getDagDetail } from './get-dag-detail';
import { getSubTaskLogs } from './get-sub-task-logs';

type Connection = Pick<ObshellConnection, 'client' | 'clusterKey'>;

/**
 * Keys and query options for one DAG; the cluster key keeps two clusters' DAGs apart. The DAG lists
 * (read by other features too) live in `lib/obshell/dag-lists.ts`, under the same root.
 */
export const dagQueries = {
  all: dagKeys.all,

  /**
   * A DAG followed live: every second until terminal, never in a hidden tab (react-query pauses the
   * interval and the retries there), refreshed when the tab shows again, transient errors retried
   * with backoff while the last data stays on screen.
   */
  detail: ({ client, clusterKey }: Connection, id: string) =>
    // eslint-disable-next-line @tanstack/query/exhaustive-deps -- one client per clusterKey, which is in the key
    queryOptions({
      queryKey: [...dagQueries.all(clusterKey), 'detail', id] as const,
      queryFn: ({ signal }) => getDagDetail(client, id, signal),
      staleTime: 0,
      refetchInterval: dagRefetchInterval,
      refetchIntervalInBackground: false,
      refetchOnWindowFocus: dagRefetchOnFocus,
      retry: retryDagPoll,
      retryDelay: backoffDelay,
    }),

  subTaskLogs: ({ client, clusterKey }: Connection, subTaskId: string, live: boolean) =>
    // eslint-disable-next-line @tanstack/query/exhaustive-deps -- one client per clusterKey, which is in the key
    queryOptions({
      queryKey: [...dagQueries.all(clusterKey), 'sub-task-logs', subTaskId] as const,
      queryFn: ({ signal }) => getSubTaskLogs(client, subTaskId, signal),
      refetchInterval: live ? 2_000 : false,
      refetchIntervalInBackground: false,
    }),
};
