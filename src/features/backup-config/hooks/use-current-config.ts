import { useQueries, useQuery } from '@tanstack/react-query';
import { clusterInfoQuery, type ClusterInfo } from '../../../lib/obshell/cluster-info';
import { useObshell } from '../../../lib/obshell/obshell-context';
import { tenantParametersQuery } from '../api/tenant-parameters';
import { tenantStorageQuery } from '../api/tenant-storage';
import { deriveBaseline, type Baseline, type TenantSnapshot } from '../model/baseline';

/** `sys` (tenant 1) is never part of a cluster-level backup configuration. */
export function userTenants(info: ClusterInfo) {
  return info.tenants.filter((t) => t.name !== '' && t.name !== 'sys' && t.tenantId !== 1);
}

export interface CurrentConfig {
  cluster: { name: string; id: number };
  tenants: TenantSnapshot[];
  baseline: Baseline;
}

export type CurrentConfigState =
  | { status: 'pending' }
  | { status: 'error'; error: unknown; retry: () => void }
  | { status: 'success'; data: CurrentConfig };

/**
 * Cluster info, then every user tenant's storage and parameters, folded into one baseline. Pending
 * until all of them answered, so the form never starts from half the picture.
 */
export function useCurrentConfig(): CurrentConfigState {
  const conn = useObshell();
  const info = useQuery(clusterInfoQuery(conn));
  const tenants = info.data ? userTenants(info.data) : [];
  const details = useQueries({
    queries: tenants.flatMap((t) => [
      tenantStorageQuery(conn, t.name),
      tenantParametersQuery(conn, t.name),
    ]),
  });
  const failed = info.isError ? info : details.find((q) => q.isError);
  const ready = info.data !== undefined && details.every((q) => q.data !== undefined);
  let data: CurrentConfig | undefined;
  if (ready) {
    const snapshots: TenantSnapshot[] = tenants.map((t, i) => ({
      name: t.name,
      tenantId: t.tenantId,
      storage: details[2 * i]?.data ?? null,
      parameters: (details[2 * i + 1]?.data ?? {}) as Record<string, string>,
    }));
    data = {
      cluster: { name: info.data.cluster_name, id: info.data.cluster_id },
      tenants: snapshots,
      baseline: deriveBaseline(snapshots, info.data.cluster_id),
    };
  }
  if (data) return { status: 'success', data };
  if (failed) {
    return {
      status: 'error',
      error: failed.error,
      retry: () => {
        void info.refetch();
        details.forEach((q) => void q.refetch());
      },
    };
  }
  return { status: 'pending' };
}
