import { Alert, Button, Group, Stack } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { ObshellErrorAlert } from '../../../components/obshell-error-alert';
import type { Dag } from '../../../lib/obshell/dag';
import { useMessages } from '../../../lib/i18n/messages';
import { failureReason } from '../model/failure-reason';
import { isTransient } from '../../../lib/obshell/is-transient';
import { taskMessages } from '../messages';
import { Freshness } from './freshness';

/** Is the page following the DAG? "Updated N s ago", "Reconnecting…", or the error that stopped it. */
export function PollStatus({ query, live }: { query: UseQueryResult<Dag>; live: boolean }) {
  const t = useMessages(taskMessages);
  const reconnecting = !query.isError && query.failureCount > 0 && isTransient(query.failureReason);
  return (
    <Stack gap="xs">
      <Freshness updatedAt={query.dataUpdatedAt} live={live} />
      {reconnecting ? (
        <Alert
          color="yellow"
          title={t.reconnecting}
          role="status"
          data-testid="dag-reconnecting"
          icon={<span aria-hidden="true">↻</span>}
        >
          <Group justify="space-between" wrap="wrap" gap="xs">
            <span>
              {t.reconnectingDetail(query.failureCount, failureReason(query.failureReason, t))}
            </span>
            <Button size="compact-sm" variant="light" onClick={() => void query.refetch()}>
              {t.retryLoad}
            </Button>
          </Group>
        </Alert>
      ) : null}
      {query.isError ? (
        <ObshellErrorAlert
          error={query.error}
          title={t.refreshFailed}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      ) : null}
    </Stack>
  );
}
