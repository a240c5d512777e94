import { AppShell, Group, Loader, NavLink, Title } from '@mantine/core';
import { Suspense } from 'react';
import { NavLink as RouterNavLink, Outlet } from 'react-router';
import { ConnectionScreen } from '../features/connection/components/connection-screen';
import { defineMessages, useMessages } from '../lib/i18n/messages';
import { useIsUnlocked } from '../lib/obshell/obshell-context';

const messages = defineMessages({
  en: {
    title: 'OceanBase backup',
    backup: 'Backup configuration',
    tasks: 'Tasks',
    loading: 'Loading…',
  },
  zh: { title: 'OceanBase 备份', backup: '备份配置', tasks: '任务', loading: '加载中…' },
});

/** Shell: header + navigation; the connection screen stands in for every page while locked. */
export function AppLayout() {
  const t = useMessages(messages);
  const unlocked = useIsUnlocked();
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm' }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md">
          <Title order={1} size="h4">
            {t.title}
          </Title>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t.title}>
        <NavLink component={RouterNavLink} to="/backup" label={t.backup} />
        <NavLink component={RouterNavLink} to="/tasks" label={t.tasks} />
      </AppShell.Navbar>
      <AppShell.Main>
        {unlocked ? (
          <Suspense fallback={<Loader aria-label={t.loading} />}>
            <Outlet />
          </Suspense>
        ) : (
          <ConnectionScreen />
        )}
      </AppShell.Main>
    </AppShell>
  );
}
