import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
import { clusterInfoQuery, type ClusterInfo } from '../../../lib/obshell/cluster-info';
import { useObshell } from '../../../lib/obshell/obshell-context';
import { tenantQueries, type TenantParameters } from '../../../lib/obshell/tenant-queries';
import type { TenantStorage } from '../../../lib/obshell/tenant-schemas';
import { useQueryList } from '../../../lib/use-query-list';
import {
  deriveBaseline,
  readingBaseline,
  type Baseline,
  type TenantSnapshot,
} from '../model/baseline';
import { isParameterReadable, userTenants } from '../../../lib/obshell/user-tenants';
import type { ReadProgress } from './use-read-progress';

export interface CurrentConfig {
  cluster: { name: string; id: number };
  /** Every user tenant; while reading, those not read yet are `pending`. */
  tenants: TenantSnapshot[];
  /** From every tenant once all are read (status success); before, `readingBaseline()`. */
  baseline: Baseline;
}

export type CurrentConfigState =
  /**
   * `read` of `total` user tenants answered so far (total 0 until the tenant list is known);
   * `partial` once the tenant list is known: what is read so far, the rest pending.
   */
  | { status: 'pending'; progress: ReadProgress; partial?: CurrentConfig }
  | {
      status: 'error';
      error: unknown;
      retry: () => void;
      progress: ReadProgress;
      partial?: CurrentConfig;
    }
  /** obshell could not reach OceanBase: cluster info came back without its tenant list. */
  | { status: 'degraded'; retry: () => void }
  | { status: 'success'; data: CurrentConfig };

type Tenant = ClusterInfo['tenants'][number];

/** One object for the whole reading phase, so memoized views do not see it change per answer. */
const READING_BASELINE = readingBaseline();

function snapshotOf(
  t: Tenant,
  storage: TenantStorage | undefined,
  readsParameters: boolean,
  params: TenantParameters | undefined,
): TenantSnapshot {
  const pending = storage === undefined || (readsParameters && params === undefined);
  if (pending) {
    return { name: t.name, tenantId: t.tenantId, storage: null, parameters: null, pending: true };
  }
  return {
    name: t.name,
    tenantId: t.tenantId,
    storage,
    parameters: params?.readable ? params.values : null,
    notNormalStatus:
      params === undefined
        ? (t.status ?? undefined)
        : params.readable
          ? undefined
          : params.tenantStatus,
  };
}

/**
 * A tenant's snapshot stays the same object until one of its reads changes, so the current-values
 * table re-renders only that tenant's row as answers arrive (not all 200 on each answer).
 */
function useSnapshotCache() {
  const cache = useRef(new Map<string, { inputs: unknown[]; snapshot: TenantSnapshot }>());
  return (t: Tenant, inputs: unknown[], make: () => TenantSnapshot) => {
    const hit = cache.current.get(t.name);
    if (hit?.inputs.every((v, i) => v === inputs[i])) return hit.snapshot;
    const snapshot = make();
    cache.current.set(t.name, { inputs, snapshot });
    return snapshot;
  };
}

/**
 * Cluster info, then every user tenant's storage and (for NORMAL tenants) parameters. `partial`
 * shows what is read so far (the form is editable meanwhile); `success` only once all answered,
 * so the form's baseline never comes from half the picture.
 */
export function useCurrentConfig(): CurrentConfigState {
  const conn = useObshell();
  const info = useQuery(clusterInfoQuery(conn));
  const tenants = useMemo(() => (info.data ? userTenants(info.data.tenants) : []), [info.data]);
  // Stable option arrays: a new array each render makes useQueries re-apply every option.
  const queries = useMemo(() => {
    // obshell reads parameters of NORMAL tenants only: the others are not asked (§8).
    const readable = tenants.filter(isParameterReadable);
    return {
      storage: tenants.map((t) => tenantQueries.storage(conn, t.name)),
      parameters: readable.map((t) => tenantQueries.parameters(conn, t.name)),
      parameterIndex: new Map(readable.map((t, i) => [t.name, i])),
    };
  }, [conn, tenants]);
  // One store per list, not useQueries: that one re-applies all 200 queries' options on every
  // render (each answer), which made this page O(n²) in tenants.
  const storage = useQueryList(queries.storage);
  const parameters = useQueryList(queries.parameters);
  const cached = useSnapshotCache();

  // One object per change of a read, not per render: the page compares and keeps it.
  const config = useMemo((): CurrentConfig | undefined => {
    if (!info.data || info.data.tenantsUnavailable) return undefined;
    const snapshots = tenants.map((t, i) => {
      const at = queries.parameterIndex.get(t.name);
      const s = storage.data[i];
      const p = at === undefined ? undefined : parameters.data[at];
      return cached(t, [t, s, p], () => snapshotOf(t, s, at !== undefined, p));
    });
    const cluster = { name: info.data.cluster_name, id: info.data.cluster_id };
    // Derived once everything is read: per answer it would cost O(tenants) each time, O(n²) in all.
    const complete = snapshots.every((s) => !s.pending);
    const baseline = complete ? deriveBaseline(snapshots, cluster.id) : READING_BASELINE;
    return { cluster, tenants: snapshots, baseline };
    // `cached` only memoizes per tenant; the inputs are the reads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [info.data, tenants, queries, storage, parameters]);

  const retry = () => {
    void info.refetch();
    storage.refetch();
    parameters.refetch();
  };
  if (info.data?.tenantsUnavailable) return { status: 'degraded', retry };
  if (!config) {
    const progress = { read: 0, total: 0 };
    return info.isError
      ? { status: 'error', error: info.error, retry, progress }
      : { status: 'pending', progress };
  }
  const read = config.tenants.filter((s) => !s.pending).length;
  if (read === config.tenants.length) return { status: 'success', data: config };
  const progress = { read, total: config.tenants.length };
  const error = storage.error ?? parameters.error;
  if (error !== undefined) return { status: 'error', error, retry, progress, partial: config };
  return { status: 'pending', progress, partial: config };
}
