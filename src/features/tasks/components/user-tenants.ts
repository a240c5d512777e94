import type { ClusterInfo } from '../../../lib/obshell/cluster-info';

/** The user tenants of `obcluster/info` (sys is listed too, §4, and has no backup config). */
export function userTenants(info: ClusterInfo | undefined): { name: string; tenantId: number }[] {
  return (info?.tenants ?? [])
    .filter((tenant) => tenant.name && tenant.name !== 'sys')
    .map((tenant) => ({ name: tenant.name, tenantId: tenant.tenantId }));
}
