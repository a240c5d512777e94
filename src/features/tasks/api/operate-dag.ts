import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { ObshellClient } from '../../../lib/obshell/client';
import { useObshell } from '../../../lib/obshell/obshell-context';
import type { DagAction } from '../model/dag-actions';
import { dagPath } from './get-dag-detail';
import { dagQueries } from './dag-queries';

/** `POST /api/v1/task/dag/:id {operator}` answers with no data; a refusal is an ObshellError. */
export async function operateDag(client: ObshellClient, id: string, operator: DagAction) {
  await client.request({
    method: 'POST',
    path: dagPath(id),
    body: { operator },
    schema: z.unknown(),
  });
}

/** One request per call (no retries: an operator is not idempotent); refreshes the DAG after. */
export function useOperateDag(id: string) {
  const { client, clusterKey } = useObshell();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (operator: DagAction) => operateDag(client, id, operator),
    retry: false,
    onSettled: () => queryClient.invalidateQueries({ queryKey: dagQueries.all(clusterKey) }),
  });
}
