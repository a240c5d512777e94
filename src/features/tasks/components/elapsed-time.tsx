import type { Dag } from '../../../lib/obshell/dag';
import { elapsedMs, formatDuration } from '../model/dag-progress';
import { useNow } from '../../../lib/use-now';

interface Timed {
  state: Dag['state'];
  start_time?: string | null | undefined;
  end_time?: string | null | undefined;
}

function LiveElapsed({ item, skewMs }: { item: Timed; skewMs: number }) {
  const now = useNow();
  const ms = elapsedMs(item, now + skewMs);
  return <>{ms === undefined ? '—' : formatDuration(ms)}</>;
}

/**
 * Elapsed time of a DAG, node or sub-task. Only a running one subscribes to the 1 s clock, so a
 * 200-step DAG ticks one or two labels per second, not 200 rows.
 */
export function ElapsedTime({ item, skewMs }: { item: Timed; skewMs: number }) {
  if (item.state === 'RUNNING') return <LiveElapsed item={item} skewMs={skewMs} />;
  // Not running: ended (end − start) or not started; the clock is not consulted.
  const ms = elapsedMs(item, 0);
  return <>{ms === undefined ? '—' : formatDuration(ms)}</>;
}
