/**
 * At most `max` slots in use at once; the rest wait in arrival order. obshell answers each request
 * with SQL against OceanBase on one agent: 200 tenants read at once would queue there anyway, and
 * would starve the request a user just made (a save, a page's first read) behind them.
 *
 * A request takes one slot. A read batch takes every free slot (at least one) and gives them back
 * one by one as its last reads are answered: the server forwards as many of its reads at once as
 * it holds slots. The head of the queue is never overtaken.
 */
export interface Lease {
  /** Slots still held. */
  readonly held: number;
  /** Gives back `count` slots (all that are held by default). */
  release(count?: number): void;
}

interface Waiter {
  min: number;
  max: number;
  grant: (slots: number) => void;
}

export function createLimiter(max: number) {
  let used = 0;
  const waiting: Waiter[] = [];

  function grantWaiting() {
    let head = waiting[0];
    while (head && max - used >= head.min) {
      waiting.shift();
      const slots = Math.min(head.max, max - used);
      used += slots;
      head.grant(slots);
      head = waiting[0];
    }
  }

  function leaseOf(slots: number): Lease {
    let held = slots;
    return {
      get held() {
        return held;
      },
      release(count = held) {
        const given = Math.min(Math.max(count, 0), held);
        held -= given;
        used -= given;
        if (given > 0) grantWaiting();
      },
    };
  }

  /** Between `min` and `want` slots, as many as are free once it is this caller's turn. */
  function acquire(want: { min: number; max: number }, signal?: AbortSignal): Promise<Lease> {
    const min = Math.min(Math.max(want.min, 1), max);
    const most = Math.min(Math.max(want.max, min), max);
    if (waiting.length === 0 && max - used >= min) {
      const slots = Math.min(most, max - used);
      used += slots;
      return Promise.resolve(leaseOf(slots));
    }
    return new Promise<Lease>((resolve, reject) => {
      const waiter: Waiter = {
        min,
        max: most,
        grant: (slots) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(leaseOf(slots));
        },
      };
      // A request given up while queued leaves the queue without ever being sent.
      const onAbort = () => {
        const at = waiting.indexOf(waiter);
        if (at >= 0) waiting.splice(at, 1);
        // A heavy head leaving may let lighter requests behind it start.
        grantWaiting();
        reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
      };
      if (signal?.aborted) {
        onAbort();
        return;
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      waiting.push(waiter);
    });
  }

  async function run<T>(task: () => Promise<T>, signal?: AbortSignal, slots = 1): Promise<T> {
    const lease = await acquire({ min: slots, max: slots }, signal);
    try {
      return await task();
    } finally {
      lease.release();
    }
  }

  return {
    run,
    acquire,
    /** Slots in use. */
    get inFlight() {
      return used;
    },
    get queued() {
      return waiting.length;
    },
  };
}
