import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { DataCell, DataRow, DataTable, plainColumns } from '../../../components/data-table';
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
  const columns = plainColumns([
    ['name', t.colName],
    ['state', t.colState],
    ['stage', t.colStage],
    ['start', t.colStart],
    ['id', t.colId],
  ]);
  return (
    <DataTable columns={columns} caption={caption} highlightOnHover>
      {dags.map((dag) => {
        const start = parseTaskTime(dag.start_time);
        return (
          <DataRow key={dag.id}>
            <DataCell>
              <Anchor component={Link} to={routes.task(dag.id)}>
                {maskSecrets(dag.name)}
              </Anchor>
            </DataCell>
            <DataCell>
              <StateBadge state={dag.state} operator={dag.operator} />
            </DataCell>
            <DataCell>{`${dag.stage} / ${dag.max_stage}`}</DataCell>
            <DataCell>{start === undefined ? '—' : formatClock(start, locale)}</DataCell>
            <DataCell>
              <Text size="sm" ff="monospace">
                {dag.id}
              </Text>
            </DataCell>
          </DataRow>
        );
      })}
    </DataTable>
  );
}
