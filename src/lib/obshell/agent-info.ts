import { queryOptions } from '@tanstack/react-query';
import { z } from '../zod-mini';
import type { ObshellConnection } from './obshell-context';

/**
 * `GET /api/v1/info` (no auth), read by the connection screen (identity, security) and the backup
 * form (the agent's address for the SDK snippet). Lenient: older agents omit some fields.
 */
export const agentInfoSchema = z.looseObject({
  ip: z.string(),
  port: z.number(),
  identity: z.string(),
  version: z.string(),
  obVersion: z.nullish(z.string()),
  zone: z.nullish(z.string()),
  security: z.nullish(z.boolean()),
  supportedAuth: z.nullish(z.array(z.string())),
});

export type AgentInfo = z.infer<typeof agentInfoSchema>;

/** Backup APIs answer `Agent.Identify.NotSupportOperation` from any other identity. */
export const CLUSTER_AGENT = 'CLUSTER AGENT';

export function supportsAuthV2(info: AgentInfo): boolean {
  return (info.supportedAuth ?? []).some((auth) => auth.toLowerCase() === 'v2');
}

type Connection = Pick<ObshellConnection, 'client' | 'clusterKey'>;

export const agentQueries = {
  info: ({ client, clusterKey }: Connection) =>
    queryOptions({
      queryKey: ['obshell', clusterKey, 'agent', 'info'] as const,
      queryFn: ({ signal }) =>
        client.request({
          method: 'GET',
          path: '/api/v1/info',
          auth: false,
          schema: agentInfoSchema,
          signal,
        }),
      staleTime: 30_000,
    }),
};
