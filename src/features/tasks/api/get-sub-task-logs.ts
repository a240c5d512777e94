import { z } from 'zod';
import type { ObshellClient } from '../../../lib/obshell/client';

export const subTaskLogSchema = z.looseObject({
  id: z.union([z.number(), z.string()]),
  sub_task_id: z.union([z.number(), z.string()]).nullish(),
  execute_times: z.number().nullish(),
  log_content: z.string(),
  is_sync: z.boolean().nullish(),
  create_time: z.string().nullish(),
  update_time: z.string().nullish(),
});

// obshell omits `data` when a list is empty, so an absent body means "no logs".
const subTaskLogsSchema = z
  .looseObject({ contents: z.array(subTaskLogSchema).nullish() })
  .nullish()
  .transform((data) => data?.contents ?? []);

export type SubTaskLog = z.infer<typeof subTaskLogSchema>;

/** `GET /api/v1/task/sub_task/:id/logs`: every stored log line of one sub-task, all its runs. */
export function getSubTaskLogs(
  client: ObshellClient,
  subTaskId: string,
  signal?: AbortSignal,
): Promise<SubTaskLog[]> {
  return client.request({
    method: 'GET',
    path: `/api/v1/task/sub_task/${encodeURIComponent(subTaskId)}/logs`,
    schema: subTaskLogsSchema,
    signal,
  });
}
