import { z } from '../zod-mini';
import { READ_BATCH_CONCURRENCY, READ_BATCH_MAX } from './read-batch-limits';

// The read-batch request as the server checks it (read-batch-wire.ts says what the route does).
// Its own module: the browser sends this shape but never parses it, so its first screen does not
// carry the schema.

/**
 * obshell's path and query as signed: printable ASCII only (buildUri percent-encodes the rest), and
 * no "." or ".." segment (also percent-encoded), which a server normalising the path could resolve
 * to outside /api/.
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

export type ReadBatchRequest = z.infer<typeof readBatchRequestSchema>;
