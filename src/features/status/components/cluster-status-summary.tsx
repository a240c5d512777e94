import { Alert, Group, Loader, Stack, Text } from '@mantine/core';
import { ObshellErrorAlert } from '../../../components/obshell-error-alert';
import { useMessages } from '../../../lib/i18n/messages';
import { useStatusRows, type StatusRowsState } from '../hooks/use-status-rows';
import { statusMessages } from '../messages';

type SummaryState = Pick<StatusRowsState, 'status' | 'error' | 'rows' | 'readCount' | 'failing'>;

/** What one cluster's summary shows, from the status reads' public result only. */
export function ClusterStatusSummaryView({ state }: { state: SummaryState }) {
  const t = useMessages(statusMessages);
  if (state.status === 'pending') {
    return (
      <Group gap="xs">
        <Loader size="xs" aria-hidden />
        <Text size="sm">{t.loading}</Text>
      </Group>
    );
  }
  if (state.status === 'error') {
    return <ObshellErrorAlert error={state.error} title={t.clusterReadFailed} />;
  }
  if (state.status === 'degraded') {
    return (
      <Alert color="orange" variant="light" title={t.degradedTitle}>
        {t.degradedHelp}
      </Alert>
    );
  }
  const total = state.rows.length;
  if (total === 0) return <Text size="sm">{t.noTenants}</Text>;
  const attention = state.rows.filter((row) => row.problems.length > 0).length;
  return (
    <Stack gap={4}>
      <Text fw={700} data-testid="cluster-status-summary">
        {t.summary(attention, total)}
      </Text>
      {state.readCount < total && <Text size="sm">{t.readCount(state.readCount, total)}</Text>}
      {state.failing && (
        <Text size="sm" fw={500} data-testid="cluster-status-failing">
          {t.refreshFailed}
        </Text>
      )}
    </Stack>
  );
}

/**
 * One cluster's summary ("3 of 40 tenants need attention", read progress, failures) for whatever
 * connection the nearest ObshellProvider gives: the app renders one per unlocked cluster in the
 * clusters overview. Same reads and cache keys as the status page, so the cluster on screen is
 * not read twice.
 */
export function ClusterStatusSummary() {
  return <ClusterStatusSummaryView state={useStatusRows()} />;
}
