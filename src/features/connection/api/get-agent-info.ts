import { queryOptions } from '@tanstack/react-query';
import { z } from '../../../lib/zod-mini';
import type { ObshellConnection } from '../../../lib/obshell/obshell-context';

/** `GET /api/v1/info` (no auth). Lenient: older agents omit some fields. */
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

export function agentInfoQuery(connection: Pick<ObshellConnection, 'client' | 'clusterKey'>) {
  return queryOptions({
    queryKey: ['obshell', connection.clusterKey, 'agent', 'info'] as const,
    queryFn: ({ signal }) =>
      connection.client.request({
        method: 'GET',
        path: '/api/v1/info',
        auth: false,
        schema: agentInfoSchema,
        signal,
      }),
    staleTime: 30_000,
  });
}
