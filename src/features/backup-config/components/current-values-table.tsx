import { Badge, Code, Group, Paper, Text, Title } from '@mantine/core';
import { memo, useMemo, useState } from 'react';
import { PagePager } from '../../../components/page-pager';
import {
  DataCell,
  DataRow,
  DataRowHeader,
  DataTable,
  type DataColumn,
} from '../../../components/data-table';
import { useMessages } from '../../../lib/i18n/messages';
import { pageOf, TENANT_PAGE_SIZE } from '../../../lib/paging';
import {
  BASELINE_FIELDS,
  tenantValues,
  type Baseline,
  type BaselineField,
  type TenantSnapshot,
} from '../model/baseline';
import { maskSecrets } from '../model/storage-uri';
import { backupConfigMessages } from '../messages';

// Plain elements wearing Mantine's classes and variables (Text size="xs" c="dimmed", Code): 200
// rows × 7 cells of Mantine components cost most of the page's time while the tenants are read.
const DIMMED = {
  fontSize: 'var(--mantine-font-size-xs)',
  color: 'var(--mantine-color-dimmed)',
} as const;
const URI_CODE = { overflowWrap: 'anywhere', whiteSpace: 'normal' } as const;
const VALUE_CODE = { overflowWrap: 'anywhere', whiteSpace: 'nowrap' } as const;
const codeStyle = (field: BaselineField) => (field === 'backup_base_uri' ? URI_CODE : VALUE_CODE);

/**
 * One tenant's values. Memoized: while hundreds of tenants are read, each answer changes one
 * snapshot, and the others stay the same objects (see useCurrentConfig).
 */
const TenantValuesRow = memo(function TenantValuesRow({
  tenant,
  clusterId,
}: {
  tenant: TenantSnapshot;
  clusterId: number;
}) {
  const t = useMessages(backupConfigMessages);
  const unknownText = (field: BaselineField) => {
    if (tenant.pending) return t.readingCell;
    if (field === 'backup_base_uri') return tenant.storage === null ? t.hiddenSecret : t.unknown;
    // Parameters (and what log_archive_dest says) are unreadable while the tenant is not NORMAL.
    return tenant.notNormalStatus !== undefined && tenant.parameters === null
      ? t.unknownStatus(tenant.notNormalStatus)
      : t.unknown;
  };
  const values = tenantValues(tenant, clusterId);
  return (
    <DataRow>
      <DataRowHeader>
        {tenant.name} ({tenant.tenantId})
        {tenant.notNormalStatus !== undefined && (
          <Badge ml={4} size="xs" color="gray" variant="light" tt="none">
            {tenant.notNormalStatus}
          </Badge>
        )}
      </DataRowHeader>
      {BASELINE_FIELDS.map((field) => {
        const value = values[field];
        return (
          <DataCell key={field}>
            {value === undefined ? (
              <span style={DIMMED}>{unknownText(field)}</span>
            ) : value === '' ? (
              <span style={DIMMED}>{t.notSet}</span>
            ) : (
              <code className={Code.classes.root} style={codeStyle(field)}>
                {maskSecrets(value)}
              </code>
            )}
          </DataCell>
        );
      })}
    </DataRow>
  );
});

/**
 * Every user tenant's current value of every field; columns whose value differs between tenants
 * (all of them, not only the page shown) are marked. Memoized: the page passes the tenants
 * throttled while they are read.
 *
 * Paged like the status page: with 200 tenants the whole table cost the browser ≈ 250 ms of
 * layout, style and paint while the values came in (a Chromium trace: layout 138 ms against
 * 14 ms with 2 tenants, the largest 53 ms), on the main thread the reads also need.
 */
export const CurrentValuesTable = memo(function CurrentValuesTable({
  tenants,
  clusterId,
  baseline,
}: {
  tenants: readonly TenantSnapshot[];
  clusterId: number;
  baseline: Baseline;
}) {
  const t = useMessages(backupConfigMessages);
  const [page, setPage] = useState(1);
  const { pages, current, slice } = useMemo(
    () => pageOf(tenants, page, TENANT_PAGE_SIZE),
    [tenants, page],
  );
  const columns: DataColumn[] = [
    { key: 'tenant', header: t.tenant },
    ...BASELINE_FIELDS.map((field) => ({
      key: field,
      header: (
        <>
          {field}
          {baseline[field].kind === 'differs' && (
            <Badge ml={4} size="xs" color="orange" variant="light">
              {t.differs}
            </Badge>
          )}
        </>
      ),
    })),
  ];
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5">
        {t.currentTitle}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t.currentHint}
      </Text>
      <DataTable
        columns={columns}
        label={t.currentTitle}
        minWidth={720}
        verticalSpacing={7}
        fontSize="xs"
        withTableBorder
      >
        {slice.map((tenant) => (
          <TenantValuesRow key={tenant.name} tenant={tenant} clusterId={clusterId} />
        ))}
      </DataTable>
      {pages > 1 && (
        <Group justify="flex-end" mt="xs">
          <Text size="xs" c="dimmed">
            {t.tenantRange(
              (current - 1) * TENANT_PAGE_SIZE + 1,
              (current - 1) * TENANT_PAGE_SIZE + slice.length,
              tenants.length,
            )}
          </Text>
          <PagePager pages={pages} current={current} onPage={setPage} />
        </Group>
      )}
    </Paper>
  );
});
