import { Alert, Badge, Group, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ObshellErrorAlert } from '../../../components/obshell-error-alert';
import { useMessages } from '../../../lib/i18n/messages';
import { CLUSTER_AGENT, supportsAuthV2, type AgentInfo } from '../../../lib/obshell/agent-info';
import { connectionMessages } from '../messages';

/** A small caption over its value (text, or a badge), with an optional dimmed line below. */
function Field({
  label,
  children,
  detail,
}: {
  label: string;
  children: ReactNode;
  detail?: string;
}) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {typeof children === 'string' ? (
        <Text size="sm" fw={500}>
          {children}
        </Text>
      ) : (
        children
      )}
      {detail && (
        <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
          {detail}
        </Text>
      )}
    </div>
  );
}

/** obshell reports "4.3.5.0-100000202024121117": the release first, the build number below it. */
function ObVersionField({ label, version }: { label: string; version: string }) {
  const [release = version, ...build] = version.split('-');
  return (
    <Field label={label} detail={build.join('-')}>
      {release}
    </Field>
  );
}

/** Who we are talking to, and why backup changes would be refused before the user even tries. */
export function AgentSummary({ query }: { query: UseQueryResult<AgentInfo> }) {
  const t = useMessages(connectionMessages);
  if (query.isPending) {
    return (
      <Group gap="xs">
        <Loader size="xs" />
        <Text size="sm" c="dimmed">
          {t.agentLoading}
        </Text>
      </Group>
    );
  }
  if (query.isError) {
    return (
      <ObshellErrorAlert
        error={query.error}
        title={t.agentUnavailable}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  }
  const info = query.data;
  const isClusterAgent = info.identity === CLUSTER_AGENT;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={2} spacing="xs" verticalSpacing="xs">
        <Field label={t.agentAddress}>{`${info.ip}:${info.port}`}</Field>
        <Field label={t.agentVersion}>{info.version}</Field>
        <Field label={t.agentIdentity}>
          <Badge variant="light" color={isClusterAgent ? 'teal' : 'orange'} tt="none">
            {info.identity}
          </Badge>
        </Field>
        {info.obVersion && <ObVersionField label={t.obVersion} version={info.obVersion} />}
      </SimpleGrid>
      {!isClusterAgent && (
        <Alert color="orange" variant="light" title={t.notClusterAgentTitle}>
          {t.notClusterAgent(info.identity)}
        </Alert>
      )}
      {info.security === true && (
        <Text size="sm" c="dimmed" data-testid="agent-security-note">
          {t.securityNote}
        </Text>
      )}
      {!supportsAuthV2(info) && (
        <Alert color="orange" variant="light" title={t.noAuthV2Title}>
          {t.noAuthV2}
        </Alert>
      )}
    </Stack>
  );
}
