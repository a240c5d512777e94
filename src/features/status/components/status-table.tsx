import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { memo } from 'react';
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
    <Table.Tr data-testid="status-row" data-tenant={row.name}>
      <Table.Th scope="row">
        <Text size="sm" fw={600}>
          {row.name}
        </Text>
        {row.tenantStatus !== null && row.tenantStatus !== 'NORMAL' && (
          <Text size="xs">{row.tenantStatus}</Text>
        )}
      </Table.Th>
      <Table.Td>
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
      </Table.Td>
      <Table.Td>
        <ArchiveCell row={row} />
      </Table.Td>
      <Table.Td>
        <Text size="xs">{row.checkpoint ?? '—'}</Text>
      </Table.Td>
      <Table.Td>
        <DelayCell row={row} />
      </Table.Td>
      <Table.Td>
        <Destination label={t.archiveDest} uri={row.archiveDestination} />
        <Destination label={t.dataDest} uri={row.dataDestination} />
      </Table.Td>
      <Table.Td>
        <LastBackupCell row={row} />
      </Table.Td>
    </Table.Tr>
  );
});

/** One row per user tenant; the page passes one page of rows at a time. */
export function StatusTable({ rows }: { rows: readonly StatusRow[] }) {
  const t = useMessages(statusMessages);
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped verticalSpacing="xs" aria-label={t.tableLabel}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t.tenant}</Table.Th>
            <Table.Th scope="col">{t.problems}</Table.Th>
            <Table.Th scope="col">{t.archive}</Table.Th>
            <Table.Th scope="col">{t.checkpoint}</Table.Th>
            <Table.Th scope="col">{t.delay}</Table.Th>
            <Table.Th scope="col">{t.destinations}</Table.Th>
            <Table.Th scope="col">{t.lastBackup}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <StatusTableRow key={row.name} row={row} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
