import { Button, Group, Modal, Text } from '@mantine/core';
import { useMessages } from '../../../lib/i18n/messages';
import { backupConfigMessages } from '../messages';

export function LeaveModal({
  opened,
  onStay,
  onLeave,
}: {
  opened: boolean;
  onStay: () => void;
  onLeave: () => void;
}) {
  const t = useMessages(backupConfigMessages);
  return (
    <Modal
      opened={opened}
      onClose={onStay}
      title={t.leaveTitle}
      closeButtonProps={{ 'aria-label': t.closeStay }}
    >
      <Text size="sm">{t.leaveBody}</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onStay} data-autofocus>
          {t.stay}
        </Button>
        <Button color="red" onClick={onLeave}>
          {t.leave}
        </Button>
      </Group>
    </Modal>
  );
}
