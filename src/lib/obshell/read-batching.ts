import type { Sent } from './answer';
import type { createLimiter } from './limiter';
import { createBatchPoster, type AnswerReading } from './read-batch-post';
import { createReadBatcher, type SignedRead } from './read-batcher';

/**
 * Read batching as the client uses it: the batcher over a poster for one read-batch route. Its own
 * module so the client loads it with the first batched read (after unlocking), not with the
 * connection screen; it imports no first-screen code at run time (see AnswerReading).
 */
export function createReadBatching(options: {
  url: string;
  limiter: ReturnType<typeof createLimiter>;
  slots: number;
  maxReads: number;
  timeoutMs: number;
  reading: AnswerReading;
  fetchImpl: typeof fetch;
  headers: () => Record<string, string>;
  sendOne: (uri: string, init: SignedRead, signal?: AbortSignal) => Promise<Sent>;
}) {
  return createReadBatcher({
    limiter: options.limiter,
    slots: options.slots,
    maxReads: options.maxReads,
    timeoutMs: options.timeoutMs,
    sendOne: options.sendOne,
    postBatch: createBatchPoster({
      url: options.url,
      fetchImpl: options.fetchImpl,
      headers: options.headers,
      reading: options.reading,
    }),
  });
}
