import { Button, Code, Group, Stack, Text } from '@mantine/core';
import { memo, useId, useState } from 'react';
import { maskSecrets } from '../../../lib/backup-rules/mask-secrets';
import type { SubTask } from '../../../lib/obshell/dag';
import { useMessages } from '../../../lib/i18n/messages';
import { taskMessages } from '../messages';
import { LogBlock } from './log-block';
import { ElapsedTime } from './elapsed-time';
import { StateBadge } from './state-badge';
import { SubTaskFullLogs } from './sub-task-full-logs';

/** One sub-task: where it runs, how often it ran, its logs on demand. */
export const SubTaskItem = memo(function SubTaskItem({
  subTask,
  skewMs,
  separated,
}: {
  subTask: SubTask;
  skewMs: number;
  /** Draw a rule above: on a narrow screen wrapped sub-tasks would otherwise run together. */
  separated: boolean;
}) {
  const t = useMessages(taskMessages);
  const [showLogs, setShowLogs] = useState(false);
  const [showFull, setShowFull] = useState(false);
  const logsId = useId();
  const agent = subTask.execute_agent;
  const lines = subTask.task_logs ?? [];
  const lastLine = lines[lines.length - 1];
  return (
    <li
      style={
        separated
          ? { borderTop: '1px solid var(--mantine-color-default-border)', paddingTop: 6 }
          : undefined
      }
    >
      <Group gap="sm" wrap="wrap">
        <StateBadge state={subTask.state} operator={subTask.operator} size="sm" />
        <Text size="sm" fw={500}>
          {maskSecrets(subTask.name)}
        </Text>
        {agent ? (
          <Text size="sm" c="dimmed">
            {t.agent} <Code>{`${agent.ip}:${agent.port}`}</Code>
          </Text>
        ) : null}
        {subTask.execute_times ? (
          <Text size="sm" c="dimmed">
            {t.executeTimes(subTask.execute_times)}
          </Text>
        ) : null}
        <Text size="sm" c="dimmed">
          {t.elapsed} <ElapsedTime item={subTask} skewMs={skewMs} />
        </Text>
        <Button
          variant="subtle"
          size="compact-sm"
          aria-expanded={showLogs}
          aria-controls={logsId}
          onClick={() => setShowLogs((v) => !v)}
        >
          {showLogs ? t.hideLogs : t.showLogs}
          {lines.length > 0 ? ` (${lines.length})` : ''}
        </Button>
      </Group>
      {subTask.state === 'FAILED' && lastLine ? (
        // Like obshell's SDK: the last log line of a failed sub-task is the reason; show it at once.
        <Text size="sm" c="var(--mantine-color-red-text)" ml="md" mt={4}>
          {t.failureLine} {maskSecrets(lastLine)}
        </Text>
      ) : null}
      {showLogs ? (
        <Stack id={logsId} gap="xs" mt="xs" ml="md">
          {lines.length > 0 ? (
            <LogBlock text={lines.join('\n')} />
          ) : (
            <Text size="sm">{t.noLogs}</Text>
          )}
          {showFull ? (
            <SubTaskFullLogs subTaskId={subTask.id} live={subTask.state === 'RUNNING'} />
          ) : (
            <Button
              variant="light"
              size="compact-sm"
              w="fit-content"
              onClick={() => setShowFull(true)}
            >
              {t.fullLogs}
            </Button>
          )}
        </Stack>
      ) : null}
    </li>
  );
});
