import { Loader } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense, lazy, useEffect } from 'react';
import { routes } from '../config/routes';
import { ConnectionScreen } from '../features/connection/components/connection-screen';
import { useEmbedMode } from '../features/embed/embed-context';
import { loadChunk } from '../lib/chunk-load';
import { whenIdle } from '../lib/when-idle';
import { whenSettled } from '../lib/when-settled';
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

/**
 * Fetches the pages' chunk once the browser is idle, so unlocking shows them at once; then, idle
 * again and with navigation (not embedded), the page chunks the navigation preloads (History),
 * so its first click renders without waiting for code. Dynamic imports: not first-screen weight.
 */
function usePrefetchPages(navigation: boolean) {
  const queryClient = useQueryClient();
  useEffect(() => {
    let cancelFollow: (() => void) | undefined;
    let active = true;
    const prefetch = () =>
      void loadRouted()
        .then((module) => {
          // Unlocked meanwhile (a fast or autofilled password): not before the page's reads.
          if (active && navigation)
            cancelFollow = whenSettled(queryClient, module.preloadPageChunks);
        })
        .catch(() => undefined);
    const cancel = whenIdle(prefetch);
    return () => {
      active = false;
      cancel();
      cancelFollow?.();
    };
  }, [navigation, queryClient]);
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
  usePrefetchPages(!useEmbedMode());

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
