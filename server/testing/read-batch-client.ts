import { z } from 'zod';
import { ndjsonLines } from '../../src/lib/obshell/ndjson-lines.ts';
import {
  readBatchAnswerSchema,
  type ReadBatchAnswer,
} from '../../src/lib/obshell/read-batch-wire.ts';

export interface BatchInit {
  /** Headers added to (or replacing) the ones the dashboard's page sends. */
  headers?: Record<string, string>;
  /** Default headers to leave out (lower-case names). */
  omit?: string[];
  /** The raw body, instead of JSON of `batch`. */
  raw?: string;
}

/**
 * POSTs a read batch to `<origin><route>` as the dashboard's own page does: JSON, the CSRF header,
 * Sec-Fetch-Site: same-origin and its Origin.
 */
export function postBatch(origin: string, route: string, batch: unknown, init: BatchInit = {}) {
  const headers = Object.fromEntries(
    Object.entries({
      'content-type': 'application/json',
      'x-obdash-request': '1',
      'sec-fetch-site': 'same-origin',
      origin,
      ...init.headers,
    }).filter(([name]) => !init.omit?.includes(name)),
  );
  return fetch(`${origin}${route}`, {
    method: 'POST',
    headers,
    body: init.raw ?? JSON.stringify(batch),
  });
}

/**
 * The stream's lines as they arrive, each checked against the wire schema (as the browser does),
 * with the time since `since` at which it arrived.
 */
export async function linesOf(response: Response, since = Date.now()) {
  if (response.status !== 200) throw new Error(`read batch answered ${response.status}`);
  if (!response.body) throw new Error('read batch answered without a body');
  const lines: (ReadBatchAnswer & { at: number })[] = [];
  for await (const line of ndjsonLines(response.body)) {
    lines.push({ ...readBatchAnswerSchema.parse(JSON.parse(line)), at: Date.now() - since });
  }
  return lines;
}

/** The answers in the reads' order; throws unless every read has exactly one. */
export async function answersOf(response: Response, count: number) {
  const lines = await linesOf(response);
  const answers = Array.from({ length: count }, (_, index) => {
    const [mine, ...more] = lines.filter((line) => line.index === index);
    if (!mine || more.length > 0)
      throw new Error(`read ${index} has ${mine ? more.length + 1 : 0} answers`);
    return { status: mine.status, body: mine.body };
  });
  if (lines.length !== count) throw new Error(`${lines.length} answers to ${count} reads`);
  return answers;
}

const envelopeSchema = z.object({
  successful: z.literal(false),
  status: z.number(),
  traceId: z.string(),
  error: z.object({ errCode: z.string(), message: z.string() }),
});

/** An error envelope (the server's own, or one in an answer's body). */
export function envelopeOf(text: string) {
  return envelopeSchema.parse(JSON.parse(text));
}

/** `count` reads of distinct uris, each signed with a distinct `auth`. */
export function readsOf(count: number, uri = (index: number) => `/api/v1/tenant/t${index}/info`) {
  return Array.from({ length: count }, (_, index) => ({ uri: uri(index), auth: `sig-${index}` }));
}
