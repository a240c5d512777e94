import { useQueries, useQuery, type Query } from '@tanstack/react-query';
import { clusterInfoQuery } from '../../../lib/obshell/cluster-info';
import { useObshell } from '../../../lib/obshell/obshell-context';
import { tenantQueries, type TenantParameters } from '../../../lib/obshell/tenant-queries';
import { deriveRow, type StatusRow } from '../model/tenant-status';

/** Refresh every 15 s while the page is visible (react-query skips hidden tabs by default). */
export const REFRESH_MS = 15_000;
const MAX_BACKOFF_MS = 120_000;

/** After failures the next try waits longer: 30 s, 60 s, then every 2 minutes. */
export function refreshInterval(query: Pick<Query, 'state'>): number {
  const failures = query.state.fetchFailureCount;
  return failures === 0 ? REFRESH_MS : Math.min(REFRESH_MS * 2 ** failures, MAX_BACKOFF_MS);
}

export interface StatusRowsState {
  status: 'pending' | 'error' | 'degraded' | 'success';
  error?: unknown;
  rows: StatusRow[];
  /** Tenants whose reads all answered. */
  readCount: number;
  /** Oldest answer shown (ms since epoch); undefined before the first. */
  updatedAt: number | undefined;
  /** Some reads failed on their last try (rows show what was read before). */
  failing: boolean;
}

/**
 * The status page's reads: every user tenant's storage and parameters (shared with the backup
 * form: same keys, one cache), its running archive round and its newest backup job. Rows appear
 * as soon as the tenant list is known and fill in as reads answer; the client keeps at most 4
 * requests in flight, so the first tenants complete first.
 */
export function useStatusRows(): StatusRowsState {
  const conn = useObshell();
  const info = useQuery(clusterInfoQuery(conn));
  const tenants = (info.data?.tenants ?? []).filter((t) => t.name !== 'sys' && t.tenantId !== 1);
  const readable = (status: string | null) => status === null || status === 'NORMAL';
  const archive = useQueries({
    queries: tenants.map((t) => ({
      ...tenantQueries.archiveLogTasks(conn, t.name),
      refetchInterval: refreshInterval,
    })),
  });
  const backups = useQueries({
    queries: tenants.map((t) => ({
      ...tenantQueries.backupTasks(conn, t.name, { page: 1, size: 1 }),
      refetchInterval: refreshInterval,
    })),
  });
  const storage = useQueries({
    queries: tenants.map((t) => tenantQueries.storage(conn, t.name)),
  });
  const parameters = useQueries({
    queries: tenants.map((t) => ({
      ...tenantQueries.parameters(conn, t.name),
      enabled: readable(t.status),
    })),
  });
  const rows = tenants.map((t, i) => {
    const params: TenantParameters | undefined = readable(t.status)
      ? parameters[i]?.data
      : { readable: false, tenantStatus: t.status ?? '?' };
    const jobs = backups[i]?.data;
    return deriveRow({
      name: t.name,
      tenantId: t.tenantId,
      status: t.status,
      archive: archive[i]?.data,
      storage: storage[i]?.data,
      parameters: params,
      lastBackup: jobs === undefined ? undefined : (jobs.contents[0] ?? null),
    });
  });
  const live = [...archive, ...backups].map((q) => ({
    answered: q.data !== undefined,
    at: q.dataUpdatedAt,
  }));
  const stamps = live.filter((q) => q.answered).map((q) => q.at);
  const all = [...archive, ...backups, ...storage, ...parameters];
  const base = {
    rows,
    readCount: rows.filter((r) => r.complete).length,
    updatedAt: stamps.length > 0 ? Math.min(...stamps) : undefined,
    failing: all.some((q) => q.isError),
  };
  if (info.data?.tenantsUnavailable) return { ...base, status: 'degraded' };
  if (info.isError) return { ...base, status: 'error', error: info.error };
  if (!info.data) return { ...base, status: 'pending' };
  return { ...base, status: 'success' };
}
