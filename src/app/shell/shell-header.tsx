import { Burger, Button, Group, Title } from '@mantine/core';
import { ColorSchemeToggle } from '../../components/color-scheme-toggle';
import { HoverHint } from '../../components/hover-hint';
import { LocaleSwitch } from '../../components/locale-switch';
import { ClusterPicker } from '../../features/clusters/components/cluster-picker';
import { useLock } from '../../features/connection/hooks/use-lock';
import { useEmbedMode } from '../../features/embed/embed-context';
import { useMessages } from '../../lib/i18n/messages';
import { useIsUnlocked } from '../../lib/obshell/obshell-context';
import { appMessages } from '../messages';
import { ClusterSummary } from './cluster-summary';

export interface ShellHeaderProps {
  /** The navigation drawer on narrow screens; absent while locked (there is no navigation). */
  nav?: { opened: boolean; toggle: () => void };
  /** After the user picked another cluster: land on a page that means something there. */
  onClusterSwitch: () => void;
}

/**
 * The header both shells share: product name, cluster picker and summary, locale and colour
 * switches, Lock. It knows nothing of the router, so the locked first screen loads without it.
 */
export function ShellHeader({ nav, onClusterSwitch }: ShellHeaderProps) {
  const t = useMessages(appMessages);
  const unlocked = useIsUnlocked();
  // Inside a portal's iframe: no title, navigation or theme/locale switches (the host sets those).
  const embedded = useEmbedMode();
  const lock = useLock();
  return (
    <Group h="100%" px="md" gap="md" wrap="nowrap" justify="space-between">
      <Group gap="md" wrap="nowrap" miw={0} style={{ flex: 1, overflow: 'hidden' }}>
        {nav && !embedded && (
          <Burger
            opened={nav.opened}
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
        <ClusterPicker onSwitch={onClusterSwitch} />
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
  );
}
