import type { QueryClient } from '@tanstack/react-query';
import { whenIdle } from './when-idle';

/** How often to look again while reads are out: cheap (one pass over the cache), and rare enough. */
const POLL_MS = 250;

/**
 * Runs `run` once no query of `client` is fetching and the browser is then idle: for work nobody
 * waits for (preloading another page's code), which must not take the main thread from the page
 * being read. requestIdleCallback alone fires in the gaps between answers: with 200 tenants the
 * History preload (≈ 30–55 ms) landed in the middle of the status page's reads. Returns a cancel.
 */
export function whenSettled(client: QueryClient, run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cancelIdle: (() => void) | undefined;
  const check = () => {
    if (client.isFetching() > 0) timer = setTimeout(check, POLL_MS);
    else cancelIdle = whenIdle(run);
  };
  check();
  return () => {
    clearTimeout(timer);
    cancelIdle?.();
  };
}
