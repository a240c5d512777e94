import { AppShell, Loader, NavLink } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, lazy } from 'react';
import { NavLink as RouterNavLink, Outlet, useNavigate } from 'react-router';
import { routes } from '../config/routes';
import { useEmbedMode } from '../features/embed/embed-context';
import { useMessages } from '../lib/i18n/messages';
import { appMessages } from './messages';
import { ShellHeader } from './shell/shell-header';

// Needed only after a later 401, never on the connection screen: its chunk (Modal, scroll lock)
// loads with the pages, off the first screen's path and before it can be needed.
const ReauthModal = lazy(() =>
  import('../features/connection/components/reauth-modal').then((m) => ({
    default: m.ReauthModal,
  })),
);

/** The pages in the navigation, in order; a new page adds its line here and in routes.tsx. */
const NAV_ITEMS = [
  { to: routes.status, label: 'status' },
  { to: routes.backupConfig, label: 'backup' },
  { to: routes.tasks, label: 'tasks' },
] as const satisfies readonly { to: string; label: keyof typeof appMessages.en }[];

/**
 * The shell of an unlocked session: header, navigation, the current page. It is mounted only
 * while unlocked (see SessionShell); the connection screen has its own, router-free shell.
 */
export function AppLayout() {
  const t = useMessages(appMessages);
  const embedded = useEmbedMode();
  const navigate = useNavigate();
  const [navOpened, nav] = useDisclosure(false);

  return (
    <AppShell
      header={{ height: embedded ? 48 : 56 }}
      navbar={
        embedded ? undefined : { width: 220, breakpoint: 'sm', collapsed: { mobile: !navOpened } }
      }
      padding="md"
    >
      <AppShell.Header>
        <ShellHeader
          nav={{ opened: navOpened, toggle: nav.toggle }}
          // A task id of one cluster means nothing on another: land on the backup form.
          onClusterSwitch={() => void navigate(routes.backupConfig)}
        />
      </AppShell.Header>
      {!embedded && (
        <AppShell.Navbar p="xs" component="nav" aria-label={t.navigation}>
          {NAV_ITEMS.map((item) => (
            <NavLink
              key={item.to}
              component={RouterNavLink}
              to={item.to}
              label={t[item.label]}
              onClick={nav.close}
            />
          ))}
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
