import { AppShell, Loader, NavLink } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { Suspense, lazy, useEffect, useMemo } from 'react';
import { NavLink as RouterNavLink, Outlet, useNavigate } from 'react-router';
import { routes } from '../config/routes';
import { useEmbedMode } from '../features/embed/embed-context';
import { prefetchHistory, preloadHistoryPage } from '../features/history/api/history-first-page';
import { useMessages } from '../lib/i18n/messages';
import { whenSettled } from '../lib/when-settled';
import { useObshell } from '../lib/obshell/obshell-context';
import { appMessages } from './messages';
import { ShellHeader } from './shell/shell-header';

// Needed only after a later 401, never on the connection screen: its chunk (Modal, scroll lock)
// loads with the pages, off the first screen's path and before it can be needed.
const ReauthModal = lazy(() =>
  import('../features/connection/components/reauth-modal').then((m) => ({
    default: m.ReauthModal,
  })),
);

type Prefetch = (queryClient: QueryClient, clusterKey: string) => void;

/**
 * The pages in the navigation, in order; a new page adds its line here and in routes.tsx.
 * `prefetch`: the page's first read, started on the click beside the page's chunk (not after it).
 * `preload`: the page's chunk, fetched when the browser is idle and on hover/focus of its link.
 */
const NAV_ITEMS = [
  { to: routes.status, label: 'status' },
  { to: routes.backupConfig, label: 'backup' },
  { to: routes.tasks, label: 'tasks' },
  { to: routes.history, label: 'history', prefetch: prefetchHistory, preload: preloadHistoryPage },
] as const satisfies readonly {
  to: string;
  label: keyof typeof appMessages.en;
  prefetch?: Prefetch;
  preload?: () => void;
}[];

/** Fetches the navigation's page chunks that ask for it (see NAV_ITEMS' `preload`). */
export const preloadPageChunks = () => {
  for (const item of NAV_ITEMS) if ('preload' in item) item.preload();
};

/**
 * Page chunks fetched once the shell is up, the page's reads are in and the browser is idle: a
 * click then renders at once, and the page being read keeps the main thread.
 */
function usePreloadPages(enabled: boolean) {
  const queryClient = useQueryClient();
  useEffect(
    () => (enabled ? whenSettled(queryClient, preloadPageChunks) : undefined),
    [enabled, queryClient],
  );
}

/**
 * The shell of an unlocked session: header, navigation, the current page. It is mounted only
 * while unlocked (see SessionShell); the connection screen has its own, router-free shell.
 */
export function AppLayout() {
  const t = useMessages(appMessages);
  const embedded = useEmbedMode();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { clusterKey } = useObshell();
  const [navOpened, nav] = useDisclosure(false);
  usePreloadPages(!embedded);
  const { toggle, close } = nav;
  // The layout renders again on every route change (the router's new matches); its header and
  // navigation do not depend on the route, so they are kept as made (History's budget, issue 15).
  const header = useMemo(
    () => (
      <ShellHeader
        nav={{ opened: navOpened, toggle }}
        // A task id of one cluster means nothing on another: land on the backup form.
        onClusterSwitch={() => void navigate(routes.backupConfig)}
      />
    ),
    [navOpened, toggle, navigate],
  );
  const navLinks = useMemo(
    () =>
      NAV_ITEMS.map((item) => (
        <NavLink
          key={item.to}
          component={RouterNavLink}
          to={item.to}
          label={t[item.label]}
          {...('preload' in item && { onPointerEnter: item.preload, onFocus: item.preload })}
          onClick={() => {
            if ('prefetch' in item) item.prefetch(queryClient, clusterKey);
            close();
          }}
        />
      )),
    [t, queryClient, clusterKey, close],
  );

  return (
    <AppShell
      header={{ height: embedded ? 48 : 56 }}
      navbar={
        embedded ? undefined : { width: 220, breakpoint: 'sm', collapsed: { mobile: !navOpened } }
      }
      padding="md"
    >
      <AppShell.Header>{header}</AppShell.Header>
      {!embedded && (
        <AppShell.Navbar p="xs" component="nav" aria-label={t.navigation}>
          {navLinks}
        </AppShell.Navbar>
      )}
      <AppShell.Main>
        <Suspense fallback={<Loader aria-label={t.loading} />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
      <Suspense fallback={null}>
        <ReauthModal />
      </Suspense>
    </AppShell>
  );
}
