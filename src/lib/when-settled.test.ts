import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { whenSettled } from './when-settled';

describe('whenSettled', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function pendingRead(client: QueryClient) {
    let answer: (value: string) => void = () => undefined;
    void client.query({
      queryKey: ['read'],
      queryFn: () => new Promise<string>((resolve) => (answer = resolve)),
    });
    return (value: string) => {
      answer(value);
    };
  }

  it('waits while a query is fetching, then runs once the browser is idle', async () => {
    const client = new QueryClient();
    const answer = pendingRead(client);
    const run = vi.fn();
    whenSettled(client, run);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(run).not.toHaveBeenCalled();

    answer('done');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs when idle straight away when nothing is being read', async () => {
    const run = vi.fn();
    whenSettled(new QueryClient(), run);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('never runs once cancelled, whether it was waiting for reads or for idle', async () => {
    const client = new QueryClient();
    const answer = pendingRead(client);
    const waiting = vi.fn();
    const cancelWaiting = whenSettled(client, waiting);
    const idle = vi.fn();
    const cancelIdle = whenSettled(new QueryClient(), idle);
    cancelWaiting();
    cancelIdle();
    answer('done');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(waiting).not.toHaveBeenCalled();
    expect(idle).not.toHaveBeenCalled();
  });
});
