import type { ObshellClient } from '../../../lib/obshell/client';
import { dagSchema, type Dag } from '../../../lib/obshell/dag';

export function dagPath(id: string): string {
  return `/api/v1/task/dag/${encodeURIComponent(id)}`;
}

/** `GET /api/v1/task/dag/:id?show_details=true`: the DAG with every node and sub-task. */
export function getDagDetail(
  client: ObshellClient,
  id: string,
  signal?: AbortSignal,
): Promise<Dag> {
  return client.request({
    method: 'GET',
    path: dagPath(id),
    query: { show_details: true },
    schema: dagSchema,
    signal,
  });
}
