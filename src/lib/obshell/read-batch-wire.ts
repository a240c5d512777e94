import { z } from '../zod-mini';

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
export const READ_BATCH_PATH = '/obshell-batch';
/** Reads per batch: the server refuses more (its body limit is far above 64 signed headers). */
export const READ_BATCH_MAX = 64;
/** Issue 13's limit: one obshell never has more than 4 of our requests in flight. */
export const READ_BATCH_CONCURRENCY = 4;
/** The answer stream's media type: one JSON object per line. */
export const READ_BATCH_MEDIA_TYPE = 'application/x-ndjson';

/**
 * obshell's path and query as signed: printable ASCII only (buildUri percent-encodes the rest), and
 * no "." or ".." segment (also percent-encoded), which a server normalising the path could resolve to outside /api/.
 */
const obshellUri = z.string().check(
  z.maxLength(4096),
  z.regex(/^\/api\/[!-~]*$/, 'must be an obshell path starting with /api/ (no spaces)'),
  z.refine(
    (uri) => !/\/\.\.?(?:[/?#]|$)/.test((uri.split('?')[0] ?? '').replace(/%2e/gi, '.')),
    'must not contain "." or ".." path segments',
  ),
);

export const readBatchRequestSchema = z.strictObject({
  /** Reads at obshell at once: the slots the page holds for this batch (default and most 4). */
  concurrency: z.optional(z.number().check(z.int(), z.gte(1), z.lte(READ_BATCH_CONCURRENCY))),
  reads: z
    .array(
      z.strictObject({
        uri: obshellUri,
        /** The read's `X-OCS-Header` (RSA-encrypted; the server never looks inside). */
        auth: z.string().check(z.minLength(1), z.maxLength(16_384)),
      }),
    )
    .check(z.minLength(1), z.maxLength(READ_BATCH_MAX)),
});

/** One line of the answer stream: the answer to `reads[index]`. Lines come in answer order. */
export const readBatchAnswerSchema = z.strictObject({
  index: z.number().check(z.int(), z.gte(0), z.lt(READ_BATCH_MAX)),
  /** obshell's HTTP status, or the server's 502/504 when obshell did not answer. */
  status: z.number().check(z.int(), z.gte(100), z.lte(599)),
  /** obshell's body as text (an envelope), or the server's error envelope. */
  body: z.string(),
});

export type ReadBatchRequest = z.infer<typeof readBatchRequestSchema>;
export type ReadBatchAnswer = z.infer<typeof readBatchAnswerSchema>;
