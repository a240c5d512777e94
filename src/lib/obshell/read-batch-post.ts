import type { Sent } from './answer';
import { ndjsonLines } from './ndjson-lines';
import type { ReadBatchAnswer } from './read-batch-wire';

export interface BatchPost {
  reads: { uri: string; auth: string }[];
  /** Reads at obshell at once (the page's slots held for this batch). */
  concurrency: number;
  /** How long the whole batch may take. */
  waitMs: number;
  /** Called once per read, as its answer (or why there is none) arrives. */
  onAnswer: (index: number, answer: Sent | Error) => void;
}

/** 'unsupported': the page is served without the read-batch route; nothing was answered. */
export type BatchPostResult = 'answered' | 'unsupported';

/**
 * How answers are read, handed in by the client (src/lib/obshell/client.ts) rather than imported:
 * this module loads in its own chunk after unlocking, and a static import of first-screen code
 * would make the bundler split that code (zod among it) out of the first screen's chunks.
 */
export interface AnswerReading {
  mediaType: string;
  /** One line of the stream, validated (read-batch-wire.ts), or undefined. */
  parseLine: (line: string) => ReadBatchAnswer | undefined;
  /** obshell's answer, or the error it means (an ObshellError). */
  answerOf: (status: number, text: string) => Sent;
  /** No answer: the time ran out, or the network failed. */
  transportError: (timedOut: boolean, waitMs: number) => Error;
  /** The stream ended without a read's answer. */
  missing: () => Error;
  /** Whether an error is already one the client reports as it is (an ObshellError). */
  isReported: (error: unknown) => error is Error;
}

/**
 * Posts read batches to `url` (src/lib/obshell/read-batch-wire.ts) and hands each answer over as
 * its line arrives. Every read gets exactly one onAnswer call unless the result is 'unsupported'.
 */
export function createBatchPoster(options: {
  url: string;
  fetchImpl: typeof fetch;
  /** Sent with every batch: the page's language and the server's CSRF header. */
  headers: () => Record<string, string>;
  reading: AnswerReading;
}) {
  const { answerOf, transportError, missing, parseLine, mediaType, isReported } = options.reading;
  return async function postBatch(post: BatchPost): Promise<BatchPostResult> {
    const timeout = AbortSignal.timeout(post.waitMs);
    const answered = new Set<number>();
    const answerRest = (answer: () => Error) =>
      post.reads.forEach((_, index) => {
        if (!answered.has(index)) post.onAnswer(index, answer());
      });
    let response: Response;
    try {
      response = await options.fetchImpl(options.url, {
        method: 'POST',
        cache: 'no-store',
        signal: timeout,
        headers: { ...options.headers(), 'Content-Type': 'application/json' },
        body: JSON.stringify({ concurrency: post.concurrency, reads: post.reads }),
      });
    } catch {
      answerRest(() => transportError(timeout.aborted, post.waitMs));
      return 'answered';
    }
    const streamed = response.headers.get('Content-Type')?.startsWith(mediaType);
    if (response.status !== 200 || !streamed || !response.body) {
      // No such route where the page is served (a plain static host, Vite preview): go alone.
      if ([200, 404, 405, 501].includes(response.status)) return 'unsupported';
      // The route refused the batch (bad request, CSRF) or a gateway failed: each read says why.
      let answer: Sent | Error;
      try {
        answer = answerOf(response.status, await response.text());
      } catch (error) {
        answer = isReported(error) ? error : transportError(timeout.aborted, post.waitMs);
      }
      post.reads.forEach((_, index) => post.onAnswer(index, answer));
      return 'answered';
    }
    try {
      for await (const line of ndjsonLines(response.body)) {
        const parsed = parseLine(line);
        if (!parsed || parsed.index >= post.reads.length || answered.has(parsed.index)) continue;
        answered.add(parsed.index);
        let answer: Sent | Error;
        try {
          answer = answerOf(parsed.status, parsed.body);
        } catch (error) {
          answer = error instanceof Error ? error : new Error(String(error));
        }
        post.onAnswer(parsed.index, answer);
      }
    } catch {
      answerRest(() => transportError(timeout.aborted, post.waitMs));
      return 'answered';
    }
    answerRest(missing);
    return 'answered';
  };
}
