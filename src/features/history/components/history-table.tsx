import { Anchor, Button, Checkbox, Stack, Table, Text, Tooltip } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { routes } from '../../../config/routes';
import type { HistoryEntry } from '../../../lib/history-client';
import { useLocale } from '../../../lib/i18n/locale';
import { useMessages } from '../../../lib/i18n/messages';
import { useObshell } from '../../../lib/obshell/obshell-context';
import { stashReapply } from '../../../lib/reapply';
import { timeText } from '../model/format';
import { historyMessages } from '../messages';
import { ChangeList, OutcomeBadge, ScopeText, WhoText } from './entry-parts';

interface Props {
  entries: readonly HistoryEntry[];
  total: number;
  clusterName: (id: string) => string;
  selected: readonly number[];
  onToggle: (id: number) => void;
}

/** One row per change, newest first: when, where, who, what, and how its task ended. */
export function HistoryTable({ entries, total, clusterName, selected, onToggle }: Props) {
  const t = useMessages(historyMessages);
  const { locale } = useLocale();
  const { clusterKey } = useObshell();
  const navigate = useNavigate();
  const applyAgain = (entry: HistoryEntry) => {
    stashReapply(entry.clusterId, entry.scope, entry.changes);
    void navigate(routes.backupConfig);
  };
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped verticalSpacing="sm" aria-label={t.title}>
        <Table.Caption>{t.caption(total)}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t.compare}</Table.Th>
            <Table.Th scope="col">{t.colTime}</Table.Th>
            <Table.Th scope="col">{t.colCluster}</Table.Th>
            <Table.Th scope="col">{t.colScope}</Table.Th>
            <Table.Th scope="col">{t.colWho}</Table.Th>
            <Table.Th scope="col">{t.colChanges}</Table.Th>
            <Table.Th scope="col">{t.colTask}</Table.Th>
            <Table.Th scope="col">{t.colActions}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => {
            const here = entry.clusterId === clusterKey;
            const canApply = entry.source === 'dashboard' && entry.changes.length > 0;
            return (
              <Table.Tr key={entry.id} data-entry={entry.id}>
                <Table.Td>
                  <Checkbox
                    aria-label={t.compareSelect(entry.id)}
                    checked={selected.includes(entry.id)}
                    onChange={() => onToggle(entry.id)}
                  />
                </Table.Td>
                <Table.Td>{timeText(entry.time, locale)}</Table.Td>
                <Table.Td>{clusterName(entry.clusterId)}</Table.Td>
                <Table.Td>
                  <ScopeText scope={entry.scope} />
                </Table.Td>
                <Table.Td>
                  <WhoText entry={entry} />
                </Table.Td>
                <Table.Td>
                  <ChangeList entry={entry} />
                </Table.Td>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <OutcomeBadge entry={entry} />
                    {here ? (
                      <Anchor component={Link} to={routes.task(entry.dagId)} size="sm">
                        {t.openTask(entry.dagId)}
                      </Anchor>
                    ) : (
                      t.openTask(entry.dagId)
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  {canApply &&
                    (here ? (
                      <Tooltip label={t.applyAgainHelp} multiline w={240}>
                        <Button size="xs" variant="default" onClick={() => applyAgain(entry)}>
                          {t.applyAgain}
                        </Button>
                      </Tooltip>
                    ) : (
                      <Text size="sm">{t.applyAgainOtherCluster}</Text>
                    ))}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
