import { ObshellError, envelopeSchema } from './envelope';
import type { AnswerReading } from './read-batch-post';
import { READ_BATCH_MEDIA_TYPE, readBatchAnswerSchema } from './read-batch-wire';

/** What one exchange with obshell gave: its HTTP status and its (envelope) JSON. */
export interface Sent {
  status: number;
  json: unknown;
}

/** obshell's answer as JSON, or the error that a gateway's page or an unreadable answer means. */
export function answerOf(status: number, text: string): Sent {
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (json === undefined || !envelopeSchema.safeParse(json).success) {
    // A gateway (Vite's proxy, a portal's reverse proxy) that cannot reach the agent answers
    // 502/503/504 with its own page or nothing: for the user that is "obshell unreachable".
    const gateway = status >= 502 && status <= 504;
    throw new ObshellError({
      kind: gateway ? 'network' : 'bad-response',
      status,
      message: gateway
        ? `Cannot reach obshell (HTTP ${status} from the proxy)`
        : `Unexpected response from obshell (HTTP ${status}): not an obshell envelope`,
    });
  }
  return { status, json };
}

/** A request that got no answer: the time ran out (`waitMs`), or the network failed. */
export function transportError(timedOut: boolean, waitMs: number): ObshellError {
  return new ObshellError({
    kind: timedOut ? 'timeout' : 'network',
    status: 0,
    message: timedOut
      ? `obshell did not answer within ${Math.round(waitMs / 1000)} s`
      : 'Cannot reach obshell (network error)',
  });
}

/** The read-batch stream's answers as the client reads them (handed to the lazily loaded poster). */
export const batchAnswerReading: AnswerReading = {
  mediaType: READ_BATCH_MEDIA_TYPE,
  parseLine: (line) => {
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      return undefined;
    }
    return readBatchAnswerSchema.safeParse(json).data;
  },
  answerOf,
  transportError,
  missing: () =>
    new ObshellError({
      kind: 'bad-response',
      status: 0,
      message: "The dashboard server's read batch ended without this read's answer",
    }),
  isReported: (error): error is Error => error instanceof ObshellError,
};
