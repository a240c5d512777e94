import { queryOptions } from '@tanstack/react-query';
import { CSRF_HEADER } from './csrf-header';
import { HISTORY_OUTCOMES, type HistoryOutcome } from './history-outcomes';
import { readRuntimeConfig } from './runtime-config';
import { z } from './zod-mini';

/**
 * The production server's change-history API (server/history/README.md), under the base path.
 * Every request carries the custom header the server's CSRF check asks for; every answer is
 * parsed. Not obshell: no signature, no password, nothing secret goes out (values are masked).
 */

export type { HistoryOutcome };
export const historyOutcomeSchema = z.enum(HISTORY_OUTCOMES);

const valueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const historyChangeSchema = z.object({
  field: z.string(),
  old: valueSchema,
  new: valueSchema,
});
export type HistoryChange = z.infer<typeof historyChangeSchema>;

export const historyEntrySchema = z.object({
  id: z.number(),
  time: z.string(),
  clusterId: z.string(),
  scope: z.string(),
  user: z.nullable(z.string()),
  changes: z.array(historyChangeSchema),
  dagId: z.string(),
  outcome: historyOutcomeSchema,
  startedAt: z.nullable(z.string()),
  finishedAt: z.nullable(z.string()),
  source: z.enum(['dashboard', 'outside']),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

const pageSchema = z.object({
  items: z.array(historyEntrySchema),
  total: z.number(),
  page: z.number(),
  size: z.number(),
});
export type HistoryPage = z.infer<typeof pageSchema>;

const facetsSchema = z.object({
  clusters: z.array(z.string()),
  fields: z.array(z.string()),
  users: z.array(z.string()),
});
const reconcileSchema = z.object({ updated: z.array(z.number()), added: z.array(z.number()) });

const errorSchema = z.object({
  error: z.object({ errCode: z.string(), message: z.string() }),
});

export class HistoryError extends Error {
  override name = 'HistoryError';
  constructor(
    readonly status: number,
    readonly errCode: string,
    message: string,
  ) {
    super(message);
  }
}

export interface HistoryFilter {
  cluster?: string | undefined;
  field?: string | undefined;
  user?: string | undefined;
  outcome?: readonly HistoryOutcome[] | undefined;
  source?: 'dashboard' | 'outside' | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

function historyBase(): string {
  return `${readRuntimeConfig().basePath}history`;
}

export function filterParams(filter: HistoryFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === '') continue;
    const text = Array.isArray(value) ? value.join(',') : String(value);
    if (text !== '') params.set(key, text);
  }
  return params;
}

async function send(route: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set(CSRF_HEADER, '1');
  if (init.body !== undefined) headers.set('Content-Type', 'application/json');
  const response = await fetch(`${historyBase()}/${route}`, {
    ...init,
    headers,
    credentials: 'same-origin',
  });
  if (response.ok) return response;
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = errorSchema.safeParse(body);
  throw parsed.success
    ? new HistoryError(response.status, parsed.data.error.errCode, parsed.data.error.message)
    : new HistoryError(
        response.status,
        'History.Unavailable',
        `The change history answered HTTP ${response.status}.`,
      );
}

const envelopeSchema = z.object({ data: z.unknown() });

async function call<S extends z.ZodMiniType>(
  schema: S,
  route: string,
  init?: RequestInit,
): Promise<z.infer<S>> {
  const response = await send(route, init);
  const envelope = envelopeSchema.safeParse(await response.json());
  const parsed = envelope.success ? schema.safeParse(envelope.data.data) : undefined;
  if (!parsed?.success) {
    throw new HistoryError(response.status, 'History.BadAnswer', 'Unreadable history answer.');
  }
  return parsed.data;
}

export interface NewHistoryEntry {
  clusterId: string;
  scope: string;
  dagId: string;
  changes: HistoryChange[];
}

export const historyApi = {
  record: (body: NewHistoryEntry) =>
    call(z.object({ entry: historyEntrySchema }), 'entries', {
      method: 'POST',
      body: JSON.stringify(body),
    }).then((data) => data.entry),
  reconcile: (clusterId: string, dags: unknown[]) =>
    call(reconcileSchema, 'entries/reconcile', {
      method: 'POST',
      body: JSON.stringify({ clusterId, dags }),
    }),
  list: (filter: HistoryFilter, page: number, size: number, signal?: AbortSignal) => {
    const params = filterParams(filter);
    params.set('page', String(page));
    params.set('size', String(size));
    return call(pageSchema, `entries?${params.toString()}`, signal ? { signal } : {});
  },
  facets: (signal?: AbortSignal) => call(facetsSchema, 'facets', signal ? { signal } : {}),
  /** The export as a Blob: a plain link could not send the CSRF header. */
  exportFile: async (kind: 'csv' | 'json', filter: HistoryFilter) => {
    const response = await send(`export.${kind}?${filterParams(filter).toString()}`);
    return response.blob();
  },
};

/** Query keys under the app's root (TEAM.md); the history is the server's, not one cluster's. */
export const historyQueries = {
  all: (clusterKey: string) => ['obshell', clusterKey, 'history'] as const,
  page: (clusterKey: string, filter: HistoryFilter, page: number, size: number) =>
    queryOptions({
      queryKey: [...historyQueries.all(clusterKey), 'entries', filter, page, size] as const,
      queryFn: ({ signal }) => historyApi.list(filter, page, size, signal),
    }),
  facets: (clusterKey: string) =>
    queryOptions({
      queryKey: [...historyQueries.all(clusterKey), 'facets'] as const,
      queryFn: ({ signal }) => historyApi.facets(signal),
    }),
};
