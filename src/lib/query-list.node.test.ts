import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QueryListObserver, type QueryListOptions } from './query-list';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** n reads answered only when the test says so; `fetches` counts the calls per read. */
function reads(n: number, staleTime = 30_000) {
  const gates = Array.from({ length: n }, () => deferred<string>());
  const fetches = Array.from({ length: n }, () => 0);
  // eslint-disable-next-line @tanstack/query/exhaustive-deps -- the counter is the test's probe
  const options: QueryListOptions<string>[] = gates.map((gate, i) => ({
    queryKey: ['read', i],
    queryFn: () => {
      fetches[i] = (fetches[i] ?? 0) + 1;
      return gate.promise;
    },
    staleTime,
    retry: false,
  }));
  return { gates, fetches, options };
}

const settle = () => vi.advanceTimersByTimeAsync(0);

describe('QueryListObserver', () => {
  let client: QueryClient;
  beforeEach(() => {
    vi.useFakeTimers();
    client = new QueryClient();
  });
  afterEach(() => {
    client.clear();
    vi.useRealTimers();
  });

  it('fetches every read once on the first subscriber and keeps the order', async () => {
    const { gates, fetches, options } = reads(3);
    const list = new QueryListObserver(client, options, 50);
    expect(fetches).toEqual([0, 0, 0]);
    const unsubscribe = list.subscribe(vi.fn());
    expect(fetches).toEqual([1, 1, 1]);
    gates[2]?.resolve('c');
    gates[0]?.resolve('a');
    gates[1]?.resolve('b');
    await vi.advanceTimersByTimeAsync(100);
    expect(list.getSnapshot().data).toEqual(['a', 'b', 'c']);
    expect(list.getSnapshot().updatedAt.every((at) => at > 0)).toBe(true);
    unsubscribe();
  });

  it('tells listeners at most once per interval while reads run, and the last answer at once', async () => {
    const { gates, options } = reads(4);
    const list = new QueryListObserver(client, options, 50);
    const heard = vi.fn();
    list.subscribe(heard);
    gates[0]?.resolve('a');
    await settle();
    expect(heard).toHaveBeenCalledTimes(1);
    expect(list.getSnapshot().data).toEqual(['a', undefined, undefined, undefined]);
    gates[1]?.resolve('b');
    await settle();
    gates[2]?.resolve('c');
    await vi.advanceTimersByTimeAsync(10);
    // Within the interval: not yet passed on.
    expect(heard).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(45);
    expect(heard).toHaveBeenCalledTimes(2);
    expect(list.getSnapshot().data).toEqual(['a', 'b', 'c', undefined]);
    gates[3]?.resolve('d');
    // The last running read answered: passed on without waiting for the interval.
    await settle();
    expect(heard).toHaveBeenCalledTimes(3);
    expect(list.getSnapshot().data).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps the same snapshot while nothing changed', async () => {
    const { gates, options } = reads(2);
    const list = new QueryListObserver(client, options, 50);
    list.subscribe(vi.fn());
    gates.forEach((gate, i) => gate.resolve(`v${i}`));
    await vi.advanceTimersByTimeAsync(100);
    const first = list.getSnapshot();
    await vi.advanceTimersByTimeAsync(1000);
    expect(list.getSnapshot()).toBe(first);
  });

  it('shares the cache: fresh data is shown at once and not fetched again', async () => {
    const { fetches, options } = reads(2);
    client.setQueryData(['read', 0], 'cached');
    client.setQueryData(['read', 1], 'cached too');
    const list = new QueryListObserver(client, options, 50);
    expect(list.getSnapshot().data).toEqual(['cached', 'cached too']);
    list.subscribe(vi.fn());
    await vi.advanceTimersByTimeAsync(100);
    expect(fetches).toEqual([0, 0]);
  });

  it('reports the first read failing without data, and any failing', async () => {
    const { gates, options } = reads(3);
    const list = new QueryListObserver(client, options, 50);
    list.subscribe(vi.fn());
    gates[0]?.resolve('a');
    gates[1]?.reject(new Error('refused'));
    gates[2]?.resolve('c');
    await vi.advanceTimersByTimeAsync(100);
    const snapshot = list.getSnapshot();
    expect(snapshot.failing).toBe(true);
    expect(snapshot.error).toEqual(new Error('refused'));
    expect(snapshot.data).toEqual(['a', undefined, 'c']);
  });

  it('refetch asks every read again; unsubscribing stops listening', async () => {
    const { gates, fetches, options } = reads(2);
    const list = new QueryListObserver(client, options, 50);
    const heard = vi.fn();
    const unsubscribe = list.subscribe(heard);
    gates.forEach((gate) => gate.resolve('x'));
    await vi.advanceTimersByTimeAsync(100);
    list.getSnapshot().refetch();
    expect(fetches).toEqual([2, 2]);
    const calls = heard.mock.calls.length;
    unsubscribe();
    await vi.advanceTimersByTimeAsync(100);
    expect(heard).toHaveBeenCalledTimes(calls);
  });
});
