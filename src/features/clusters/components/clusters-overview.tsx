import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useId, useSyncExternalStore, type ReactNode } from 'react';
import { useMessages } from '../../../lib/i18n/messages';
import { ObshellProvider } from '../../../lib/obshell/obshell-context';
import type { SessionPhase } from '../../../lib/obshell/credentials';
import { useClusters, type ClusterEntry } from '../clusters-context';
import { clusterMessages } from '../messages';

/** locked / unlocked / reauth of one cluster's own password store (not the one on screen). */
function usePhaseOf(entry: ClusterEntry): SessionPhase {
  const { credentials } = entry.connection;
  return useSyncExternalStore(credentials.subscribe, credentials.phase);
}

function ClusterCard({
  entry,
  current,
  summary,
  onSelect,
}: {
  entry: ClusterEntry;
  current: boolean;
  summary: ReactNode;
  onSelect: () => void;
}) {
  const t = useMessages(clusterMessages);
  const phase = usePhaseOf(entry);
  const nameId = useId();
  const { name, notes } = entry.cluster;
  return (
    <Card
      component="li"
      withBorder
      padding="sm"
      aria-labelledby={nameId}
      data-testid="cluster-card"
      data-cluster={entry.cluster.id}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Title order={4} size="h5" id={nameId}>
            {name}
          </Title>
          <Group gap={4} wrap="nowrap">
            {current && (
              <Badge variant="outline" color="gray" tt="none">
                {t.onScreen}
              </Badge>
            )}
            <Badge variant="light" color={phase === 'unlocked' ? 'teal' : 'gray'} tt="none">
              {phase === 'unlocked' ? t.unlocked : t.locked}
            </Badge>
          </Group>
        </Group>
        {notes ? (
          <Text size="xs" c="dimmed">
            {notes}
          </Text>
        ) : null}
        {/* Only an unlocked cluster is read: a locked one has no password to sign with, and one
            waiting for re-authentication would only park its requests. */}
        {phase === 'unlocked' ? (
          <ObshellProvider value={entry.connection}>{summary}</ObshellProvider>
        ) : (
          <Text size="sm">{phase === 'reauth' ? t.reauthHint : t.lockedHint}</Text>
        )}
        {current ? (
          <Text size="sm" c="dimmed">
            {t.shownBelow}
          </Text>
        ) : (
          <Button
            variant="default"
            size="xs"
            style={{ alignSelf: 'flex-start' }}
            onClick={onSelect}
          >
            {phase === 'unlocked' ? t.switchTo(name) : t.switchToUnlock(name)}
          </Button>
        )}
      </Stack>
    </Card>
  );
}

/**
 * With several clusters configured: one card per cluster, saying whether it is unlocked, with
 * `summary` rendered inside that cluster's own connection (the app passes the status feature's
 * summary; this feature knows nothing of it), and a control to switch to it. Switching keeps the
 * page: a locked cluster then shows its connection screen, the only place a password is asked
 * for. Nothing with one cluster.
 */
export function ClustersOverview({ summary }: { summary: ReactNode }) {
  const t = useMessages(clusterMessages);
  const { entries, current, select } = useClusters();
  const titleId = useId();
  if (entries.length < 2) return null;
  return (
    <section aria-labelledby={titleId} data-testid="clusters-overview">
      <Stack gap="xs">
        <Title order={3} size="h4" id={titleId}>
          {t.overviewTitle}
        </Title>
        <Text size="sm" c="dimmed">
          {t.overviewHint}
        </Text>
        <SimpleGrid
          component="ul"
          cols={{ base: 1, sm: 2, lg: 3 }}
          spacing="sm"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {entries.map((entry) => (
            <ClusterCard
              key={entry.cluster.id}
              entry={entry}
              current={entry === current}
              summary={summary}
              onSelect={() => select(entry.cluster.id)}
            />
          ))}
        </SimpleGrid>
      </Stack>
    </section>
  );
}
