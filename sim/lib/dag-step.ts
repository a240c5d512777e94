/** One unit of a sub-task's work: log lines, then an effect on the cluster, then a wait. */
export interface Step {
  /** "Set backup config" phase 1..6 (contract §4); failure injection can target it. */
  phase?: number;
  lines: string[];
  apply?: () => void;
  /** Set → the sub-task fails here with this last log line (after `lines`). */
  failure?: string;
  /** Base duration at timeScale 1. */
  ms: number;
}

/** obshell's ExecuteErrorLog for an error that is not an obshell one (e.g. a driver error). */
export function unexpectedLine(message: string): string {
  return `ERROR: [Common.Unexpected]: Unexpected error: ${message}`;
}

export const INJECTED = '(fault injected by /__sim/fail)';
