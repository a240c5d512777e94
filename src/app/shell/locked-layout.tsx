import { AppShell } from '@mantine/core';
import type { ReactNode } from 'react';
import { useEmbedMode } from '../../features/embed/embed-context';
import { ShellHeader } from './shell-header';

/**
 * The shell while no page can be shown yet: the connection screen, or a loader while the pages'
 * code arrives after unlocking. Same header as the unlocked shell, no navigation, no router.
 */
export function LockedLayout({
  children,
  onClusterSwitch,
}: {
  children: ReactNode;
  onClusterSwitch: () => void;
}) {
  const embedded = useEmbedMode();
  return (
    <AppShell header={{ height: embedded ? 48 : 56 }} padding="md">
      <AppShell.Header>
        <ShellHeader onClusterSwitch={onClusterSwitch} />
      </AppShell.Header>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
