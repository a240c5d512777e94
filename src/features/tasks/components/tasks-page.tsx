import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ObshellErrorAlert } from '../../../components/obshell-error-alert';
import { maskSecrets } from '../../../lib/backup-rules/mask-secrets';
import { routes } from '../../../config/routes';
import { useLocale } from '../../../lib/i18n/locale';
import { useMessages } from '../../../lib/i18n/messages';
import { useObshell } from '../../../lib/obshell/obshell-context';
import { dagQueries } from '../api/dag-queries';
import { formatClock, parseTaskTime } from '../model/dag-progress';
import { taskMessages } from '../messages';
import { ActingCluster } from './acting-cluster';
import { StateBadge } from './state-badge';

/** `/tasks`: DAGs still running or waiting for a decision, each linking to its timeline. */
export function TasksPage() {
  const t = useMessages(taskMessages);
  return (
    <Stack gap="md">
      <Title order={2}>{t.tasksTitle}</Title>
      <ActingCluster />
      <Text c="dimmed">{t.tasksIntro}</Text>
      <UnfinishedDags />
      <OpenById />
    </Stack>
  );
}

function UnfinishedDags() {
  const t = useMessages(taskMessages);
  const { locale } = useLocale();
  const connection = useObshell();
  const dags = useQuery(dagQueries.unfinished(connection));
  if (dags.isPending) {
    return (
      <Group gap="xs" role="status">
        <Loader size="sm" />
        <Text>{t.loadingTasks}</Text>
      </Group>
    );
  }
  if (dags.isError) {
    return (
      <ObshellErrorAlert error={dags.error} title={t.tasksError}>
        <Group>
          <Button size="compact-sm" variant="light" onClick={() => void dags.refetch()}>
            {t.retryLoad}
          </Button>
        </Group>
      </ObshellErrorAlert>
    );
  }
  if (dags.data.length === 0) {
    return (
      <Alert color="gray" icon={<span aria-hidden="true">✓</span>} title={t.unfinishedCaption}>
        {t.noUnfinished}
      </Alert>
    );
  }
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Caption>{t.unfinishedCaption}</Table.Caption>
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
          {dags.data.map((dag) => {
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

function OpenById() {
  const t = useMessages(taskMessages);
  const navigate = useNavigate();
  const [id, setId] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = id.trim();
    if (trimmed) void navigate(routes.task(trimmed));
  };
  return (
    <form onSubmit={submit} aria-label={t.openById}>
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t.openByIdLabel}
          value={id}
          onChange={(event) => setId(event.currentTarget.value)}
          w={260}
        />
        <Button type="submit" variant="default" disabled={!id.trim()}>
          {t.openByIdSubmit}
        </Button>
      </Group>
    </form>
  );
}
