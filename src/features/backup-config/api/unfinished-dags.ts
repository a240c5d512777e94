import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { dagSchema } from '../../../lib/obshell/dag';
import { backupConfigKeys, type Connection } from './backup-config-queries';

const unfinishedSchema = z
  .looseObject({ contents: z.array(dagSchema).nullish() })
  .nullish()
  .transform((data) => data?.contents ?? []);

/** Unfinished DAGs of every agent; used to warn before stacking a second config change. */
export function unfinishedDagsQuery(conn: Connection) {
  return queryOptions({
    queryKey: backupConfigKeys.unfinishedDags(conn.clusterKey),
    queryFn: ({ signal }) =>
      conn.client.request({
        method: 'GET',
        path: '/api/v1/task/dag/unfinish',
        schema: unfinishedSchema,
        signal,
      }),
  });
}
