import { Group, Stack, Text, Title } from '@mantine/core';
import { memo } from 'react';
import { maskSecrets } from '../../../lib/backup-rules/mask-secrets';
import type { Dag } from '../../../lib/obshell/dag';
import { useMessages } from '../../../lib/i18n/messages';
import { hasEnded, hasRunBefore, parseTaskTime } from '../model/dag-progress';
import { taskMessages, type TaskMessages } from '../messages';
import { StateBadge } from './state-badge';
import { TimingFacts } from './timing-facts';

const HEADER_FIELDS = [
  'id',
  'name',
  'state',
  'operator',
  'stage',
  'max_stage',
  'start_time',
  'end_time',
] as const satisfies readonly (keyof Dag)[];

/** A DAG re-queued by RETRY restarts; one reset by CANCEL or ROLLBACK has no meaningful start. */
function noStartLabel(dag: Dag, t: TaskMessages): string | undefined {
  if (!hasRunBefore(dag)) return undefined;
  return dag.operator === 'RUN' ? t.restarting : t.notEnded;
}

export const DagHeader = memo(
  function DagHeader({ dag, skewMs }: { dag: Dag; skewMs: number }) {
    const t = useMessages(taskMessages);
    const start = parseTaskTime(dag.start_time);
    const end = hasEnded(dag) ? parseTaskTime(dag.end_time) : undefined;
    return (
      <Stack gap={6}>
        <Group gap="sm" wrap="wrap">
          <Title order={2}>{maskSecrets(dag.name)}</Title>
          <StateBadge state={dag.state} operator={dag.operator} size="lg" />
        </Group>
        <Group gap="lg" wrap="wrap" style={{ rowGap: 4 }}>
          <Text size="sm" fw={600} data-testid="dag-stage">
            {t.stage(dag.stage, dag.max_stage)}
          </Text>
          <Text size="sm" c="dimmed">
            {t.taskId(dag.id)}
          </Text>
          <TimingFacts
            item={dag}
            start={start}
            end={end}
            skewMs={skewMs}
            noStartLabel={noStartLabel(dag, t)}
          />
        </Group>
      </Stack>
    );
  },
  // Each poll brings a new DAG object (its nodes moved on); the header re-renders only when a field
  // it shows changed, e.g. the stage, not for every poll.
  (a, b) =>
    a.skewMs === b.skewMs &&
    HEADER_FIELDS.every((field) => a.dag[field] === b.dag[field]) &&
    hasRunBefore(a.dag) === hasRunBefore(b.dag),
);
