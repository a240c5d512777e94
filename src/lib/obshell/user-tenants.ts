/** A tenant as obcluster/info lists it (contract §4): sys included, any status. */
export interface ListedTenant {
  name: string;
  tenantId: number;
  status: string | null;
}

/**
 * The tenants a cluster-level backup configuration applies to: every tenant but `sys` (obshell
 * refuses sys on the tenant backup routes). obcluster/info also lists tenants that are not NORMAL;
 * they stay: obshell configures every user tenant whatever its status.
 */
export function userTenants<T extends ListedTenant>(tenants: readonly T[]): T[] {
  return tenants.filter((t) => t.name !== '' && t.name !== 'sys' && t.tenantId !== 1);
}

/** obshell reads parameters of NORMAL tenants only; an agent that gives no status is asked anyway. */
export function isParameterReadable(tenant: ListedTenant): boolean {
  return tenant.status === null || tenant.status === 'NORMAL';
}
