import type { ObshellConnection } from '../../../lib/obshell/obshell-context';

/** Query keys of this feature; every key starts with the cluster so two clusters never share data. */
export const backupConfigKeys = {
  all: (clusterKey: string) => ['backup-config', clusterKey] as const,
  clusterInfo: (clusterKey: string) =>
    [...backupConfigKeys.all(clusterKey), 'cluster-info'] as const,
  tenantStorage: (clusterKey: string, tenant: string) =>
    [...backupConfigKeys.all(clusterKey), 'tenant', tenant, 'storage'] as const,
  tenantParameters: (clusterKey: string, tenant: string) =>
    [...backupConfigKeys.all(clusterKey), 'tenant', tenant, 'parameters'] as const,
  unfinishedDags: (clusterKey: string) =>
    [...backupConfigKeys.all(clusterKey), 'unfinished-dags'] as const,
};

export type Connection = Pick<ObshellConnection, 'clusterKey' | 'client'>;
