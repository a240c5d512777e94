import { queryOptions } from '@tanstack/react-query';
import type { ObshellConnection } from '../../../lib/obshell/obshell-context';
import { fetchTenantParameters } from './tenant-parameters';
import { fetchTenantStorage } from './tenant-storage';

export type Connection = Pick<ObshellConnection, 'clusterKey' | 'client'>;

const root = (clusterKey: string) => ['obshell', clusterKey] as const;

/**
 * This feature's reads, each key kept with its query function. Tenant reads are keyed by endpoint
 * (`tenant/<name>/…`), not by feature, so a later page reading the same endpoint shares the entry.
 * The connection's clusterKey identifies its client, so it stands for it in the keys.
 */
export const backupConfigQueries = {
  /** Everything this feature wrote into the cache (mutations, and the moved reads below). */
  all: (clusterKey: string) => [...root(clusterKey), 'backup-config'] as const,
  /** Every tenant read, to refresh after a change was submitted. */
  tenants: (clusterKey: string) => [...root(clusterKey), 'tenant'] as const,

  tenantStorage: (conn: Connection, tenant: string) =>
    // eslint-disable-next-line @tanstack/query/exhaustive-deps
    queryOptions({
      queryKey: [...backupConfigQueries.tenants(conn.clusterKey), tenant, 'backup-storage'],
      queryFn: ({ signal }) => fetchTenantStorage(conn, tenant, signal),
    }),

  tenantParameters: (conn: Connection, tenant: string) =>
    // eslint-disable-next-line @tanstack/query/exhaustive-deps
    queryOptions({
      queryKey: [...backupConfigQueries.tenants(conn.clusterKey), tenant, 'parameters'],
      queryFn: ({ signal }) => fetchTenantParameters(conn, tenant, signal),
    }),
};
