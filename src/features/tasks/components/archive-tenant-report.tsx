import { Button, Group, List, Loader, Text } from '@mantine/core';
import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { ObshellErrorAlert } from '../../../components/obshell-error-alert';
import type { ClusterInfo } from '../../../lib/obshell/cluster-info';
import { useMessages } from '../../../lib/i18n/messages';
import { useObshell } from '../../../lib/obshell/obshell-context';
import { archiveLogQueries, type ArchiveRound } from '../api/archive-log-tasks';
import { taskMessages, type TaskMessages } from '../messages';

/** What a tenant's archive rounds say about its log archiving, in words. */
function describe(rounds: ArchiveRound[], t: TaskMessages): string {
  const statuses = [...new Set(rounds.map((round) => round.status.toUpperCase()))];
  if (statuses.length === 0) return t.archiveTenantOff;
  if (statuses.some((s) => s === 'DOING' || s === 'BEGINNING' || s === 'PREPARE')) {
    return t.archiveTenantOn(statuses.join(', '));
  }
  return t.archiveTenantOther(statuses.join(', '));
}

/** Per user tenant, its archive state as obshell reports it now (`backup/log/tasks`). */
export function ArchiveTenantReport({
  tenants,
  cluster,
}: {
  tenants: string[];
  cluster: UseQueryResult<ClusterInfo>;
}) {
  const t = useMessages(taskMessages);
  const connection = useObshell();
  const rounds = useQueries({
    queries: tenants.map((tenant) => archiveLogQueries.rounds(connection, tenant)),
  });
  if (cluster.isError) {
    return (
      <ObshellErrorAlert
        error={cluster.error}
        title={t.archiveTenantsError}
        onRetry={() => void cluster.refetch()}
        retrying={cluster.isFetching}
      />
    );
  }
  if (cluster.isPending) {
    return (
      <Group gap="xs" role="status">
        <Loader size="xs" />
        <Text size="sm">{t.archiveReading}</Text>
      </Group>
    );
  }
  if (tenants.length === 0) return <Text size="sm">{t.archiveNoTenants}</Text>;
  return (
    <div>
      <Text size="sm" fw={600} id="archive-report-title">
        {t.archiveReportTitle}
      </Text>
      <List size="sm" spacing={4} aria-labelledby="archive-report-title">
        {tenants.map((tenant, i) => {
          const query = rounds[i];
          let text: string;
          if (!query || query.isPending) text = t.archiveReading;
          else if (query.isError) text = t.archiveTenantUnread(query.error.message);
          else text = describe(query.data, t);
          return <List.Item key={tenant}>{`${tenant}: ${text}`}</List.Item>;
        })}
      </List>
      <Button
        mt="xs"
        size="compact-sm"
        variant="light"
        color="orange"
        onClick={() => rounds.forEach((query) => void query.refetch())}
      >
        {t.archiveReadAgain}
      </Button>
    </div>
  );
}
