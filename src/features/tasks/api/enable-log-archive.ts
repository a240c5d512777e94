import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { ObshellClient } from '../../../lib/obshell/client';
import { dagSchema, type Dag } from '../../../lib/obshell/dag';
import { useObshell } from '../../../lib/obshell/obshell-context';
import { dagQueries } from './dag-queries';

/**
 * obshell 4.5 answers `PATCH /api/v1/obcluster/backup/log` synchronously with no data; should an
 * agent answer with a DAG instead, it is returned so the caller can follow it.
 */
const enableResultSchema = z.unknown().transform((data): Dag | null => {
  const dag = dagSchema.safeParse(data);
  return dag.success ? dag.data : null;
});

/** `PATCH /api/v1/obcluster/backup/log {"status":"DOING"}`: log archiving on for every user tenant. */
export function enableLogArchive(client: ObshellClient): Promise<Dag | null> {
  return client.request({
    method: 'PATCH',
    path: '/api/v1/obcluster/backup/log',
    body: { status: 'DOING' },
    schema: enableResultSchema,
  });
}

export function useEnableLogArchive() {
  const { client, clusterKey } = useObshell();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => enableLogArchive(client),
    retry: false,
    onSettled: () =>
      queryClient.invalidateQueries({
        queryKey: dagQueries.unfinished({ client, clusterKey }).queryKey,
      }),
  });
}
