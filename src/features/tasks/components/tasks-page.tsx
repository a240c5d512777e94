import { Alert, Button, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { useNavigate } from 'react-router';
import { ObshellErrorAlert } from '../../../components/obshell-error-alert';
import { routes } from '../../../config/routes';
import { dagListQueries } from '../../../lib/obshell/dag-lists';
import { useMessages } from '../../../lib/i18n/messages';
import { useObshell } from '../../../lib/obshell/obshell-context';
import { openTasks, recentBackupConfigTasks } from '../model/task-lists';
import { taskMessages } from '../messages';
import { ActingCluster } from './acting-cluster';
import { DagListTable } from './dag-list-table';

const LIST_POLL_MS = 5_000;

/**
 * `/tasks`: tasks still running or waiting for a decision, and the recent backup-configuration
 * tasks, each linking to its timeline.
 */
export function TasksPage() {
  const t = useMessages(taskMessages);
  return (
    <Stack gap="md">
      <Title order={2}>{t.tasksTitle}</Title>
      <ActingCluster />
      <Text c="dimmed">{t.tasksIntro}</Text>
      <TaskLists />
      <OpenById />
    </Stack>
  );
}

function TaskLists() {
  const t = useMessages(taskMessages);
  const connection = useObshell();
  const poll = { refetchInterval: LIST_POLL_MS, refetchIntervalInBackground: false } as const;
  const unfinished = useQuery({ ...dagListQueries.unfinished(connection), ...poll });
  const cluster = useQuery({ ...dagListQueries.cluster(connection), ...poll });
  if (unfinished.isPending || cluster.isPending) {
    return (
      <Group gap="xs" role="status">
        <Loader size="sm" />
        <Text>{t.loadingTasks}</Text>
      </Group>
    );
  }
  // Without the cluster list a failed task would be missing from "unfinished": say so, not "none".
  if (unfinished.isError || cluster.isError) {
    return (
      <ObshellErrorAlert
        error={unfinished.error ?? cluster.error}
        title={t.tasksError}
        onRetry={() => {
          if (unfinished.isError) void unfinished.refetch();
          if (cluster.isError) void cluster.refetch();
        }}
        retrying={unfinished.isFetching || cluster.isFetching}
      />
    );
  }
  const open = openTasks(unfinished.data, cluster.data);
  const recent = recentBackupConfigTasks(cluster.data);
  return (
    <Stack gap="lg">
      {open.length === 0 ? (
        <Alert color="gray" icon={<span aria-hidden="true">✓</span>} title={t.unfinishedCaption}>
          {t.noUnfinished}
        </Alert>
      ) : (
        <DagListTable caption={t.unfinishedCaption} dags={open} />
      )}
      {recent.length === 0 ? (
        <Text c="dimmed">{t.noRecentConfig}</Text>
      ) : (
        <DagListTable caption={t.recentConfigCaption} dags={recent} />
      )}
    </Stack>
  );
}

function OpenById() {
  const t = useMessages(taskMessages);
  const navigate = useNavigate();
  const [id, setId] = useState('');
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
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
