import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { maskSecrets } from '../../../lib/backup-rules/mask-secrets';
import { routes } from '../../../config/routes';
import type { Dag } from '../../../lib/obshell/dag';
import { useLocale } from '../../../lib/i18n/locale';
import { useMessages } from '../../../lib/i18n/messages';
import { formatClock, parseTaskTime } from '../model/dag-progress';
import { taskMessages } from '../messages';
import { StateBadge } from './state-badge';

/** DAGs as a table: name (link to the timeline), state, stage, start, id. */
export function DagListTable({ caption, dags }: { caption: string; dags: readonly Dag[] }) {
  const t = useMessages(taskMessages);
  const { locale } = useLocale();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t.colName}</Table.Th>
            <Table.Th scope="col">{t.colState}</Table.Th>
            <Table.Th scope="col">{t.colStage}</Table.Th>
            <Table.Th scope="col">{t.colStart}</Table.Th>
            <Table.Th scope="col">{t.colId}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {dags.map((dag) => {
            const start = parseTaskTime(dag.start_time);
            return (
              <Table.Tr key={dag.id}>
                <Table.Td>
                  <Anchor component={Link} to={routes.task(dag.id)}>
                    {maskSecrets(dag.name)}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <StateBadge state={dag.state} operator={dag.operator} />
                </Table.Td>
                <Table.Td>{`${dag.stage} / ${dag.max_stage}`}</Table.Td>
                <Table.Td>{start === undefined ? '—' : formatClock(start, locale)}</Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {dag.id}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
