import { queryOptions } from '@tanstack/react-query';
import { isObshellError } from './envelope';
import type { ObshellConnection } from './obshell-context';
import {
  archiveLogTasksSchema,
  backupInfoSchema,
  backupJobsSchema,
  backupOverviewSchema,
  clusterBackupOverviewSchema,
  tenantParameterListSchema,
  tenantStorageSchema,
  type BackupTask,
} from './tenant-schemas';

export type TenantConnection = Pick<ObshellConnection, 'clusterKey' | 'client'>;

/**
 * The parameters the dashboard reads per tenant: the form's baseline and the status page's
 * archive_lag_target. obshell's filter is one SQL LIKE on the name, so the narrowest single read
 * covering all four is their common subsequence "a…r…e…_…e" (`_` escaped); the few other names
 * it matches are dropped after parsing. Four one-parameter reads would cost 4x the requests.
 */
export const TENANT_PARAMETERS = [
  'log_archive_dest',
  'log_archive_concurrency',
  'ha_low_thread_score',
  'archive_lag_target',
] as const;
export const TENANT_PARAMETER_FILTER = '%a%r%e%\\_%e%';

export type TenantParameters =
  | { readable: true; values: Record<string, string> }
  /** obshell reads parameters of NORMAL tenants only (400 OB.Tenant.StatusNotNormal). */
  | { readable: false; tenantStatus: string };

/** "Tenant 'x' status is 'Y'." / "租户 'x' 状态为 'Y'": the last quoted word is the status. */
function statusFromMessage(message: string): string {
  const quoted = [...message.matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '');
  return quoted.at(-1) ?? '?';
}

const tenantPath = (tenant: string, rest: string) =>
  `/api/v1/tenant/${encodeURIComponent(tenant)}/${rest}`;

export function fetchTenantStorage(conn: TenantConnection, tenant: string, signal?: AbortSignal) {
  return conn.client.request({
    method: 'GET',
    path: tenantPath(tenant, 'backup/config/storage'),
    schema: tenantStorageSchema,
    signal,
    batch: true,
  });
}

/** A tenant that is not NORMAL is an answer (its values are unknown), not a failure. */
export async function fetchTenantParameters(
  conn: TenantConnection,
  tenant: string,
  signal?: AbortSignal,
): Promise<TenantParameters> {
  try {
    const all = await conn.client.request({
      method: 'GET',
      path: tenantPath(tenant, 'parameters'),
      query: { filter: TENANT_PARAMETER_FILTER },
      schema: tenantParameterListSchema,
      signal,
      batch: true,
    });
    const values: Record<string, string> = {};
    for (const name of TENANT_PARAMETERS) {
      const value = all[name];
      if (value !== undefined) values[name] = value;
    }
    return { readable: true, values };
  } catch (error) {
    // Older agents send no errCode, only the message.
    const notNormal =
      isObshellError(error) &&
      (error.errCode === 'OB.Tenant.StatusNotNormal' ||
        (error.errCode === undefined && /status is '|状态为 '/.test(error.message)));
    if (notNormal) return { readable: false, tenantStatus: statusFromMessage(error.message) };
    throw error;
  }
}

/** 404 (`Task.NotFound` "no backup task", or legacy code 1003/2300) = never backed up: data. */
export async function fetchBackupOverview(
  conn: TenantConnection,
  tenant: string,
  signal?: AbortSignal,
): Promise<BackupTask | null> {
  try {
    const data = await conn.client.request({
      method: 'GET',
      path: tenantPath(tenant, 'backup/overview'),
      schema: backupOverviewSchema,
      signal,
      batch: true,
    });
    return data.status;
  } catch (error) {
    if (isObshellError(error) && error.status === 404) return null;
    throw error;
  }
}

/**
 * `GET /obcluster/backup/overview` as tenant_id → its running or latest backup task; a user
 * tenant missing from it has none. obshell's 404 (`Common.NotFound`) means no tenant has any, which
 * is data too (every tenant "never backed up"), not an error.
 */
export async function fetchClusterBackupOverview(
  conn: TenantConnection,
  signal?: AbortSignal,
): Promise<Readonly<Record<number, BackupTask>>> {
  try {
    const data = await conn.client.request({
      method: 'GET',
      path: '/api/v1/obcluster/backup/overview',
      schema: clusterBackupOverviewSchema,
      signal,
    });
    // A plain object, not a Map: react-query's structural sharing then keeps an unchanged tenant's
    // task the same object across refreshes, so its status row is not derived again.
    const byTenant: Record<number, BackupTask> = {};
    for (const task of data.statuses) {
      if (typeof task.tenant_id === 'number') byTenant[task.tenant_id] = task;
    }
    return byTenant;
  } catch (error) {
    if (isObshellError(error) && error.status === 404) return {};
    throw error;
  }
}

