import { z } from 'zod';
import type { ObshellClient } from '../../../lib/obshell/client';
import { dagSchema, type Dag } from '../../../lib/obshell/dag';

// obshell omits `data` when a list is empty.
const unfinishedSchema = z
  .looseObject({ contents: z.array(dagSchema).nullish() })
  .nullish()
  .transform((data) => data?.contents ?? []);

/** `GET /api/v1/task/dag/unfinish`: every agent's DAGs that are running or wait for a decision. */
export function getUnfinishedDags(client: ObshellClient, signal?: AbortSignal): Promise<Dag[]> {
  return client.request({
    method: 'GET',
    path: '/api/v1/task/dag/unfinish',
    schema: unfinishedSchema,
    signal,
  });
}
