import { describe, expect, it } from 'vitest';
import type { Dag } from '../../../lib/obshell/dag';
import { ObshellError } from '../../../lib/obshell/envelope';
import {
  backoffDelay,
  dagRefetchInterval,
  dagRefetchOnFocus,
  isNotFoundError,
  retryDagPoll,
} from './polling-policy';

function q(
  data: Pick<Dag, 'state' | 'operator'> | undefined,
  status: 'success' | 'error' | 'pending' = 'success',
) {
  return { state: { data: data as Dag | undefined, status } } as Parameters<
    typeof dagRefetchInterval
  >[0];
}

const err = (init: Partial<ConstructorParameters<typeof ObshellError>[0]>) =>
  new ObshellError({ kind: 'server', status: 500, message: 'x', ...init });

describe('dag polling policy', () => {
  it('polls every second while the DAG can change, including while FAILED awaits a decision', () => {
    expect(dagRefetchInterval(q(undefined, 'pending'))).toBe(1000);
    expect(dagRefetchInterval(q({ state: 'RUNNING', operator: 'RUN' }))).toBe(1000);
    expect(dagRefetchInterval(q({ state: 'FAILED', operator: 'RUN' }))).toBe(1000);
  });
  it('stops at terminal states', () => {
    expect(dagRefetchInterval(q({ state: 'SUCCEED', operator: 'RUN' }))).toBe(false);
    expect(dagRefetchInterval(q({ state: 'SUCCEED', operator: 'PASS' }))).toBe(false);
    expect(dagRefetchOnFocus(q({ state: 'SUCCEED', operator: 'RUN' }))).toBe(false);
    expect(dagRefetchOnFocus(q({ state: 'RUNNING', operator: 'RUN' }))).toBe('always');
  });
  it('keeps following a cancelled DAG: FAILED + CANCEL can still be retried or passed', () => {
    expect(dagRefetchInterval(q({ state: 'FAILED', operator: 'CANCEL' }))).toBe(1000);
    expect(dagRefetchOnFocus(q({ state: 'FAILED', operator: 'CANCEL' }))).toBe('always');
  });
  it('stops after an error retrying cannot fix', () => {
    expect(dagRefetchInterval(q({ state: 'RUNNING', operator: 'RUN' }, 'error'))).toBe(false);
  });
  it('retries network trouble and 5xx, never 4xx', () => {
    expect(retryDagPoll(50, err({ kind: 'network', status: 0 }))).toBe(true);
    expect(retryDagPoll(1, err({ kind: 'timeout', status: 0 }))).toBe(true);
    expect(retryDagPoll(1, err({ status: 502 }))).toBe(true);
    expect(retryDagPoll(1, err({ status: 404, errCode: 'Task.NotFound' }))).toBe(false);
    expect(retryDagPoll(1, err({ status: 401 }))).toBe(false);
    expect(retryDagPoll(1, new Error('plain'))).toBe(false);
  });
  it('backs off exponentially up to 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map(backoffDelay)).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
  });
  it('recognises not-found in the current and legacy shapes', () => {
    expect(isNotFoundError(err({ status: 404, errCode: 'Task.NotFound' }))).toBe(true);
    expect(isNotFoundError(err({ status: 400, code: 2300 }))).toBe(true);
    expect(isNotFoundError(err({ status: 500 }))).toBe(false);
  });
});
