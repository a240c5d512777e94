import type { QueryClient } from '@tanstack/react-query';
import { matchRoutes } from 'react-router';
import { prefetchStatusReads } from '../lib/obshell/tenant-prefetch';
import type { TenantConnection } from '../lib/obshell/tenant-queries';
import { appRoutes, type PageHandle } from './routes';

/**
 * On unlocking: when the user lands on the status page (`pathname`, or the first screen outside a
 * portal's iframe), its tenant reads start at once and travel while its code loads and renders.
 * The routes say which page that is (`handle`).
 */
export function prefetchLandingReads(
  queryClient: QueryClient,
  conn: TenantConnection,
  location: { pathname: string; basename: string; embedded: boolean },
): void {
  const matches = matchRoutes(appRoutes, location.pathname, location.basename);
  const handle = matches?.at(-1)?.route.handle as PageHandle | undefined;
  const status = handle?.firstScreen ? !location.embedded : handle?.statusReads === true;
  if (status) prefetchStatusReads(queryClient, conn);
}
