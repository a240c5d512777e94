import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { memo } from 'react';
import { maskSecrets } from '../../../lib/backup-rules/mask-secrets';
import type { DagNode } from '../../../lib/obshell/dag';
import { useMessages } from '../../../lib/i18n/messages';
import { SET_NODE } from '../model/dag-actions';
import { hasEnded, hasStarted, parseTaskTime } from '../model/dag-progress';
import { currentSetConfigPhase } from '../model/set-config-phase';
import { stateAppearance, toDisplayState, toneColor } from '../model/display-state';
import { taskMessages } from '../messages';
import { StateBadge } from './state-badge';
import { SubTaskItem } from './sub-task-item';
import { TimingFacts } from './timing-facts';

/** The running phase of "Set backup config", from its log (one sub-task, six phases inside). */
function SetConfigPhaseLine({ node }: { node: DagNode }) {
  const t = useMessages(taskMessages);
  const lines = (node.sub_tasks ?? []).flatMap((subTask) => subTask.task_logs ?? []);
  const at = currentSetConfigPhase(lines);
  if (!at) return null;
  return (
    <Text size="sm" fw={600} data-testid="set-config-phase">
      {t.phaseNow(t.phase(at.phase), at.tenant)}
    </Text>
  );
}

export function stepAnchorId(index: number): string {
  return `dag-step-${index + 1}`;
}

/**
 * One step of the DAG. Memoized: react-query keeps unchanged nodes referentially equal between
 * polls (structural sharing), so a poll re-renders only the rows whose node actually changed.
 */
export const DagNodeRow = memo(function DagNodeRow({
  node,
  index,
  total,
  focused,
  skewMs,
}: {
  node: DagNode;
  index: number;
  total: number;
  focused: boolean;
  skewMs: number;
}) {
  const t = useMessages(taskMessages);
  const display = toDisplayState(node.state, node.operator);
  const tone = toneColor[stateAppearance(display).tone];
  const start = hasStarted(node) ? parseTaskTime(node.start_time) : undefined;
  const end = hasEnded(node) ? parseTaskTime(node.end_time) : undefined;
  const subTasks = node.sub_tasks ?? [];
  const name = maskSecrets(node.name);
  const headingId = `${stepAnchorId(index)}-title`;
  return (
    <li
      id={stepAnchorId(index)}
      aria-labelledby={headingId}
      data-state={display}
      // Off-screen rows of a long DAG skip layout and paint until scrolled to (still in the
      // accessibility tree and find-in-page).
      style={{ contentVisibility: 'auto', containIntrinsicSize: 'auto 120px' }}
    >
      <Paper
        withBorder
        p="sm"
        style={{
          borderInlineStartWidth: 4,
          borderInlineStartColor: `var(--mantine-color-${tone}-filled)`,
          ...(focused
            ? { boxShadow: `inset 0 0 0 2px var(--mantine-color-${tone}-light-color)` }
            : {}),
        }}
      >
        <Stack gap={6}>
          <Group gap="sm" justify="space-between" wrap="wrap">
            <Title order={3} size="h5" id={headingId} tabIndex={-1}>
              <Text span c="dimmed" size="sm" fw={400}>
                {t.stepOf(index + 1, total)} ·{' '}
              </Text>
              {name}
            </Title>
            <StateBadge state={node.state} operator={node.operator} />
          </Group>
          <Group gap="lg" wrap="wrap" style={{ rowGap: 4 }}>
            <TimingFacts item={node} start={start} end={end} skewMs={skewMs} />
          </Group>
          {node.name === SET_NODE && node.state === 'RUNNING' ? (
            <SetConfigPhaseLine node={node} />
          ) : null}
          {subTasks.length > 0 ? (
            <Stack
              gap={6}
              component="ul"
              aria-label={`${t.subTasks}: ${name}`}
              p={0}
              m={0}
              style={{ listStyle: 'none' }}
            >
              {subTasks.map((subTask, i) => (
                <SubTaskItem key={subTask.id} subTask={subTask} skewMs={skewMs} separated={i > 0} />
              ))}
            </Stack>
          ) : null}
        </Stack>
      </Paper>
    </li>
  );
});
