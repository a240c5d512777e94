import { Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ObshellErrorAlert } from '../../../components/obshell-error-alert';
import { routes } from '../../../config/routes';
import { useMessages } from '../../../lib/i18n/messages';
import { FULL_BACKUP_WITH_ARCHIVE, useStartFullBackup } from '../api/start-backup';
import { proofMessages } from '../proof-messages';

/**
 * "Start a full backup with archive", reviewed like a configuration change: what it does and the
 * exact request body, then one POST; its DAG is followed on its own timeline.
 */
export function StartBackupReview() {
  const t = useMessages(proofMessages);
  const navigate = useNavigate();
  const start = useStartFullBackup();
  const [open, setOpen] = useState(false);
  const close = () => {
    if (!start.isPending) setOpen(false);
  };
  const confirm = () => {
    if (start.isPending) return;
    start.mutate(undefined, {
      onSuccess: (dag) => {
        setOpen(false);
        void navigate(routes.task(dag.id));
      },
    });
  };
  return (
    <Stack gap="xs">
      <Text size="sm">{t.backupIntro}</Text>
      <Button
        w="fit-content"
        variant="light"
        onClick={() => {
          start.reset();
          setOpen(true);
        }}
      >
        {t.backupButton}
      </Button>
      <Modal
        opened={open}
        onClose={close}
        title={t.backupTitle}
        closeButtonProps={{ 'aria-label': t.backupClose }}
        centered
      >
        <Stack>
          <Text size="sm">{t.backupEffects}</Text>
          <Text size="sm" fw={600} id="start-backup-request">
            {t.backupRequest}
          </Text>
          <Code block aria-labelledby="start-backup-request" data-testid="start-backup-body">
            {`POST /api/v1/obcluster/backup\n${JSON.stringify(FULL_BACKUP_WITH_ARCHIVE, null, 2)}`}
          </Code>
          {start.isError ? <ObshellErrorAlert error={start.error} title={t.backupError} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={start.isPending}>
              {t.backupCancel}
            </Button>
            <Button onClick={confirm} loading={start.isPending}>
              {t.backupConfirm}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
