import type { Dag, DagNode } from '../../../lib/obshell/dag';

/** obshell (Go) sends its zero time for steps that have not started; treat it as "no time". */
const EARLIEST_REAL_TIME = Date.UTC(2000, 0, 1);

export function parseTaskTime(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) && ms >= EARLIEST_REAL_TIME ? ms : undefined;
}

interface Timed {
  state: Dag['state'];
  operator?: Dag['operator'];
  start_time?: string | null | undefined;
  end_time?: string | null | undefined;
  execute_times?: number | null | undefined;
}

/**
 * Not started yet: no start, no end, no elapsed time. A step re-queued by RETRY (or a DAG queued
 * for CANCEL) is READY again but has run before: it keeps its times instead of flashing
 * "Not started" until it runs again.
 */
export function hasStarted(item: Timed): boolean {
  if (item.state !== 'PENDING' && item.state !== 'READY') return true;
  const reQueued = (item.operator !== undefined && item.operator !== 'RUN') || !!item.execute_times;
  return reQueued && parseTaskTime(item.start_time) !== undefined;
}

/**
 * RETRY, CANCEL and ROLLBACK reset a DAG's times (obshell writes the Unix epoch) until it runs
 * again; its steps show it has run before. Such a DAG is restarting, not "not started".
 */
export function hasRunBefore(dag: Pick<Dag, 'nodes' | 'operator'>): boolean {
  if (dag.operator !== 'RUN') return true;
  return (dag.nodes ?? []).some(
    (node) =>
      node.operator !== 'RUN' ||
      (node.state !== 'PENDING' && node.state !== 'READY') ||
      (node.sub_tasks ?? []).some((task) => (task.execute_times ?? 0) > 0),
  );
}

/** Finished (for timing): SUCCEED or FAILED. An unfinished item repeats start_time in end_time. */
export function hasEnded(item: Timed): boolean {
  return item.state === 'SUCCEED' || item.state === 'FAILED';
}

/**
 * Elapsed milliseconds: end − start once ended, `agentNow` − start while running, undefined before
 * it starts. `agentNow` is the agent's clock (browser clock + measured skew), so a skewed agent does
 * not show negative or inflated durations.
 */
export function elapsedMs(item: Timed, agentNow: number): number | undefined {
  if (!hasStarted(item)) return undefined;
  // Re-queued (READY + RETRY): it ran before, but its clock does not run until it runs again.
  if (!hasEnded(item) && item.state !== 'RUNNING') return undefined;
  const start = parseTaskTime(item.start_time);
  if (start === undefined) return undefined;
  const end = hasEnded(item) ? parseTaskTime(item.end_time) : agentNow;
  if (end === undefined) return undefined;
  return Math.max(0, end - start);
}

export function formatDuration(ms: number): string {
  const totalSeconds = Math.floor(ms / 1000);
  if (totalSeconds < 60) return `${totalSeconds}s`;
  const seconds = totalSeconds % 60;
  const totalMinutes = Math.floor(totalSeconds / 60);
  if (totalMinutes < 60) return `${totalMinutes}m ${String(seconds).padStart(2, '0')}s`;
  const minutes = totalMinutes % 60;
  const hours = Math.floor(totalMinutes / 60);
  if (hours < 24) return `${hours}h ${String(minutes).padStart(2, '0')}m`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

export interface FocusNode {
  index: number;
  node: DagNode;
  reason: 'failed' | 'running' | 'next';
}

/**
 * The step a DBA wants to see first: the failed one, else the running one, else the next to run.
 * Undefined once every step is done.
 */
export function focusNode(dag: Pick<Dag, 'nodes'>): FocusNode | undefined {
  const nodes = dag.nodes ?? [];
  const first = (reason: FocusNode['reason'], match: (node: DagNode) => boolean) => {
    const index = nodes.findIndex(match);
    const node = nodes[index];
    return node ? { index, node, reason } : undefined;
  };
  return (
    first('failed', (n) => n.state === 'FAILED') ??
    first('running', (n) => n.state === 'RUNNING') ??
    first('next', (n) => n.state !== 'SUCCEED')
  );
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** Local wall-clock time with date, 24 h, for start/end columns. */
export function formatClock(ms: number, locale: 'en' | 'zh'): string {
  const tag = locale === 'zh' ? 'zh-CN' : 'en-CA';
  let format = clockFormats.get(tag);
  if (!format) {
    format = new Intl.DateTimeFormat(tag, {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hour12: false,
    });
    clockFormats.set(tag, format);
  }
  return format.format(ms);
}
