import { queryOptions } from '@tanstack/react-query';
import { z } from '../zod-mini';
import type { Credentials } from './client';
import type { ObshellConnection } from './obshell-context';

/** One tenant as `GET /api/v1/obcluster/info` lists it (older agents say `name`). */
const tenantSchema = z.pipe(
  z.looseObject({
    tenant_name: z.optional(z.string()),
    name: z.optional(z.string()),
    tenant_id: z.number(),
    status: z.nullish(z.string()),
  }),
  z.transform((t) => ({
    name: t.tenant_name ?? t.name ?? '',
    tenantId: t.tenant_id,
    /** NORMAL, CREATING, DROPPING, RESTORE, …; null when the agent does not say. */
    status: t.status ?? null,
  })),
);

/** `GET /api/v1/obcluster/info` (authenticated). Lenient: only what the header shows is required. */
export const clusterInfoSchema = z.pipe(
  z.looseObject({
    cluster_name: z.string(),
    cluster_id: z.number(),
    ob_version: z.nullish(z.string()),
    status: z.nullish(z.string()),
    is_community_edition: z.nullish(z.boolean()),
    tenants: z.nullish(z.array(tenantSchema)),
  }),
  // obshell answers in a degraded form with `tenants: null` when OceanBase is unreachable
  // (contract §4): readers that need the list must tell that apart from "no tenants".
  z.transform((info) => ({
    ...info,
    tenants: info.tenants ?? [],
    tenantsUnavailable: info.tenants === null,
  })),
);

export type ClusterInfo = z.infer<typeof clusterInfoSchema>;

export const clusterInfoKey = (clusterKey: string) =>
  ['obshell', clusterKey, 'obcluster', 'info'] as const;

export function fetchClusterInfo(
  connection: Pick<ObshellConnection, 'client'>,
  options: { signal?: AbortSignal | undefined; credentials?: Credentials } = {},
) {
  return connection.client.request({
    method: 'GET',
    path: '/api/v1/obcluster/info',
    schema: clusterInfoSchema,
    signal: options.signal,
    ...(options.credentials ? { credentials: options.credentials } : {}),
  });
}

/** Cluster name, version and tenants, shown in the header while unlocked. */
export function clusterInfoQuery(connection: Pick<ObshellConnection, 'client' | 'clusterKey'>) {
  // clusterKey identifies the connection (one client per cluster), so it stands for it in the key.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return queryOptions({
    queryKey: clusterInfoKey(connection.clusterKey),
    queryFn: ({ signal }) => fetchClusterInfo(connection, { signal }),
    staleTime: 60_000,
  });
}
