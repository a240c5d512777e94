import { Badge, Code, Paper, ScrollArea, Table, Text, Title } from '@mantine/core';
import { memo } from 'react';
import { useMessages } from '../../../lib/i18n/messages';
import {
  BASELINE_FIELDS,
  tenantValues,
  type Baseline,
  type BaselineField,
  type TenantSnapshot,
} from '../model/baseline';
import { maskSecrets } from '../model/storage-uri';
import { backupConfigMessages } from '../messages';

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
    <Table.Tr>
      <Table.Th scope="row">
        {tenant.name} ({tenant.tenantId})
        {tenant.notNormalStatus !== undefined && (
          <Badge ml={4} size="xs" color="gray" variant="light" tt="none">
            {tenant.notNormalStatus}
          </Badge>
        )}
      </Table.Th>
      {BASELINE_FIELDS.map((field) => {
        const value = values[field];
        return (
          <Table.Td key={field}>
            {value === undefined ? (
              <Text span size="xs" c="dimmed">
                {unknownText(field)}
              </Text>
            ) : value === '' ? (
              <Text span size="xs" c="dimmed">
                {t.notSet}
              </Text>
            ) : (
              <Code
                style={{
                  overflowWrap: 'anywhere',
                  whiteSpace: field === 'backup_base_uri' ? 'normal' : 'nowrap',
                }}
              >
                {maskSecrets(value)}
              </Code>
            )}
          </Table.Td>
        );
      })}
    </Table.Tr>
  );
});

/**
 * Every user tenant's current value of every field; cells that differ between tenants are marked.
 * Memoized: the page passes the tenants throttled while they are read.
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
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5">
        {t.currentTitle}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t.currentHint}
      </Text>
      <ScrollArea type="auto">
        <Table striped withTableBorder fz="xs" miw={720} aria-label={t.currentTitle}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.tenant}</Table.Th>
              {BASELINE_FIELDS.map((field) => (
                <Table.Th key={field}>
                  {field}
                  {baseline[field].kind === 'differs' && (
                    <Badge ml={4} size="xs" color="orange" variant="light">
                      {t.differs}
                    </Badge>
                  )}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tenants.map((tenant) => (
              <TenantValuesRow key={tenant.name} tenant={tenant} clusterId={clusterId} />
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Paper>
  );
});
