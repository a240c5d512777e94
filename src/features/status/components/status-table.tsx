import { memo } from 'react';
import {
  DataCell,
  DataRow,
  DataRowHeader,
  DataTable,
  plainColumns,
} from '../../../components/data-table';
import { maskSecrets } from '../../../lib/backup-rules/mask-secrets';
import { useMessages } from '../../../lib/i18n/messages';
import { statusMessages, type StatusMessages } from '../messages';
import type { StatusRow } from '../model/tenant-status';
import { group, redBadge, stack, text } from './row-parts';

// The cells are plain functions of the row and its messages, built from row-parts: no component
// per cell or piece (see row-parts.tsx for the figures).

function destination(t: StatusMessages, label: string, uri: string | undefined) {
  return text('breakAll', [
    label,
    ': ',
    uri === undefined ? '…' : uri === '' ? t.none : maskSecrets(uri),
  ]);
}

function archiveCell(t: StatusMessages, row: StatusRow) {
  return text('sm', row.archive === undefined ? t.loading : t.archiveState(row.archive));
}

function delayCell(t: StatusMessages, row: StatusRow) {
  if (row.delaySeconds === undefined) return text('sm', '—');
  const over = row.problems.includes('delay-over-target');
  return stack(
    text(over ? 'alert' : 'sm', [over ? '⚠ ' : '', t.delayValue(row.delaySeconds)]),
    row.lagTargetSeconds !== undefined && text('dimmed', t.lagTarget(row.lagTargetSeconds)),
  );
}

function lastBackupCell(t: StatusMessages, row: StatusRow) {
  const job = row.lastBackup;
  if (job === undefined) return text('sm', t.loading);
  if (job === null) return text('sm', t.neverBackedUp);
  const failed = row.problems.includes('backup-failed');
  return stack(
    text(failed ? 'alert' : 'sm', [job.backup_type, job.status].filter(Boolean).join(' · ')),
    text('xs', job.start_timestamp ?? '—'),
    (job.result ?? 0) !== 0 || job.comment
      ? text(
          'breakWord',
          [job.result ? t.result(job.result) : '', job.comment ?? ''].filter(Boolean).join(' — '),
        )
      : null,
  );
}

/**
 * One tenant's row. Memoized: while hundreds of tenants are read, each answer changes one row, and
 * rows are the same objects until their reads change (see useStatusRows).
 */
const StatusTableRow = memo(function StatusTableRow({ row }: { row: StatusRow }) {
  const t = useMessages(statusMessages);
  return (
    <DataRow data-testid="status-row" data-tenant={row.name}>
      <DataRowHeader>
        {text('name', row.name)}
        {row.tenantStatus !== null && row.tenantStatus !== 'NORMAL' && text('xs', row.tenantStatus)}
      </DataRowHeader>
      <DataCell>
        {row.problems.length === 0
          ? text('sm', row.complete ? t.ok : t.loading)
          : group(row.problems.map((p) => redBadge(p, t.problem(p))))}
      </DataCell>
      <DataCell>{archiveCell(t, row)}</DataCell>
      <DataCell>{text('xs', row.checkpoint ?? '—')}</DataCell>
      <DataCell>{delayCell(t, row)}</DataCell>
      <DataCell>
        {destination(t, t.archiveDest, row.archiveDestination)}
        {destination(t, t.dataDest, row.dataDestination)}
      </DataCell>
      <DataCell>{lastBackupCell(t, row)}</DataCell>
    </DataRow>
  );
});

/**
 * One row per user tenant; the page passes one page of rows at a time. Memoized: the page passes
 * the same array until a row on the page or the page itself changes.
 */
export const StatusTable = memo(function StatusTable({ rows }: { rows: readonly StatusRow[] }) {
  const t = useMessages(statusMessages);
  const columns = plainColumns([
    ['tenant', t.tenant],
    ['problems', t.problems],
    ['archive', t.archive],
    ['checkpoint', t.checkpoint],
    ['delay', t.delay],
    ['destinations', t.destinations],
    ['last-backup', t.lastBackup],
  ]);
  return (
    <DataTable columns={columns} label={t.tableLabel} minWidth={900} verticalSpacing="xs">
      {rows.map((row) => (
        <StatusTableRow key={row.name} row={row} />
      ))}
    </DataTable>
  );
});
