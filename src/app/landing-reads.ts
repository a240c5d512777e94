import type { QueryClient } from '@tanstack/react-query';
import { matchRoutes } from 'react-router';
import { prefetchTenantReads } from '../lib/obshell/tenant-prefetch';
import type { TenantConnection } from '../lib/obshell/tenant-queries';
import { appRoutes, type PageHandle } from './routes';

/**
 * On unlocking: starts the tenant reads of the page the user lands on (`pathname`), so they travel
 * while that page's code loads and renders instead of after it. The routes say which reads
 * (`handle.tenantReads`); the first screen is the status page, or the form when embedded.
 */
export function prefetchLandingReads(
  queryClient: QueryClient,
  conn: TenantConnection,
  location: { pathname: string; basename: string; embedded: boolean },
): void {
  const matches = matchRoutes(appRoutes, location.pathname, location.basename);
  const handle = matches?.at(-1)?.route.handle as PageHandle | undefined;
  const reads = handle?.firstScreen ? (location.embedded ? 'form' : 'status') : handle?.tenantReads;
  if (reads) prefetchTenantReads(queryClient, conn, reads);
}
