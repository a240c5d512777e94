import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DagNode } from '../../../lib/obshell/dag';
import { elapsedMs, focusNode, formatDuration, hasStarted, parseTaskTime } from './dag-progress';

const T0 = '2026-11-25T06:00:00.123456789+08:00';
const t0 = Date.parse(T0);

function node(
  name: string,
  state: DagNode['state'],
  operator: DagNode['operator'] = 'RUN',
): DagNode {
  return { id: name, name, state, operator, start_time: T0, end_time: T0 };
}

describe('parseTaskTime', () => {
  it('reads RFC 3339 with nanoseconds', () => {
    expect(parseTaskTime(T0)).toBe(Date.UTC(2026, 10, 24, 22, 0, 0, 123));
  });
  it("treats Go's zero time and garbage as absent", () => {
    expect(parseTaskTime('0001-01-01T00:00:00Z')).toBeUndefined();
    expect(parseTaskTime('not a time')).toBeUndefined();
    expect(parseTaskTime(null)).toBeUndefined();
  });
});

describe('elapsedMs', () => {
  it('is live for a running item (end_time repeats start_time while unfinished)', () => {
    expect(elapsedMs({ state: 'RUNNING', start_time: T0, end_time: T0 }, t0 + 4200)).toBe(4200);
  });
  it('is end − start once ended', () => {
    const end = new Date(t0 + 65_000).toISOString();
    expect(elapsedMs({ state: 'SUCCEED', start_time: T0, end_time: end }, t0 + 999_999)).toBe(
      65_000,
    );
    expect(elapsedMs({ state: 'FAILED', start_time: T0, end_time: end }, 0)).toBe(65_000);
  });
  it('is undefined before the start', () => {
    expect(
      elapsedMs({ state: 'PENDING', start_time: T0, end_time: T0 }, t0 + 5000),
    ).toBeUndefined();
    expect(elapsedMs({ state: 'READY' }, t0)).toBeUndefined();
  });
  it('a step re-queued by RETRY has started: it keeps its start instead of "not started"', () => {
    const requeued = { state: 'READY', operator: 'RETRY', start_time: T0, end_time: T0 } as const;
    expect(hasStarted(requeued)).toBe(true);
    expect(hasStarted({ ...requeued, operator: 'RUN', execute_times: 2 })).toBe(true);
    expect(hasStarted({ ...requeued, operator: 'RUN' })).toBe(false);
    expect(hasStarted({ state: 'PENDING', operator: 'RETRY' })).toBe(false);
    // Its clock does not tick until it runs again.
    expect(elapsedMs(requeued, t0 + 5000)).toBeUndefined();
  });
  it('never goes negative when the agent clock is behind', () => {
    expect(elapsedMs({ state: 'RUNNING', start_time: T0 }, t0 - 3000)).toBe(0);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [59_999, '59s'],
    [60_000, '1m 00s'],
    [3_599_000, '59m 59s'],
    [3_600_000, '1h 00m'],
    [90_061_000, '1d 1h'],
  ])('%i ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
  it('is monotonic in whole seconds', () => {
    fc.assert(
      fc.property(fc.nat(10 * 86_400_000), fc.nat(10 * 86_400_000), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const secs = (text: string) => {
          const units: Record<string, number> = { d: 86_400, h: 3600, m: 60, s: 1 };
          return [...text.matchAll(/(\d+)([dhms])/g)].reduce(
            (sum, [, n, u]) => sum + Number(n) * units[u!]!,
            0,
          );
        };
        return secs(formatDuration(lo)) <= secs(formatDuration(hi));
      }),
    );
  });
});

describe('focusNode', () => {
  it('prefers the failed step', () => {
    const dag = { nodes: [node('a', 'SUCCEED'), node('b', 'FAILED'), node('c', 'PENDING')] };
    expect(focusNode(dag)).toMatchObject({ index: 1, reason: 'failed' });
  });
  it('else the running step', () => {
    const dag = { nodes: [node('a', 'SUCCEED'), node('b', 'RUNNING'), node('c', 'PENDING')] };
    expect(focusNode(dag)).toMatchObject({ index: 1, reason: 'running' });
  });
  it('else the next step to run', () => {
    const dag = { nodes: [node('a', 'SUCCEED'), node('b', 'PENDING')] };
    expect(focusNode(dag)).toMatchObject({ index: 1, reason: 'next' });
  });
  it('is undefined when all is done or there are no nodes', () => {
    expect(focusNode({ nodes: [node('a', 'SUCCEED')] })).toBeUndefined();
    expect(focusNode({ nodes: null })).toBeUndefined();
  });
});
