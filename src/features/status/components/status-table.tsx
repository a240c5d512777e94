import { Badge, Group, Stack, Text } from '@mantine/core';
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
import { statusMessages } from '../messages';
import type { StatusRow } from '../model/tenant-status';

function Destination({ label, uri }: { label: string; uri: string | undefined }) {
  const t = useMessages(statusMessages);
  return (
    <Text size="xs" style={{ wordBreak: 'break-all' }}>
      {label}: {uri === undefined ? '…' : uri === '' ? t.none : maskSecrets(uri)}
    </Text>
  );
}

function ArchiveCell({ row }: { row: StatusRow }) {
  const t = useMessages(statusMessages);
  if (row.archive === undefined) return <Text size="sm">{t.loading}</Text>;
  return <Text size="sm">{t.archiveState(row.archive)}</Text>;
}

function DelayCell({ row }: { row: StatusRow }) {
  const t = useMessages(statusMessages);
  if (row.delaySeconds === undefined) return <Text size="sm">—</Text>;
  const over = row.problems.includes('delay-over-target');
  return (
    <Stack gap={0}>
      <Text
        size="sm"
        fw={over ? 700 : undefined}
        c={over ? 'var(--mantine-color-red-text)' : undefined}
      >
        {over ? '⚠ ' : ''}
        {t.delayValue(row.delaySeconds)}
      </Text>
      {row.lagTargetSeconds !== undefined && (
        <Text size="xs" c="dimmed">
          {t.lagTarget(row.lagTargetSeconds)}
        </Text>
      )}
    </Stack>
  );
}

function LastBackupCell({ row }: { row: StatusRow }) {
  const t = useMessages(statusMessages);
  const job = row.lastBackup;
  if (job === undefined) return <Text size="sm">{t.loading}</Text>;
  if (job === null) return <Text size="sm">{t.neverBackedUp}</Text>;
  const failed = row.problems.includes('backup-failed');
  return (
    <Stack gap={0}>
      <Text
        size="sm"
        fw={failed ? 700 : undefined}
        c={failed ? 'var(--mantine-color-red-text)' : undefined}
      >
        {[job.backup_type, job.status].filter(Boolean).join(' · ')}
      </Text>
      <Text size="xs">{job.start_timestamp ?? '—'}</Text>
      {(job.result ?? 0) !== 0 || job.comment ? (
        <Text size="xs" style={{ wordBreak: 'break-word' }}>
          {[job.result ? t.result(job.result) : '', job.comment ?? ''].filter(Boolean).join(' — ')}
        </Text>
      ) : null}
    </Stack>
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
        <Text size="sm" fw={600}>
          {row.name}
        </Text>
        {row.tenantStatus !== null && row.tenantStatus !== 'NORMAL' && (
          <Text size="xs">{row.tenantStatus}</Text>
        )}
      </DataRowHeader>
      <DataCell>
        {row.problems.length === 0 ? (
          <Text size="sm">{row.complete ? t.ok : t.loading}</Text>
        ) : (
          <Group gap={4}>
            {row.problems.map((p) => (
              <Badge key={p} color="red" variant="light" tt="none">
                {t.problem(p)}
              </Badge>
            ))}
          </Group>
        )}
      </DataCell>
      <DataCell>
        <ArchiveCell row={row} />
      </DataCell>
      <DataCell>
        <Text size="xs">{row.checkpoint ?? '—'}</Text>
      </DataCell>
      <DataCell>
        <DelayCell row={row} />
      </DataCell>
      <DataCell>
        <Destination label={t.archiveDest} uri={row.archiveDestination} />
        <Destination label={t.dataDest} uri={row.dataDestination} />
      </DataCell>
      <DataCell>
        <LastBackupCell row={row} />
      </DataCell>
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
