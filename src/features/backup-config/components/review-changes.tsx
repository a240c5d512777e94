import { Table, Text } from '@mantine/core';
import { useMessages } from '../../../lib/i18n/messages';
import type { Baseline, FieldBaseline } from '../model/baseline';
import type { BackupConfigPatch, ChangeAnalysis } from '../model/changes';
import { maskSecrets } from '../model/storage-uri';
import { backupConfigMessages } from '../messages';
import { tenantMessages, type TenantMessages } from '../tenant-messages';

type Messages = (typeof backupConfigMessages)['en'];

function oldValue(t: Messages, base: FieldBaseline): string {
  if (base.kind === 'common') return maskSecrets(base.value);
  return base.kind === 'differs' ? t.differs : t.unknown;
}

function label(t: Messages, tt: TenantMessages, field: keyof BackupConfigPatch): string {
  return {
    backup_base_uri: t.destinationTitle,
    archive_base_uri: tt.archiveTitle,
    data_base_uri: tt.dataTitle,
    log_archive_concurrency: t.concurrencyLabel,
    ha_low_thread_score: t.haLabel,
    binding: t.bindingLabel,
    piece_switch_interval: t.pieceLabel,
    archive_lag_target: t.lagLabel,
    delete_policy: t.deletePolicyTitle,
  }[field];
}

/** The current value a body key replaces; tenant scope reads that tenant's own URIs. */
function baselineOf(baseline: Baseline, field: Exclude<keyof BackupConfigPatch, 'delete_policy'>) {
  if (field === 'archive_base_uri') return baseline.tenant?.archive ?? unknownBaseline;
  if (field === 'data_base_uri') return baseline.tenant?.data ?? unknownBaseline;
  return baseline[field];
}

const unknownBaseline: FieldBaseline = { kind: 'unknown', values: [] };

/** Old → new per field of the body, in words; the URI marked when it is only sent again. */
export function ReviewChanges({
  body,
  analysis,
  baseline,
}: {
  body: BackupConfigPatch;
  analysis: ChangeAnalysis;
  baseline: Baseline;
}) {
  const t = useMessages(backupConfigMessages);
  const tt = useMessages(tenantMessages);
  const rows: { field: keyof BackupConfigPatch; from: string; to: string }[] = [];
  for (const field of Object.keys(body) as (keyof BackupConfigPatch)[]) {
    if (field === 'delete_policy') {
      const p = body.delete_policy;
      if (p) rows.push({ field, from: t.policyOld, to: t.policyNew(p.policy, p.recovery_window) });
      continue;
    }
    const to = maskSecrets(String(body[field]));
    const resent = field === analysis.uriKey && !analysis.dirty.has(field);
    rows.push({
      field,
      from: oldValue(t, baselineOf(baseline, field)),
      to: resent ? `${to} (${t.resentBecause(analysis.uriRequiredBy.join(', '))})` : to,
    });
  }
  return (
    <Table withTableBorder fz="sm" aria-label={t.changesTitle}>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.field}>
            <Table.Th scope="row" w="40%">
              {label(t, tt, row.field)}
            </Table.Th>
            <Table.Td style={{ wordBreak: 'break-all' }}>
              <Text span size="sm" c="dimmed">
                {row.from}
              </Text>
              {' → '}
              <Text span size="sm" fw={600}>
                {row.to}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
