import { z } from 'zod';
import {
  changeSchema,
  type HistoryEntry,
  type HistoryFilter,
  outcomeSchema,
  sourceSchema,
} from './entry-schema.ts';

/** Filters → one SQL WHERE clause with named parameters (never string-built from values). */
export function whereOf(filter: HistoryFilter): {
  sql: string;
  params: Record<string, string | number>;
} {
  const clauses: string[] = [];
  const params: Record<string, string | number> = {};
  if (filter.cluster) {
    clauses.push('cluster_id = @cluster');
    params.cluster = filter.cluster;
  }
  if (filter.field) {
    clauses.push(
      'EXISTS (SELECT 1 FROM entry_fields f WHERE f.field = @field AND f.entry_id = entries.id)',
    );
    params.field = filter.field;
  }
  if (filter.user) {
    // A part of the name, case-insensitive; % and _ typed by the user are literal.
    clauses.push("user LIKE @user ESCAPE '\\'");
    params.user = `%${filter.user.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  if (filter.outcome) {
    const names = filter.outcome.map((outcome, index) => {
      params[`outcome${index}`] = outcome;
      return `@outcome${index}`;
    });
    clauses.push(`outcome IN (${names.join(', ')})`);
  }
  if (filter.source) {
    clauses.push('source = @source');
    params.source = filter.source;
  }
  if (filter.dag) {
    clauses.push('dag_id = @dag');
    params.dag = filter.dag;
  }
  if (filter.from) {
    clauses.push('time_ms >= @from');
    params.from = Date.parse(filter.from);
  }
  if (filter.to) {
    clauses.push('time_ms <= @to');
    params.to = Date.parse(filter.to);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** A row of `entries` exactly as SQLite returns it. */
export const entryRowSchema = z.object({
  id: z.number(),
  time_ms: z.number(),
  cluster_id: z.string(),
  scope: z.string(),
  user: z.string().nullable(),
  changes: z.string(),
  dag_id: z.string(),
  outcome: outcomeSchema,
  started_ms: z.number().nullable(),
  finished_ms: z.number().nullable(),
  source: sourceSchema,
});
export type EntryRow = z.infer<typeof entryRowSchema>;

const storedChangesSchema = z.array(changeSchema);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function entryOfRow(raw: unknown): HistoryEntry {
  const row = entryRowSchema.parse(raw);
  return {
    id: row.id,
    time: new Date(row.time_ms).toISOString(),
    clusterId: row.cluster_id,
    scope: row.scope,
    user: row.user,
    changes: storedChangesSchema.parse(JSON.parse(row.changes)),
    dagId: row.dag_id,
    outcome: row.outcome,
    startedAt: iso(row.started_ms),
    finishedAt: iso(row.finished_ms),
    source: row.source,
  };
}
