import { Group, Text } from '@mantine/core';
import { Suspense, lazy, useSyncExternalStore } from 'react';
import { useMessages } from '../../../lib/i18n/messages';
import { useClusters, type ClusterEntry } from '../clusters-context';
import { clusterMessages } from '../messages';

// Fetched only with several clusters (most deployments have one); until it arrives the current
// cluster's name stands in its place.
const Select = lazy(() => import('./cluster-select').then((m) => ({ default: m.Select })));

function useUnlockedIds(entries: readonly ClusterEntry[]): string {
  // A string snapshot (stable between renders) of which clusters hold a password.
  return useSyncExternalStore(
    (listener) => {
      const unsubscribes = entries.map((entry) => entry.connection.credentials.subscribe(listener));
      return () => unsubscribes.forEach((unsubscribe) => unsubscribe());
    },
    () =>
      entries
        .filter((entry) => entry.connection.credentials.get() !== null)
        .map((entry) => entry.cluster.id)
        .join(','),
  );
}

/**
 * Which cluster the user is acting on, always visible; a picker when several are configured.
 * After a switch the shell decides where to land (`onSwitch`): a task id of one cluster means
 * nothing on another. The picker itself knows nothing of the router, so the locked first screen
 * can show it without loading the router.
 */
export function ClusterPicker({ onSwitch }: { onSwitch: () => void }) {
  const t = useMessages(clusterMessages);
  const { entries, current, select } = useClusters();
  const unlocked = useUnlockedIds(entries).split(',');
  const notes = current.cluster.notes;

  // One cluster: the shell's cluster summary already names it; nothing to pick.
  if (entries.length === 1) return null;

  return (
    <Group gap="xs" wrap="nowrap">
      <Suspense
        fallback={
          <Text size="xs" fw={500}>
            {t.cluster}: {current.cluster.name}
          </Text>
        }
      >
        <Select
          label={t.cluster}
          aria-description={t.switchHint}
          size="xs"
          w={220}
          allowDeselect={false}
          data={entries.map((entry) => ({ value: entry.cluster.id, label: entry.cluster.name }))}
          renderOption={({ option }) => (
            <Group gap="xs" wrap="nowrap" justify="space-between" w="100%">
              <span>{option.label}</span>
              <Text span size="xs" c="dimmed">
                {unlocked.includes(option.value) ? t.unlocked : t.locked}
              </Text>
            </Group>
          )}
          value={current.cluster.id}
          onChange={(id) => {
            if (!id || id === current.cluster.id) return;
            select(id);
            onSwitch();
          }}
          styles={{ root: { display: 'flex', alignItems: 'center', gap: 8 } }}
        />
      </Suspense>
      {notes ? (
        <Text size="xs" c="dimmed" maw={260} truncate="end" title={notes}>
          {notes}
        </Text>
      ) : null}
    </Group>
  );
}
