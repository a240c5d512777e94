import { queryOptions } from '@tanstack/react-query';
import { z } from '../zod-mini';
import { dagSchema, type Dag } from './dag';
import type { ObshellConnection } from './obshell-context';

/** `{contents: Dag[]}`; obshell sends `contents: null` (or no data) for an empty list. */
const dagListSchema = z.pipe(
  z.nullish(z.looseObject({ contents: z.nullish(z.array(dagSchema)) })),
  z.transform((data): Dag[] => data?.contents ?? []),
);

type Connection = Pick<ObshellConnection, 'client' | 'clusterKey'>;

/** Every key here lives under the tasks root, so invalidating `dagKeys.all` reaches every list. */
export const dagKeys = {
  all: (clusterKey: string) => ['obshell', clusterKey, 'dag'] as const,
};

/**
 * The two DAG lists, read by the tasks page and the backup form (contract §5):
 * - `unfinished`: `/task/dag/unfinish`, READY/RUNNING DAGs (a failed cluster-level DAG is not
 *   listed there: obshell flags it finished);
 * - `cluster`: `/task/dags/ob`, every cluster DAG whatever its state, failed ones included.
 */
export const dagListQueries = {
  unfinished: ({ client, clusterKey }: Connection) =>
    queryOptions({
      queryKey: [...dagKeys.all(clusterKey), 'unfinished'] as const,
      queryFn: ({ signal }) =>
        client.request({
          method: 'GET',
          path: '/api/v1/task/dag/unfinish',
          schema: dagListSchema,
          signal,
        }),
    }),

  cluster: ({ client, clusterKey }: Connection) =>
    queryOptions({
      queryKey: [...dagKeys.all(clusterKey), 'cluster'] as const,
      queryFn: ({ signal }) =>
        client.request({
          method: 'GET',
          path: '/api/v1/task/dags/ob',
          schema: dagListSchema,
          signal,
        }),
    }),
};
