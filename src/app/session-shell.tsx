import { Loader } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense, lazy, useEffect } from 'react';
import { routes } from '../config/routes';
import { ConnectionScreen } from '../features/connection/components/connection-screen';
import { loadChunk } from '../lib/chunk-load';
import { useMessages } from '../lib/i18n/messages';
import { credentialsUsedFor } from '../lib/obshell/client';
import { useIsUnlocked, useObshell } from '../lib/obshell/obshell-context';
import { appMessages } from './messages';
import { onSessionRefused } from './query-client';
import { FailureAlert } from './shell/failure-alert';
import { LockedLayout } from './shell/locked-layout';
import { PagesLoadBoundary } from './shell/pages-load-boundary';
import type * as RoutedModule from './routed-app';

// The pages, the data router and everything they import are one chunk fetched after the first
// screen painted: the connection screen needs none of it, and it is the biggest part of the app.
let routed: typeof RoutedModule | undefined;
const loadRouted = () =>
  loadChunk(() => import('./routed-app')).then((module) => (routed = module));
const RoutedApp = lazy(() => loadRouted().then((module) => ({ default: module.RoutedApp })));

/** A cluster switch while locked: land on the backup form, as the unlocked shell does. */
function landOnBackupWhileLocked(basename: string) {
  const router = routed?.routerIfCreated();
  if (router) void router.navigate(routes.backupConfig, { replace: true });
  else window.history.replaceState(window.history.state, '', basename + routes.backupConfig);
}

/** Fetches the pages' chunk once the browser is idle, so unlocking shows them at once. */
function usePrefetchPages() {
  useEffect(() => {
    const prefetch = () => void loadRouted().catch(() => undefined);
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback(prefetch, { timeout: 2000 });
      return () => window.cancelIdleCallback(id);
    }
    const id = window.setTimeout(prefetch, 200);
    return () => window.clearTimeout(id);
  }, []);
}

/**
 * Locked: the connection screen in a router-free shell. Unlocked: the pages behind the data router
 * (the URL is kept while locked, so unlocking lands where the user was going).
 */
export function SessionShell({ basename }: { basename: string }) {
  const t = useMessages(appMessages);
  const connection = useObshell();
  const queryClient = useQueryClient();
  const unlocked = useIsUnlocked();
  usePrefetchPages();

  // A 401 anywhere, later: ask for the password again over the page instead of leaving it.
  useEffect(
    () =>
      onSessionRefused(queryClient, (error) =>
        connection.credentials.expire(credentialsUsedFor(error)),
      ),
    [queryClient, connection],
  );
  useEffect(() => {
    document.title = t.documentTitle;
  }, [t]);

  const onLockedSwitch = () => landOnBackupWhileLocked(basename);
  if (!unlocked) {
    return (
      <LockedLayout onClusterSwitch={onLockedSwitch}>
        <ConnectionScreen />
      </LockedLayout>
    );
  }
  return (
    <PagesLoadBoundary
      fallback={(error) => (
        <LockedLayout onClusterSwitch={onLockedSwitch}>
          <FailureAlert error={error} />
        </LockedLayout>
      )}
    >
      <Suspense
        fallback={
          <LockedLayout onClusterSwitch={onLockedSwitch}>
            <Loader aria-label={t.loading} />
          </LockedLayout>
        }
      >
        <RoutedApp basename={basename} />
      </Suspense>
    </PagesLoadBoundary>
  );
}
