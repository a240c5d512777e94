/**
 * At most `max` tasks run at once; the rest wait in arrival order. obshell answers each request
 * with SQL against OceanBase on one agent: 200 tenants read at once would queue there anyway, and
 * would starve the request a user just made (a save, a page's first read) behind them.
 */
export function createLimiter(max: number) {
  let running = 0;
  const waiting: (() => void)[] = [];

  function release() {
    running--;
    const next = waiting.shift();
    if (next) {
      running++;
      next();
    }
  }

  async function run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (running >= max) {
      await new Promise<void>((resolve, reject) => {
        const start = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        // A request given up while queued leaves the queue without ever being sent.
        const onAbort = () => {
          const at = waiting.indexOf(start);
          if (at >= 0) waiting.splice(at, 1);
          reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
        };
        if (signal?.aborted) {
          onAbort();
          return;
        }
        signal?.addEventListener('abort', onAbort, { once: true });
        waiting.push(start);
      });
    } else {
      running++;
    }
    try {
      return await task();
    } finally {
      release();
    }
  }

  return {
    run,
    get inFlight() {
      return running;
    },
    get queued() {
      return waiting.length;
    },
  };
}
