import type { Query } from '@tanstack/react-query';
import { isTerminalDag, type Dag } from '../../../lib/obshell/dag';
import { isObshellError } from '../../../lib/obshell/envelope';
import { isTransient } from '../../../lib/obshell/is-transient';

/** How often a live DAG is read. obshell's SDKs poll every 2–3 s; a DBA watching wants ~1 s. */
export const DAG_POLL_MS = 1_000;
/** Backoff cap after errors. */
export const MAX_BACKOFF_MS = 30_000;
/** "Updated N s ago" turns into a warning after this long without fresh data (while live). */
export const STALE_AFTER_MS = 5_000;

/**
 * Polls while the DAG can still change; stops for good once it is terminal. Also stops after an
 * error that retrying cannot fix (404, auth: transient ones are retried with backoff and never
 * reach the error state), so a wrong password is not hammered every second; "Try again" resumes.
 */
export function dagRefetchInterval(query: Pick<Query<Dag>, 'state'>): number | false {
  if (isTerminalDag(query.state.data) || query.state.status === 'error') return false;
  return DAG_POLL_MS;
}

/** Refresh on tab show / window focus only while the DAG can still change. */
export function dagRefetchOnFocus(query: Pick<Query<Dag>, 'state'>): boolean | 'always' {
  return isTerminalDag(query.state.data) ? false : 'always';
}

/** Transient errors are retried without limit (with backoff): the page keeps following the DAG. */
export function retryDagPoll(_failureCount: number, error: unknown): boolean {
  return isTransient(error);
}

/**
 * Wait before the next attempt: 1 s, 2 s, 4 s … capped at 30 s. react-query passes the number of
 * failures before this one (0 after the first failure).
 */
export function backoffDelay(failuresBefore: number): number {
  return Math.min(DAG_POLL_MS * 2 ** Math.max(0, failuresBefore), MAX_BACKOFF_MS);
}

export function isNotFoundError(error: unknown): boolean {
  return (
    isObshellError(error) &&
    (error.status === 404 || error.errCode === 'Task.NotFound' || error.code === 2300)
  );
}
