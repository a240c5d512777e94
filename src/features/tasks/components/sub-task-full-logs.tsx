import { Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ObshellErrorAlert } from '../../../components/obshell-error-alert';
import { useMessages } from '../../../lib/i18n/messages';
import { useObshell } from '../../../lib/obshell/obshell-context';
import { dagQueries } from '../api/dag-queries';
import { taskMessages } from '../messages';
import { formatClock, parseTaskTime } from '../model/dag-progress';
import { useLocale } from '../../../lib/i18n/locale';
import { LogBlock } from './log-block';

function formatLogTime(value: string | null | undefined, locale: 'en' | 'zh'): string {
  const ms = parseTaskTime(value);
  return ms === undefined ? '' : formatClock(ms, locale);
}

/** Every stored log line of a sub-task (all runs), from the sub-task logs endpoint. */
export function SubTaskFullLogs({ subTaskId, live }: { subTaskId: string; live: boolean }) {
  const t = useMessages(taskMessages);
  const { locale } = useLocale();
  const connection = useObshell();
  const logs = useQuery(dagQueries.subTaskLogs(connection, subTaskId, live));
  if (logs.isPending) {
    return (
      <Text size="sm" c="dimmed" role="status">
        <Loader size="xs" mr="xs" />
        {t.fullLogsLoading}
      </Text>
    );
  }
  if (logs.isError) {
    return <ObshellErrorAlert error={logs.error} title={t.fullLogsError} />;
  }
  if (logs.data.length === 0) return <Text size="sm">{t.fullLogsEmpty}</Text>;
  return (
    <Stack gap={4} aria-label={t.fullLogsTitle} role="group">
      <Text size="sm" fw={600}>
        {t.fullLogsTitle}
      </Text>
      <LogBlock
        text={logs.data
          .map((line) =>
            [
              formatLogTime(line.create_time, locale),
              line.execute_times ? `[${t.runNumber(line.execute_times)}]` : '',
              line.log_content,
            ]
              .filter(Boolean)
              .join(' '),
          )
          .join('\n')}
      />
    </Stack>
  );
}
