import { describe, expect, it } from 'vitest';
import { mapLimited } from './map-limited.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('mapLimited', () => {
  it("keeps the items' order although later items finish first", async () => {
    const finished: number[] = [];
    const results = await mapLimited([30, 5, 20, 0, 10], 3, async (ms, index) => {
      await pause(ms);
      finished.push(index);
      return `item ${index} after ${ms} ms`;
    });
    expect(results).toEqual([
      'item 0 after 30 ms',
      'item 1 after 5 ms',
      'item 2 after 20 ms',
      'item 3 after 0 ms',
      'item 4 after 10 ms',
    ]);
    // They really did finish out of order: the order above is mapLimited's doing.
    expect(finished).not.toEqual([0, 1, 2, 3, 4]);
  });

  it('never runs more than `limit` at once, and does use all of them', async () => {
    let running = 0;
    let most = 0;
    const started: number[] = [];
    await mapLimited(
      Array.from({ length: 10 }, (_, index) => index),
      3,
      async (item) => {
        started.push(item);
        running += 1;
        most = Math.max(most, running);
        await pause(5 + (item % 3) * 5);
        running -= 1;
      },
    );
    expect(most).toBe(3);
    expect([...started].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('runs each item once when the limit is above the number of items', async () => {
    const calls: number[] = [];
    const results = await mapLimited(['a', 'b'], 4, async (item, index) => {
      calls.push(index);
      await pause(1);
      return item.toUpperCase();
    });
    expect(results).toEqual(['A', 'B']);
    expect(calls).toEqual([0, 1]);
  });

  it('answers an empty list with an empty list, calling nothing', async () => {
    let calls = 0;
    const results = await mapLimited([], 4, () => {
      calls += 1;
      return Promise.resolve(1);
    });
    expect(results).toEqual([]);
    expect(calls).toBe(0);
  });
});
