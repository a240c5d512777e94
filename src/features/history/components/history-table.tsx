import { Anchor, Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { memo, useCallback, useId, type CSSProperties } from 'react';
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

const taskCell: CSSProperties = {
  display: 'flex',
  flexDirection: 'column',
  alignItems: 'flex-start',
  gap: 4,
};
const checkbox: CSSProperties = { width: 18, height: 18, margin: 0, cursor: 'pointer' };

/**
 * One row per change, newest first: when, where, who, what, and how its task ended. Rows are
 * memoized and mount no Tooltip or Mantine Checkbox: the two help texts are rendered once and
 * referenced by id (issue 15: 50 rows must render within the page's 100 ms budget).
 */
export function HistoryTable({ entries, total, clusterName, selected, onToggle }: Props) {
  const t = useMessages(historyMessages);
  const { clusterKey } = useObshell();
  const navigate = useNavigate();
  const outsideHelpId = useId();
  const applyHelpId = useId();
  const applyAgain = useCallback(
    (entry: HistoryEntry) => {
      stashReapply(entry.clusterId, entry.scope, entry.changes);
      void navigate(routes.backupConfig);
    },
    [navigate],
  );
  return (
    <Table.ScrollContainer minWidth={900}>
      <VisuallyHidden id={outsideHelpId}>{t.outsideHelp}</VisuallyHidden>
      <VisuallyHidden id={applyHelpId}>{t.applyAgainHelp}</VisuallyHidden>
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
          {entries.map((entry) => (
            <HistoryRow
              key={entry.id}
              entry={entry}
              here={entry.clusterId === clusterKey}
              cluster={clusterName(entry.clusterId)}
              checked={selected.includes(entry.id)}
              onToggle={onToggle}
              onApply={applyAgain}
              outsideHelpId={outsideHelpId}
              applyHelpId={applyHelpId}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

interface RowProps {
  entry: HistoryEntry;
  here: boolean;
  cluster: string;
  checked: boolean;
  onToggle: (id: number) => void;
  onApply: (entry: HistoryEntry) => void;
  outsideHelpId: string;
  applyHelpId: string;
}

// Memoized: ticking one compare box re-renders one row, not fifty.
const HistoryRow = memo(function HistoryRow(props: RowProps) {
  const { entry, here, cluster, checked, onToggle, onApply, outsideHelpId, applyHelpId } = props;
  const t = useMessages(historyMessages);
  const { locale } = useLocale();
  const canApply = entry.source === 'dashboard' && entry.changes.length > 0;
  return (
    <Table.Tr data-entry={entry.id}>
      <Table.Td>
        <input
          type="checkbox"
          style={checkbox}
          aria-label={t.compareSelect(entry.id)}
          checked={checked}
          onChange={() => onToggle(entry.id)}
        />
      </Table.Td>
      <Table.Td>{timeText(entry.time, locale)}</Table.Td>
      <Table.Td>{cluster}</Table.Td>
      <Table.Td>
        <ScopeText scope={entry.scope} />
      </Table.Td>
      <Table.Td>
        <WhoText entry={entry} helpId={outsideHelpId} />
      </Table.Td>
      <Table.Td>
        <ChangeList entry={entry} />
      </Table.Td>
      <Table.Td>
        <div style={taskCell}>
          <OutcomeBadge entry={entry} />
          {here ? (
            <Anchor component={Link} to={routes.task(entry.dagId)} size="sm">
              {t.openTask(entry.dagId)}
            </Anchor>
          ) : (
            t.openTask(entry.dagId)
          )}
        </div>
      </Table.Td>
      <Table.Td>
        {canApply &&
          (here ? (
            <Button
              size="xs"
              variant="default"
              title={t.applyAgainHelp}
              aria-describedby={applyHelpId}
              onClick={() => onApply(entry)}
            >
              {t.applyAgain}
            </Button>
          ) : (
            <Text size="sm">{t.applyAgainOtherCluster}</Text>
          ))}
      </Table.Td>
    </Table.Tr>
  );
});
