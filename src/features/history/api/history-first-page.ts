import type { QueryClient } from '@tanstack/react-query';
import { use } from 'react';
import { preloadableChunk } from '../../../lib/chunk-load';
import { historyQueries } from '../../../lib/history-client';
import { warmDateInput } from '../components/warm-date-input';
import { emptyFilters, toApiFilter } from '../model/filters';

export const HISTORY_PAGE_SIZE = 50;

/** The query behind the History page as it opens (no filter, page 1); the page reads this key. */
export const historyFirstPage = (clusterKey: string) =>
  historyQueries.page(clusterKey, toApiFilter(emptyFilters(), ''), 1, HISTORY_PAGE_SIZE);

/**
 * Starts the first page's GET when the user asks for the page (the navigation's click), beside
 * the page's chunk instead of after it: the page then renders its rows in its first render. The
 * chunk is asked for at the same moment (the router would ask a render later; the browser loads
 * a module once, and a failure here is the route's to report when it asks). Imported by the
 * layout; this module is small and holds no component.
 */
export function prefetchHistory(queryClient: QueryClient, clusterKey: string) {
  // Errors are the page's to show: its own query fetches again when it mounts.
  const fetched = queryClient.query(historyFirstPage(clusterKey)).then(noop, noop);
  const waited = new Promise<void>((resolve) => setTimeout(resolve, OPENING_WAIT_MS));
  // Forgotten once settled: a later render that finds the page still loading shows it loading.
  const current = {
    clusterKey,
    ready: Promise.race([fetched, waited]).then(() => {
      if (opening === current) opening = undefined;
    }),
  };
  opening = current;
  preloadHistoryPage();
}

const noop = () => undefined;

/** How long the click on "History" keeps the previous page while the first rows are on their way. */
const OPENING_WAIT_MS = 300;

/** The first page's read that the latest click started (see useOpeningRows). */
let opening: { clusterKey: string; ready: Promise<void> } | undefined;

/**
 * While the first page's read that the navigation's click started is on its way (`pending`), the
 * page waits for it, at most OPENING_WAIT_MS: it suspends inside the router's transition, the
 * previous page stays on screen, and the page then renders once with its rows, instead of
 * rendering itself loading, committing, and rendering again when the rows arrive (issue 15: the
 * first page's budget). A read that takes longer shows the page loading, as a direct visit does.
 */
export function useOpeningRows(clusterKey: string, pending: boolean) {
  const current = opening;
  // use() on every render, a settled one when there is nothing to wait for: React replays the
  // render that suspended here once the rows are in, and a replay that skipped use() (no longer
  // pending) failed (React error 467) and made React render the whole app again, synchronously.
  use(pending && current?.clusterKey === clusterKey ? current.ready : nothingToWaitFor);
}

// Marked settled the way React marks a promise it has seen settle: use() returns at once.
const nothingToWaitFor = Object.assign(Promise.resolve(), {
  status: 'fulfilled' as const,
  value: undefined,
});

/**
 * Fetches (and evaluates) the page's chunk ahead of the click: when the browser is idle after the
 * shell appears, and when the pointer or focus reaches the link. Only code, no data: a visit that
 * never comes costs one cached file, and the rows are still read fresh on the click. The browser's
 * one-time cost of a first date input (the filters' From and To) is paid here too.
 */
export function preloadHistoryPage() {
  void historyPageChunk.load().catch(() => undefined);
  warmDateInput();
}

/** The page's chunk, shared with the route (routes.tsx): once preloaded, the route renders at once. */
export const historyPageChunk = preloadableChunk(() => import('../components/history-page'));
