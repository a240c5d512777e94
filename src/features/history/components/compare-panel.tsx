import { Button, Group, Paper, Table, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { HistoryEntry } from '../../../lib/history-client';
import { useLocale } from '../../../lib/i18n/locale';
import { useMessages } from '../../../lib/i18n/messages';
import { timeText, valueText } from '../model/format';
import { historyMessages } from '../messages';
import { OutcomeBadge, ScopeText, WhoText } from './entry-parts';

/** Two entries side by side: their facts, then every field either changed (old → new). */
export function ComparePanel({
  entries,
  clusterName,
  onClose,
}: {
  entries: readonly [HistoryEntry, HistoryEntry];
  clusterName: (id: string) => string;
  onClose: () => void;
}) {
  const t = useMessages(historyMessages);
  const { locale } = useLocale();
  const [a, b] = entries;
  const fields = [...new Set([...a.changes, ...b.changes].map((change) => change.field))].sort();
  const changeOf = (entry: HistoryEntry, field: string) => {
    const change = entry.changes.find((c) => c.field === field);
    return change
      ? `${valueText(change.old, t.emptyValue)} → ${valueText(change.new, t.emptyValue)}`
      : t.notChanged;
  };
  const row = (label: ReactNode, left: ReactNode, right: ReactNode, key: string) => (
    <Table.Tr key={key}>
      <Table.Th scope="row">{label}</Table.Th>
      <Table.Td style={{ wordBreak: 'break-all' }}>{left}</Table.Td>
      <Table.Td style={{ wordBreak: 'break-all' }}>{right}</Table.Td>
    </Table.Tr>
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="history-compare-title">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4" id="history-compare-title">
          {t.compareTitle}
        </Title>
        <Button variant="default" size="xs" onClick={onClose}>
          {t.compareClose}
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={600}>
        <Table withColumnBorders>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t.compareField}</Table.Th>
              <Table.Th scope="col">{t.entryLabel(a.id, timeText(a.time, locale))}</Table.Th>
              <Table.Th scope="col">{t.entryLabel(b.id, timeText(b.time, locale))}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {row(t.colCluster, clusterName(a.clusterId), clusterName(b.clusterId), 'cluster')}
            {row(t.colScope, <ScopeText scope={a.scope} />, <ScopeText scope={b.scope} />, 'scope')}
            {row(t.colWho, <WhoText entry={a} />, <WhoText entry={b} />, 'who')}
            {row(t.colTask, <OutcomeBadge entry={a} />, <OutcomeBadge entry={b} />, 'task')}
            {fields.map((field) => row(field, changeOf(a, field), changeOf(b, field), field))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
