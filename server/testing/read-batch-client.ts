import { z } from 'zod';
import { readBatchResponseSchema } from '../../src/lib/obshell/read-batch-wire.ts';

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

/** The batch's answers, checked against the wire schema (the browser checks them the same way). */
export async function answersOf(response: Response) {
  expect200(response);
  return readBatchResponseSchema.parse(await response.json()).answers;
}

function expect200(response: Response) {
  if (response.status !== 200) throw new Error(`read batch answered ${response.status}`);
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
