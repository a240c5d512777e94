import { Button, List, Loader, Group, Stack, Text, Title } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { ObshellErrorAlert } from '../../../components/obshell-error-alert';
import { maskSecrets } from '../../../lib/backup-rules/mask-secrets';
import { useMessages } from '../../../lib/i18n/messages';
import { clusterInfoQuery } from '../../../lib/obshell/cluster-info';
import { useObshell } from '../../../lib/obshell/obshell-context';
import { tenantQueries } from '../../../lib/obshell/tenant-queries';
import type { SentChange } from '../../../lib/sent-changes/sent-changes';
import {
  readsNeeded,
  summarizeVerdicts,
  verifyTenant,
  type TenantVerdict,
} from '../model/verify-applied';
import { proofMessages } from '../proof-messages';
import { userTenants } from './user-tenants';

/**
 * After "Set obcluster backup config" ended SUCCEED with RUN: each user tenant read back (storage,
 * parameters) and compared with what the form sent. Reads cached before the change do not count:
 * only answers fetched since this appeared (`isFetchedAfterMount`).
 */
export function AppliedVerification({ sent }: { sent: SentChange }) {
  const t = useMessages(proofMessages);
  const connection = useObshell();
  const cluster = useQuery(clusterInfoQuery(connection));
  const tenants = userTenants(cluster.data);
  const needs = readsNeeded(sent);
  const storage = useQueries({
    queries: tenants.map((tenant) => ({
      ...tenantQueries.storage(connection, tenant.name),
      enabled: needs.storage,
      refetchOnMount: 'always' as const,
    })),
  });
  const parameters = useQueries({
    queries: tenants.map((tenant) => ({
      ...tenantQueries.parameters(connection, tenant.name),
      enabled: needs.parameters,
      refetchOnMount: 'always' as const,
    })),
  });
  const clusterId = cluster.data?.cluster_id ?? 0;
  const verdicts: TenantVerdict[] = tenants.map((tenant, i) => {
    const s = storage[i];
    const p = parameters[i];
    const failed = s?.error ?? p?.error;
    const params = p?.isFetchedAfterMount ? p.data : undefined;
    return verifyTenant(sent, clusterId, {
      tenant: tenant.name,
      tenantId: tenant.tenantId,
      storage: s?.isFetchedAfterMount ? (s.data ?? {}) : undefined,
      parameters: params?.readable ? params.values : undefined,
      error: failed
        ? failed.message
        : params && !params.readable
          ? `status ${params.tenantStatus}`
          : undefined,
    });
  });
  const summary = summarizeVerdicts(verdicts);
  const readAgain = () => {
    // One array at a time: spreading query results would subscribe to every field (lint).
    storage.forEach((query) => void query.refetch());
    parameters.forEach((query) => void query.refetch());
  };

  let body;
  if (cluster.isError) {
    body = (
      <ObshellErrorAlert
        error={cluster.error}
        title={t.verifyClusterError}
        onRetry={() => void cluster.refetch()}
        retrying={cluster.isFetching}
      />
    );
  } else if (cluster.isPending || summary.pending > 0) {
    body = (
      <Group gap="xs">
        <Loader size="xs" />
        <Text size="sm">{t.verifyReading(summary.total - summary.pending, summary.total)}</Text>
      </Group>
    );
  } else if (summary.verified === summary.total) {
    body = (
      <Text size="sm" fw={600}>
        {t.verifyAll(summary.total)}
      </Text>
    );
  } else {
    body = (
      <>
        <Text size="sm" fw={600}>
          {t.verifySome(summary.verified, summary.total)}
        </Text>
        <List size="sm" spacing={4} aria-label={t.verifySome(summary.verified, summary.total)}>
          {verdicts.map((verdict) => (
            <VerdictItem key={verdict.tenant} verdict={verdict} />
          ))}
        </List>
        <Button w="fit-content" size="compact-sm" variant="light" onClick={readAgain}>
          {t.verifyRetry}
        </Button>
      </>
    );
  }
  return (
    <Stack gap="xs" component="section" aria-labelledby="verify-title">
      <Title order={2} size="h4" id="verify-title">
        {t.verifyTitle}
      </Title>
      <div role="status" data-testid="verify-summary">
        {body}
      </div>
      <Text size="xs" c="dimmed">
        {t.verifyNotReadable}
      </Text>
    </Stack>
  );
}

function VerdictItem({ verdict }: { verdict: TenantVerdict }) {
  const t = useMessages(proofMessages);
  if (verdict.kind === 'unread') {
    return <List.Item>{t.verifyUnread(verdict.tenant, verdict.error)}</List.Item>;
  }
  if (verdict.kind !== 'differs') return null;
  return (
    <List.Item>
      {verdict.tenant}
      <List size="sm" withPadding>
        {verdict.diffs.map((diff) => (
          <List.Item key={diff.field}>
            {maskSecrets(
              t.verifyDiff(t.field(diff.field), diff.expected, diff.actual ?? t.verifyNoValue),
            )}
          </List.Item>
        ))}
      </List>
    </List.Item>
  );
}
