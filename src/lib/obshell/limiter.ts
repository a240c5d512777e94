/**
 * At most `max` slots in use at once; the rest wait in arrival order. obshell answers each request
 * with SQL against OceanBase on one agent: 200 tenants read at once would queue there anyway, and
 * would starve the request a user just made (a save, a page's first read) behind them.
 *
 * A task usually takes one slot; a read batch takes all of them (the server forwards up to that
 * many of its reads at once). The head of the queue is never overtaken, so a batch waiting for
 * every slot is not starved by single requests arriving after it.
 */
export function createLimiter(max: number) {
  let used = 0;
  const waiting: { weight: number; start: () => void }[] = [];

  function startWaiting() {
    let head = waiting[0];
    while (head && used + head.weight <= max) {
      waiting.shift();
      used += head.weight;
      head.start();
      head = waiting[0];
    }
  }

  async function run<T>(task: () => Promise<T>, signal?: AbortSignal, slots = 1): Promise<T> {
    const weight = Math.min(Math.max(slots, 1), max);
    if (waiting.length > 0 || used + weight > max) {
      await new Promise<void>((resolve, reject) => {
        const entry = {
          weight,
          start: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        // A request given up while queued leaves the queue without ever being sent.
        const onAbort = () => {
          const at = waiting.indexOf(entry);
          if (at >= 0) waiting.splice(at, 1);
          // A heavy head leaving may let lighter tasks behind it start.
          startWaiting();
          reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
        };
        if (signal?.aborted) {
          onAbort();
          return;
        }
        signal?.addEventListener('abort', onAbort, { once: true });
        waiting.push(entry);
      });
    } else {
      used += weight;
    }
    try {
      return await task();
    } finally {
      used -= weight;
      startWaiting();
    }
  }

  return {
    run,
    /** Slots in use (a batch counts as all it holds). */
    get inFlight() {
      return used;
    },
    get queued() {
      return waiting.length;
    },
  };
}