export interface BackupTasksQuery {
  page?: number;
  size?: number;
  /** Comma list, case-insensitive (e.g. "FAILED,COMPLETED"). */
  status?: string;
  sort?: 'start_timestamp' | 'end_timestamp';
  order?: 'asc' | 'desc';
}

const tenantKey = (clusterKey: string, tenant: string) =>
  ['obshell', clusterKey, 'tenant', tenant] as const;

/**
 * Per-tenant reads, keyed by endpoint under ['obshell', clusterKey, 'tenant', name, …] so every
 * page reading the same endpoint (backup form, status page, proof after a change) shares one cache
 * entry. clusterKey identifies the connection's client, so it stands for it in the keys.
 */
export const tenantQueries = {
  /** Every tenant read of a cluster (cluster-wide ones included), to refresh after a change. */
  all: (clusterKey: string) => ['obshell', clusterKey, 'tenant'] as const,
  /** Every read of one tenant. */
  tenant: tenantKey,
  /** The §8 status reads of one tenant (storage and parameters excluded). */
  status: (clusterKey: string, tenant: string) =>
    [...tenantKey(clusterKey, tenant), 'backup'] as const,

  storage: (conn: TenantConnection, tenant: string) =>
    // eslint-disable-next-line @tanstack/query/exhaustive-deps
    queryOptions({
      queryKey: [...tenantKey(conn.clusterKey, tenant), 'backup-storage'],
      queryFn: ({ signal }) => fetchTenantStorage(conn, tenant, signal),
      staleTime: 30_000,
    }),

  parameters: (conn: TenantConnection, tenant: string) =>
    // eslint-disable-next-line @tanstack/query/exhaustive-deps
    queryOptions({
      queryKey: [...tenantKey(conn.clusterKey, tenant), 'parameters', TENANT_PARAMETER_FILTER],
      queryFn: ({ signal }) => fetchTenantParameters(conn, tenant, signal),
      staleTime: 30_000,
    }),

  archiveLogTasks: (conn: TenantConnection, tenant: string) =>
    queryOptions({
      queryKey: [...tenantQueries.status(conn.clusterKey, tenant), 'log', 'tasks'],
      queryFn: ({ signal }) =>
        conn.client.request({
          method: 'GET',
          path: tenantPath(tenant, 'backup/log/tasks'),
          schema: archiveLogTasksSchema,
          signal,
          batch: true,
        }),
      staleTime: 5_000,
    }),

  backupInfo: (conn: TenantConnection, tenant: string) =>
    queryOptions({
      queryKey: [...tenantQueries.status(conn.clusterKey, tenant), 'info'],
      queryFn: ({ signal }) =>
        conn.client.request({
          method: 'GET',
          path: tenantPath(tenant, 'backup/info'),
          schema: backupInfoSchema,
          signal,
          batch: true,
        }),
      staleTime: 5_000,
    }),

  /** The running or else latest backup task; null = never backed up (obshell's 404). */
  backupOverview: (conn: TenantConnection, tenant: string) =>
    // eslint-disable-next-line @tanstack/query/exhaustive-deps
    queryOptions({
      queryKey: [...tenantQueries.status(conn.clusterKey, tenant), 'overview'],
      queryFn: ({ signal }) => fetchBackupOverview(conn, tenant, signal),
      staleTime: 5_000,
    }),

  /**
   * Every user tenant's running or latest backup task in one read (§8), keyed by tenant_id. Under
   * `all` so what refreshes tenant reads (a change, a started backup) refreshes it too; the object
   * segment cannot collide with a tenant name.
   */
  clusterBackupOverview: (conn: TenantConnection) =>
    // eslint-disable-next-line @tanstack/query/exhaustive-deps
    queryOptions({
      queryKey: [...tenantQueries.all(conn.clusterKey), { cluster: true }, 'backup', 'overview'],
      queryFn: ({ signal }) => fetchClusterBackupOverview(conn, signal),
      staleTime: 5_000,
    }),

  /** Backup jobs, newest first by default; obshell pages in memory (`page` from 1). */
  backupTasks: (conn: TenantConnection, tenant: string, query: BackupTasksQuery = {}) =>
    queryOptions({
      queryKey: [...tenantQueries.status(conn.clusterKey, tenant), 'tasks', query],
      queryFn: ({ signal }) =>
        conn.client.request({
          method: 'GET',
          path: tenantPath(tenant, 'backup/tasks'),
          query: {
            page: query.page,
            size: query.size,
            status: query.status,
            sort: query.sort ? `${query.sort},${query.order ?? 'desc'}` : undefined,
          },
          schema: backupJobsSchema,
          signal,
        }),
      staleTime: 5_000,
    }),
};
