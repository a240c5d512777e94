import { useQueries, useQuery } from '@tanstack/react-query';
import { clusterInfoQuery, type ClusterInfo } from '../../../lib/obshell/cluster-info';
import { useObshell } from '../../../lib/obshell/obshell-context';
import { tenantQueries } from '../../../lib/obshell/tenant-queries';
import { deriveBaseline, type Baseline, type TenantSnapshot } from '../model/baseline';
import { isParameterReadable, userTenants } from '../model/tenants';

export interface CurrentConfig {
  cluster: { name: string; id: number };
  tenants: TenantSnapshot[];
  baseline: Baseline;
}

export type CurrentConfigState =
  /** `read` of `total` user tenants answered so far (total 0 until the tenant list is known). */
  | { status: 'pending'; progress: { read: number; total: number } }
  | { status: 'error'; error: unknown; retry: () => void }
  /** obshell could not reach OceanBase: cluster info came back without its tenant list. */
  | { status: 'degraded'; retry: () => void }
  | { status: 'success'; data: CurrentConfig };

type Tenant = ClusterInfo['tenants'][number];

/**
 * Cluster info, then every user tenant's storage and (for NORMAL tenants) parameters, folded into
 * one baseline. Pending until all of them answered, so the form never starts from half the picture.
 */
export function useCurrentConfig(): CurrentConfigState {
  const conn = useObshell();
  const info = useQuery(clusterInfoQuery(conn));
  const tenants: Tenant[] = info.data ? userTenants(info.data.tenants) : [];
  const readParameters = tenants.filter(isParameterReadable);
  const storage = useQueries({
    queries: tenants.map((t) => tenantQueries.storage(conn, t.name)),
  });
  const parameters = useQueries({
    queries: readParameters.map((t) => tenantQueries.parameters(conn, t.name)),
  });
  const details = storage.concat(parameters);
  const retry = () => {
    void info.refetch();
    details.forEach((q) => void q.refetch());
  };
  if (info.data?.tenantsUnavailable) return { status: 'degraded', retry };
  const failed = info.isError ? info : details.find((q) => q.isError);
  const ready = info.data !== undefined && details.every((q) => q.data !== undefined);
  if (ready) {
    const snapshots = tenants.map((t, i): TenantSnapshot => {
      const read = parameters[readParameters.indexOf(t)]?.data;
      return {
        name: t.name,
        tenantId: t.tenantId,
        storage: storage[i]?.data ?? null,
        parameters: read?.readable ? read.values : null,
        notNormalStatus:
          read === undefined
            ? (t.status ?? undefined)
            : read.readable
              ? undefined
              : read.tenantStatus,
      };
    });
    return {
      status: 'success',
      data: {
        cluster: { name: info.data.cluster_name, id: info.data.cluster_id },
        tenants: snapshots,
        baseline: deriveBaseline(snapshots, info.data.cluster_id),
      },
    };
  }
  if (failed) return { status: 'error', error: failed.error, retry };
  // Shown while the reads arrive: with hundreds of tenants the count moves, a spinner alone does not.
  const read = tenants.filter((t, i) => {
    const params = readParameters.indexOf(t);
    return storage[i]?.data !== undefined && (params < 0 || parameters[params]?.data !== undefined);
  }).length;
  return { status: 'pending', progress: { read, total: tenants.length } };
}
