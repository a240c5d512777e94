import { useMutation } from '@tanstack/react-query';
import { dagSchema } from '../../../lib/obshell/dag';
import { useObshell } from '../../../lib/obshell/obshell-context';
import type { BackupConfigPatch } from '../model/changes';
import { backupConfigQueries } from './backup-config-queries';

/**
 * PATCH /api/v1/obcluster/backup/config, or in tenant scope /api/v1/tenant/:name/backup/config
 * (contract §7; PATCH also sets a tenant's first configuration, so POST is not used) → the DAG
 * that applies it. Never retried automatically.
 */
export function usePatchBackupConfig(tenant?: string) {
  const { client, clusterKey } = useObshell();
  return useMutation({
    mutationKey: [...backupConfigQueries.all(clusterKey), 'patch'],
    mutationFn: (body: BackupConfigPatch) =>
      client.request({
        method: 'PATCH',
        path:
          tenant === undefined
            ? '/api/v1/obcluster/backup/config'
            : `/api/v1/tenant/${encodeURIComponent(tenant)}/backup/config`,
        body,
        schema: dagSchema,
      }),
    retry: false,
    // Not 'online' (the default): offline, TanStack would pause the PATCH and send it by itself
    // whenever the browser comes back online, long after the user was told nothing happened.
    networkMode: 'always',
  });
}
