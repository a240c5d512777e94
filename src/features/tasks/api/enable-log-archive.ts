import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { ObshellClient } from '../../../lib/obshell/client';
import { useObshell } from '../../../lib/obshell/obshell-context';

/**
 * `PATCH /api/v1/obcluster/backup/log {"status":"DOING"}`: log archiving on for every user tenant,
 * synchronous, no data (contract §6). What it did per tenant is read afterwards.
 */
export async function enableLogArchive(client: ObshellClient): Promise<void> {
  await client.request({
    method: 'PATCH',
    path: '/api/v1/obcluster/backup/log',
    body: { status: 'DOING' },
    schema: z.unknown(),
  });
}

/** Not idempotent in effect (it switches tenants one by one): one request per click, no retry. */
export function useEnableLogArchive() {
  const { client, clusterKey } = useObshell();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => enableLogArchive(client),
    retry: false,
    // Whatever happened (also a 500 part-way), the tenants' archive rounds changed: read them again.
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['obshell', clusterKey, 'tenant'] }),
  });
}
