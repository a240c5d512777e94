import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useLocale } from '../../../lib/i18n/locale';
import { useMessages } from '../../../lib/i18n/messages';
import { formatClock } from '../model/dag-progress';
import { taskMessages } from '../messages';
import { ElapsedTime } from './elapsed-time';

type Timed = Parameters<typeof ElapsedTime>[0]['item'];

/** "Started / Ended / Elapsed" of a DAG or a step; the caller decides what counts as started/ended. */
export function TimingFacts({
  item,
  start,
  end,
  skewMs,
  noStartLabel,
}: {
  item: Timed;
  start: number | undefined;
  end: number | undefined;
  skewMs: number;
  /** Shown instead of "Not started" when there is no start time, e.g. "Restarting…". */
  noStartLabel?: string;
}) {
  const t = useMessages(taskMessages);
  const { locale } = useLocale();
  const fact = (label: string, value: ReactNode) => (
    <Text size="sm">
      <Text span c="dimmed">
        {label}:{' '}
      </Text>
      {value}
    </Text>
  );
  return (
    <>
      {fact(
        t.started,
        start === undefined ? (noStartLabel ?? t.notStarted) : formatClock(start, locale),
      )}
      {fact(t.ended, end === undefined ? t.notEnded : formatClock(end, locale))}
      {fact(t.elapsed, <ElapsedTime item={item} skewMs={skewMs} />)}
    </>
  );
}
