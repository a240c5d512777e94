import { useMutation, useQueryClient } from '@tanstack/react-query';
import { dagSchema } from '../../../lib/obshell/dag';
import { useObshell } from '../../../lib/obshell/obshell-context';

/** The body of "Start a full backup with archive" (contract §6), shown as is in the review. */
export const FULL_BACKUP_WITH_ARCHIVE = { mode: 'full', plus_archive: true } as const;

/**
 * `POST /api/v1/obcluster/backup` → the DAG "Obcluster start full backup". One request per
 * confirm, never retried: a second one would fail on the running jobs, or start a second backup.
 */
export function useStartFullBackup() {
  const { client, clusterKey } = useObshell();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      client.request({
        method: 'POST',
        path: '/api/v1/obcluster/backup',
        body: FULL_BACKUP_WITH_ARCHIVE,
        schema: dagSchema,
      }),
    retry: false,
    networkMode: 'always',
    // It switches archiving on and adds backup jobs: tenant reads are stale from now on.
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['obshell', clusterKey, 'tenant'] }),
  });
}
