import type { QueryClient } from '@tanstack/react-query';
import { preloadableChunk } from '../../../lib/chunk-load';
import { historyQueries } from '../../../lib/history-client';
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
  void queryClient.query(historyFirstPage(clusterKey)).catch(() => undefined);
  preloadHistoryPage();
}

/**
 * Fetches (and evaluates) the page's chunk ahead of the click: when the browser is idle after the
 * shell appears, and when the pointer or focus reaches the link. Only code, no data: a visit that
 * never comes costs one cached file, and the rows are still read fresh on the click.
 */
export function preloadHistoryPage() {
  void historyPageChunk.load().catch(() => undefined);
}

/** The page's chunk, shared with the route (routes.tsx): once preloaded, the route renders at once. */
export const historyPageChunk = preloadableChunk(() => import('../components/history-page'));
