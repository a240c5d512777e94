import { AppShell, Burger, Button, Group, Loader, NavLink, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense, lazy, useEffect } from 'react';
import { NavLink as RouterNavLink, Outlet } from 'react-router';
import { ColorSchemeToggle } from '../components/color-scheme-toggle';
import { HoverHint } from '../components/hover-hint';
import { LocaleSwitch } from '../components/locale-switch';
import { routes } from '../config/routes';
import { ConnectionScreen } from '../features/connection/components/connection-screen';
import { useLock } from '../features/connection/hooks/use-lock';
import { useMessages } from '../lib/i18n/messages';
import { useIsUnlocked, useObshell } from '../lib/obshell/obshell-context';
import { credentialsUsedFor } from '../lib/obshell/client';
import { appMessages } from './messages';
import { onSessionRefused } from './query-client';
import { ClusterSummary } from './shell/cluster-summary';
import { ClusterPicker } from '../features/clusters/components/cluster-picker';
import { useEmbedMode } from '../features/embed/embed-context';

// Needed only after a later 401, never on the connection screen: its chunk (Modal, scroll lock)
// loads as soon as the session is unlocked, off the first screen's path and before it can be needed.
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
 * Shell: header + navigation. While locked the connection screen stands in for every page (the URL
 * is kept, so unlocking lands where the user was going).
 */
export function AppLayout() {
  const t = useMessages(appMessages);
  const connection = useObshell();
  const queryClient = useQueryClient();
  const unlocked = useIsUnlocked();
  // Inside a portal's iframe: no title, navigation or theme/locale switches (the host sets those).
  const embedded = useEmbedMode();
  const [navOpened, nav] = useDisclosure(false);

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

  const lock = useLock();

  return (
    <AppShell
      header={{ height: embedded ? 48 : 56 }}
      navbar={
        unlocked && !embedded
          ? { width: 220, breakpoint: 'sm', collapsed: { mobile: !navOpened } }
          : undefined
      }
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" gap="md" wrap="nowrap" justify="space-between">
          <Group gap="md" wrap="nowrap" miw={0} style={{ flex: 1, overflow: 'hidden' }}>
            {unlocked && !embedded && (
              <Burger
                opened={navOpened}
                onClick={nav.toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={t.toggleNavigation}
              />
            )}
            {!embedded && (
              // On a phone the cluster name matters more than the product name.
              <Title
                order={1}
                size="h4"
                style={{ whiteSpace: 'nowrap' }}
                visibleFrom={unlocked ? 'sm' : undefined}
              >
                {t.title}
              </Title>
            )}
            <ClusterPicker />
            {unlocked && <ClusterSummary />}
          </Group>
          <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
            {!embedded && <LocaleSwitch />}
            {!embedded && <ColorSchemeToggle />}
            {unlocked && (
              <HoverHint label={t.lockHelp}>
                <Button variant="default" size="xs" onClick={lock}>
                  {t.lock}
                </Button>
              </HoverHint>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      {unlocked && !embedded && (
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
        {unlocked ? (
          <Suspense fallback={<Loader aria-label={t.loading} />}>
            <Outlet />
          </Suspense>
        ) : (
          <ConnectionScreen />
        )}
      </AppShell.Main>
      {unlocked && (
        <Suspense fallback={null}>
          <ReauthModal />
        </Suspense>
      )}
    </AppShell>
  );
}
