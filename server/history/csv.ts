import type { HistoryEntry } from './entry-schema.ts';

/**
 * RFC 4180 CSV, one row per changed field (an audit asks "who changed the destination", per
 * field). Cells a spreadsheet would run as a formula (= + - @, tab, CR) get a leading apostrophe
 * (OWASP "CSV injection"); everything is quoted when it holds a quote, comma or line break.
 */
export const CSV_COLUMNS = [
  'entry_id',
  'time',
  'cluster',
  'scope',
  'user',
  'source',
  'dag_id',
  'outcome',
  'started_at',
  'finished_at',
  'field',
  'old',
  'new',
] as const;

export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (cells: (string | number | boolean | null)[]) => `${cells.map(csvCell).join(',')}\r\n`;

export function csvHeader(): string {
  // A BOM so spreadsheet programs read UTF-8 (tenant and user names may be Chinese).
  return `\uFEFF${line([...CSV_COLUMNS])}`;
}

export function csvRows(entry: HistoryEntry): string {
  const fixed = [
    entry.id,
    entry.time,
    entry.clusterId,
    entry.scope,
    entry.user,
    entry.source,
    entry.dagId,
    entry.outcome,
    entry.startedAt,
    entry.finishedAt,
  ];
  if (entry.changes.length === 0) return line([...fixed, null, null, null]);
  return entry.changes
    .map((change) => line([...fixed, change.field, change.old, change.new]))
    .join('');
}
