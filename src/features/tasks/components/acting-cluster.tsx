import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMessages } from '../../../lib/i18n/messages';
import { clusterInfoQuery } from '../../../lib/obshell/cluster-info';
import { useObshell } from '../../../lib/obshell/obshell-context';
import { taskMessages } from '../messages';

/**
 * Which cluster this task belongs to: a DBA with several clusters must never act (retry, pass,
 * cancel) on the wrong one. The real name comes from obcluster/info (the header's query, so no
 * extra request); the configured target name stands in until it is known and is kept beside it
 * when the two differ.
 */
export function ActingCluster() {
  const t = useMessages(taskMessages);
  const connection = useObshell();
  const info = useQuery(clusterInfoQuery(connection));
  const name = info.data?.cluster_name ?? connection.label;
  const showTarget = info.data !== undefined && connection.label !== name;
  return (
    <Text size="sm" data-testid="acting-cluster">
      <Text span c="dimmed">
        {t.actingCluster}:{' '}
      </Text>
      <Text span fw={700}>
        {name}
      </Text>
      {showTarget ? (
        <Text span c="dimmed">
          {` (${t.actingTarget(connection.label)})`}
        </Text>
      ) : null}
    </Text>
  );
}
