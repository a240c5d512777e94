import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { backupConfigKeys, type Connection } from './backup-config-queries';

const agentInfoSchema = z.looseObject({ ip: z.string().optional(), port: z.number().optional() });

/** `GET /api/v1/info` (no auth): the agent's address, for the SDK snippet in the review. */
export function agentInfoQuery(conn: Connection) {
  return queryOptions({
    queryKey: [...backupConfigKeys.all(conn.clusterKey), 'agent-info'] as const,
    queryFn: ({ signal }) =>
      conn.client.request({
        method: 'GET',
        path: '/api/v1/info',
        auth: false,
        schema: agentInfoSchema,
        signal,
      }),
    staleTime: Infinity,
  });
}
