import { Alert, Button, Loader, Stack, Text, Title } from '@mantine/core';
import { memo, useMemo, useState } from 'react';
import { useMessages } from '../../../lib/i18n/messages';
import { isObshellError } from '../../../lib/obshell/envelope';
import { useThrottled } from '../../../lib/use-throttled';
import { useCurrentConfig, type CurrentConfig } from '../hooks/use-current-config';
import { ReadProgressProvider } from '../hooks/use-read-progress';
import { backupConfigMessages } from '../messages';
import { useScope } from '../hooks/use-scope';
import { readingConfig, scopedConfig } from '../model/scoped-config';
import { tenantMessages } from '../tenant-messages';
import { BackupConfigForm } from './backup-config-form';
import { CurrentValuesTable } from './current-values-table';
import { ScopeSelect } from './scope-select';

// The page re-renders with every tenant read while hundreds arrive; the form's props stay the same
// objects meanwhile, so it does not.
const MemoForm = memo(BackupConfigForm);

/**
 * /backup: current values of every tenant, and the form that changes them for all at once — or,
 * with `?tenant=<name>`, that one tenant's own configuration (contract §7).
 */
export function BackupConfigPage() {
  const t = useMessages(backupConfigMessages);
  const tt = useMessages(tenantMessages);
  const state = useCurrentConfig();
  const [scope, setScope] = useScope();
  const scopeKey = scope.kind === 'tenant' ? `tenant:${scope.name}` : 'cluster';
  // The form starts from the first complete read and keeps it: a background refetch must neither
  // overwrite edits nor silently move what "unchanged" means. A new scope starts from the latest
  // read, under its own form key.
  const [snapshot, setSnapshot] = useState<CurrentConfig | undefined>();
  const [snapshotScope, setSnapshotScope] = useState(scopeKey);
  const [formKey, setFormKey] = useState(0);
  if (state.status === 'success' && (snapshot === undefined || snapshotScope !== scopeKey)) {
    setSnapshot(state.data);
    setSnapshotScope(scopeKey);
  }

  const partial =
    state.status === 'pending' || state.status === 'error' ? state.partial : undefined;
  const live = state.status === 'success' ? state.data : (partial ?? snapshot);
  const scoped = useMemo(() => snapshot && scopedConfig(snapshot, scope), [snapshot, scope]);
  // Until the first complete read the form is editable on a baseline that knows nothing (Review
  // waits, see FormFooter); it changes only with the tenant list, not with every answer.
  const tenantNames = partial?.tenants.map((t) => t.name).join('\n');
  const reading = useMemo(
    () => partial && readingConfig(partial, scope),
    // Not `partial`: a new object with every answer, while what this uses of it (the cluster and
    // the tenant list) changes only with the names.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [partial?.cluster.id, partial?.cluster.name, tenantNames, scope],
  );
  const liveNames = live?.tenants.map((t) => t.name).join('\n') ?? '';
  const scopeTenants = useMemo(() => (liveNames === '' ? [] : liveNames.split('\n')), [liveNames]);
  const formConfig = snapshot ? scoped : reading;
  const counts =
    state.status === 'pending' || state.status === 'error' ? state.progress : undefined;
  const counting = !snapshot && counts !== undefined;
  const read = counts?.read ?? 0;
  const total = counts?.total ?? 0;
  const progress = useMemo(() => (counting ? { read, total } : undefined), [counting, read, total]);
  const liveScoped = state.status === 'success' ? scopedConfig(state.data, scope) : undefined;
  const liveChanged =
    scoped !== undefined &&
    liveScoped !== undefined &&
    JSON.stringify(liveScoped.baseline) !== JSON.stringify(scoped.baseline);
  const tenantName = scope.kind === 'tenant' ? scope.name : undefined;
  // The table follows the reads ~10 times a second, and shows the complete read at once.
  const tableTenants = useThrottled(live?.tenants, 100, state.status === 'success');

  return (
    <Stack gap="md" maw={1100}>
      <Title order={2}>{tenantName ? tt.tenantTitle(tenantName) : t.title}</Title>
      <Text size="sm" c="dimmed">
        {tenantName ? tt.tenantIntro(tenantName) : t.intro}
      </Text>
      {live && live.tenants.length > 0 && (
        <ScopeSelect scope={scope} tenants={scopeTenants} onChange={setScope} />
      )}
      {live && tenantName !== undefined && formConfig === undefined && (
        <Alert color="orange" role="alert" title={tt.unknownTenantTitle}>
          {tt.unknownTenant(tenantName)}
        </Alert>
      )}
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
      {live && tableTenants && tableTenants.length > 0 && scope.kind === 'cluster' && (
        <CurrentValuesTable
          tenants={tableTenants}
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
              if (state.status === 'success') setSnapshot(state.data);
              setFormKey((k) => k + 1);
            }}
          >
            {t.reloadValues}
          </Button>
        </Alert>
      )}
      {formConfig && formConfig.tenants.length > 0 && (
        <ReadProgressProvider value={progress}>
          <MemoForm
            key={`${scopeKey}-${formKey}`}
            config={formConfig}
            reading={snapshot === undefined}
          />
        </ReadProgressProvider>
      )}
    </Stack>
  );
}
