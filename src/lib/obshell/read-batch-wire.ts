/**
 * The read-batch route of the dashboard's own server (production server and `npm run dev`): many
 * signed obshell GETs in one HTTP request. Each read is signed by the browser exactly as it would
 * be sent alone (its own `X-OCS-Header` over its own uri); the server forwards them one by one to
 * that cluster's obshell, at most `concurrency` at a time, in order, and streams each answer back
 * as one JSON line as soon as obshell gives it (a slow tenant holds back only its own answer).
 * obshell sees the same requests as without the batch.
 *
 * Why: with 200 tenants the status page makes 600 reads, and the browser's own cost per HTTP
 * request (about 8 ms of CPU across its processes) made the page wait for the CPU, not obshell.
 */
import { z } from '../zod-mini';
import { READ_BATCH_MAX } from './read-batch-limits';

export * from './read-batch-limits';
// The request's format (what the server checks) is in read-batch-request.ts.

/** One line of the answer stream: the answer to `reads[index]`. Lines come in answer order. */
export const readBatchAnswerSchema = z.strictObject({
  index: z.number().check(z.int(), z.gte(0), z.lt(READ_BATCH_MAX)),
  /** obshell's HTTP status, or the server's 502/504 when obshell did not answer. */
  status: z.number().check(z.int(), z.gte(100), z.lte(599)),
  /** obshell's body as text (an envelope), or the server's error envelope. */
  body: z.string(),
});

export type ReadBatchAnswer = z.infer<typeof readBatchAnswerSchema>;
