import { useQuery, type Query } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
import { clusterInfoQuery } from '../../../lib/obshell/cluster-info';
import { useObshell } from '../../../lib/obshell/obshell-context';
import { tenantQueries, type TenantParameters } from '../../../lib/obshell/tenant-queries';
import { statusReadsOf } from '../../../lib/obshell/tenant-prefetch';
import { isParameterReadable, userTenants } from '../../../lib/obshell/user-tenants';
import { useQueryList } from '../../../lib/use-query-list';
import { deriveRow, type StatusRow, type TenantReads } from '../model/tenant-status';

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
 * Rows are derived again only for tenants whose reads changed: with 200 tenants every answer
 * re-renders the page, and re-deriving all rows each time would make the page O(n²) in tenants.
 * react-query's structural sharing keeps an unchanged read the same object, which is what is compared.
 */
function useRowCache() {
  const cache = useRef(new Map<string, { inputs: unknown[]; row: StatusRow }>());
  return (reads: TenantReads, inputs: unknown[]): StatusRow => {
    const hit = cache.current.get(reads.name);
    if (hit?.inputs.every((v, i) => v === inputs[i])) return hit.row;
    const row = deriveRow(reads);
    cache.current.set(reads.name, { inputs, row });
    return row;
  };
}

/**
 * The status page's reads: every user tenant's storage and parameters (shared with the backup
 * form: same keys, one cache) and its running archive round, plus one cluster-wide read of every
 * tenant's running or latest backup task (§8 `obcluster/backup/overview`). Rows appear as soon as
 * the tenant list is known and fill in as reads answer; the client keeps at most 4 requests in
 * flight, so the first tenants complete first. Works for whichever connection `ObshellProvider`
 * gives (the clusters overview uses it per cluster).
 */
export function useStatusRows(): StatusRowsState {
  const conn = useObshell();
  const info = useQuery(clusterInfoQuery(conn));
  const tenants = useMemo(() => userTenants(info.data?.tenants ?? []), [info.data]);
  // Stable option arrays: a new array each render makes useQueries re-apply 200 options each time.
  const queries = useMemo(() => {
    const reads = tenants.map((t) => statusReadsOf(conn, t));
    return {
      archive: reads.map((r) => ({ ...r.archive, refetchInterval: refreshInterval })),
      storage: reads.map((r) => r.storage),
      parameters: reads.map((r) => r.parameters),
    };
  }, [conn, tenants]);
  // One store per list, not useQueries: that one re-applies all 200 queries' options on every
  // render (each answer), most of this page's time with 200 tenants.
  const archive = useQueryList(queries.archive);
  const storage = useQueryList(queries.storage);
  const parameters = useQueryList(queries.parameters);
  const overview = useQuery({
    ...tenantQueries.clusterBackupOverview(conn),
    enabled: tenants.length > 0,
    refetchInterval: refreshInterval,
  });
  const rowFor = useRowCache();

  // The same array until a read changes: the page throttles and memoizes on it.
  const rows = useMemo(
    () =>
      tenants.map((t, i) => {
        const readable = isParameterReadable(t);
        const params: TenantParameters | undefined = readable
          ? parameters.data[i]
          : { readable: false, tenantStatus: t.status ?? '' };
        const lastBackup =
          overview.data === undefined ? undefined : (overview.data[t.tenantId] ?? null);
        const reads: TenantReads = {
          name: t.name,
          tenantId: t.tenantId,
          status: t.status,
          archive: archive.data[i],
          storage: storage.data[i],
          parameters: params,
          lastBackup,
        };
        return rowFor(reads, [
          t.tenantId,
          t.status,
          archive.data[i],
          storage.data[i],
          readable ? params : undefined,
          lastBackup,
        ]);
      }),
    // rowFor only caches per tenant; the reads are the inputs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [tenants, archive, storage, parameters, overview.data],
  );
  const stamps = archive.updatedAt
    .filter((at, i) => archive.data[i] !== undefined && at > 0)
    .concat(overview.data === undefined ? [] : [overview.dataUpdatedAt]);
  const failing = archive.failing || storage.failing || parameters.failing || overview.isError;
  const base = {
    rows,
    readCount: rows.filter((r) => r.complete).length,
    updatedAt: stamps.length > 0 ? Math.min(...stamps) : undefined,
    failing,
  };
  if (info.data?.tenantsUnavailable) return { ...base, status: 'degraded' };
  if (info.isError) return { ...base, status: 'error', error: info.error };
  if (!info.data) return { ...base, status: 'pending' };
  return { ...base, status: 'success' };
}
