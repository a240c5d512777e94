import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMessages } from '../../../lib/i18n/messages';
import { useSessionPhase } from '../../../lib/obshell/obshell-context';
import { useLock } from '../hooks/use-lock';
import { connectionMessages } from '../messages';
import { UnlockForm } from './unlock-form';

/**
 * Shown over the current page when obshell refuses the password held in memory. The page below
 * stays mounted (a half-filled form keeps its values); after a successful sign-in every query
 * fetches again.
 */
export function ReauthModal() {
  const t = useMessages(connectionMessages);
  const queryClient = useQueryClient();
  const lock = useLock();
  const opened = useSessionPhase() === 'reauth';
  return (
    <Modal
      opened={opened}
      onClose={() => undefined}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      title={t.reauthTitle}
      centered
      // Above any dialog the page itself has open (a review step): that one waits underneath.
      zIndex={1000}
    >
      <Stack gap="md">
        <Text size="sm">{t.reauthIntro}</Text>
        <UnlockForm onUnlocked={() => void queryClient.invalidateQueries()} />
        <Group justify="flex-end">
          <Button variant="subtle" color="gray" size="xs" onClick={lock}>
            {t.reauthLock}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
