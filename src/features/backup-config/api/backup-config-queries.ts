import type { ObshellConnection } from '../../../lib/obshell/obshell-context';
import { tenantQueries } from '../../../lib/obshell/tenant-queries';

export type Connection = Pick<ObshellConnection, 'clusterKey' | 'client'>;

const root = (clusterKey: string) => ['obshell', clusterKey] as const;

/**
 * This feature's own cache entries. The per-tenant reads it starts from (storage, parameters) live
 * in lib/obshell/tenant-queries.ts, shared with the status page.
 */
export const backupConfigQueries = {
  /** Everything this feature wrote into the cache (mutations). */
  all: (clusterKey: string) => [...root(clusterKey), 'backup-config'] as const,
  /** Every tenant read, to refresh after a change was submitted. */
  tenants: (clusterKey: string) => tenantQueries.all(clusterKey),
};
