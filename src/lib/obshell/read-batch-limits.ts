/**
 * The read-batch route's fixed numbers (read-batch-wire.ts has the formats). Apart from the schemas
 * so that code on the first screen (the connection's route URL) does not pull them in.
 */
export const READ_BATCH_PATH = '/obshell-batch';
/** Reads per batch: the server refuses more (its body limit is far above 64 signed headers). */
export const READ_BATCH_MAX = 64;
/** Issue 13's limit: one obshell never has more than 4 of our requests in flight. */
export const READ_BATCH_CONCURRENCY = 4;
/** The answer stream's media type: one JSON object per line. */
export const READ_BATCH_MEDIA_TYPE = 'application/x-ndjson';
