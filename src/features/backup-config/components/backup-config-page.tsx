import { Alert, Button, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useMessages } from '../../../lib/i18n/messages';
import { isObshellError } from '../../../lib/obshell/envelope';
import { useCurrentConfig, type CurrentConfig } from '../hooks/use-current-config';
import { backupConfigMessages } from '../messages';
import { BackupConfigForm } from './backup-config-form';
import { CurrentValuesTable } from './current-values-table';

/** /backup: current values of every tenant, and the form that changes them for all at once. */
export function BackupConfigPage() {
  const t = useMessages(backupConfigMessages);
  const state = useCurrentConfig();
  // The form starts from the first complete read and keeps it: a background refetch must neither
  // overwrite edits nor silently move what "unchanged" means.
  const [snapshot, setSnapshot] = useState<CurrentConfig | undefined>();
  const [formKey, setFormKey] = useState(0);
  if (state.status === 'success' && snapshot === undefined) setSnapshot(state.data);

  const live = state.status === 'success' ? state.data : snapshot;
  const liveChanged =
    snapshot !== undefined &&
    state.status === 'success' &&
    JSON.stringify(state.data.baseline) !== JSON.stringify(snapshot.baseline);

  return (
    <Stack gap="md" maw={1100}>
      <Title order={2}>{t.title}</Title>
      <Text size="sm" c="dimmed">
        {t.intro}
      </Text>
      {state.status === 'pending' && snapshot === undefined && (
        <Stack align="flex-start" gap="xs">
          <Loader size="sm" aria-label={t.loading} />
          <Text size="sm" data-testid="current-config-progress">
            {state.progress.total > 0
              ? t.loadingTenants(state.progress.read, state.progress.total)
              : t.loading}
          </Text>
        </Stack>
      )}
      {state.status === 'error' && (
        <Alert color="red" title={t.loadFailed} role="alert">
          <Text size="sm">
            {state.error instanceof Error ? state.error.message : String(state.error)}
          </Text>
          {isObshellError(state.error) && state.error.traceId && (
            <Text size="xs" c="dimmed">
              {t.traceId(state.error.traceId)}
            </Text>
          )}
          <Button size="xs" mt="xs" variant="light" onClick={state.retry}>
            {t.retry}
          </Button>
        </Alert>
      )}
      {state.status === 'degraded' && (
        <Alert color="orange" title={t.degradedTitle} role="alert">
          <Text size="sm">{t.degradedBody}</Text>
          <Button size="xs" mt="xs" variant="light" onClick={state.retry}>
            {t.retry}
          </Button>
        </Alert>
      )}
      {state.status !== 'degraded' && live?.tenants.length === 0 && (
        <Alert color="orange" role="alert">
          {t.noUserTenants}
        </Alert>
      )}
      {live && live.tenants.length > 0 && (
        <CurrentValuesTable
          tenants={live.tenants}
          clusterId={live.cluster.id}
          baseline={live.baseline}
        />
      )}
      {liveChanged && (
        <Alert color="yellow">
          <Text size="sm">{t.liveChanged}</Text>
          <Button
            size="xs"
            mt="xs"
            variant="light"
            onClick={() => {
              setSnapshot(state.data);
              setFormKey((k) => k + 1);
            }}
          >
            {t.reloadValues}
          </Button>
        </Alert>
      )}
      {snapshot && snapshot.tenants.length > 0 && (
        <BackupConfigForm key={formKey} config={snapshot} />
      )}
    </Stack>
  );
}
