import { Badge, Group, Loader, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { HoverHint } from '../../components/hover-hint';
import { useMessages } from '../../lib/i18n/messages';
import { clusterInfoQuery } from '../../lib/obshell/cluster-info';
import { useObshell } from '../../lib/obshell/obshell-context';
import { appMessages } from '../messages';

const SHOWN_TENANTS = 3;

/** Which cluster the user is acting on: name, OceanBase version and tenants, always in view. */
export function ClusterSummary() {
  const t = useMessages(appMessages);
  const connection = useObshell();
  const info = useQuery(clusterInfoQuery(connection));
  if (!info.data) return info.isPending ? <Loader size="xs" aria-label={t.loading} /> : null;
  const { cluster_name: name, ob_version: version, tenants } = info.data;
  const names = tenants.map((tenant) => tenant.name);
  const shown = names.slice(0, SHOWN_TENANTS).join(', ');
  const more = names.length - SHOWN_TENANTS;
  return (
    <Group gap="xs" wrap="nowrap" role="group" aria-label={t.cluster} miw={0}>
      <Text fw={700} size="sm" truncate="end" data-testid="cluster-name">
        {name}
      </Text>
      {version && (
        <Badge variant="light" tt="none" style={{ flexShrink: 0 }} visibleFrom="sm">
          {t.version(version)}
        </Badge>
      )}
      <HoverHint label={names.join(', ')} disabled={more <= 0} multiline maw={320}>
        <Text size="sm" c="dimmed" truncate="end" visibleFrom="md">
          {t.tenants}: {shown}
          {more > 0 ? ` +${more}` : ''}
        </Text>
      </HoverHint>
    </Group>
  );
}
