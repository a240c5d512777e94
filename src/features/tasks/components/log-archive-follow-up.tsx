import { Alert, Button, Stack, Text } from '@mantine/core';
import { useNavigate } from 'react-router';
import { ObshellErrorAlert } from '../../../components/obshell-error-alert';
import { routes } from '../../../config/routes';
import { useMessages } from '../../../lib/i18n/messages';
import { useEnableLogArchive } from '../api/enable-log-archive';
import { taskMessages } from '../messages';

/**
 * After "Set obcluster backup config" succeeds: obshell may have switched log archiving off for
 * every user tenant and never switches it back on (contract §4). Say so and offer to do it.
 */
export function LogArchiveFollowUp() {
  const t = useMessages(taskMessages);
  const navigate = useNavigate();
  const enable = useEnableLogArchive();
  const follow = enable.data;
  return (
    <Alert color="orange" title={t.archiveTitle} icon={<span aria-hidden="true">⚠</span>}>
      <Stack gap="sm">
        <Text size="sm">{t.archiveBody}</Text>
        {enable.isSuccess ? (
          <Text size="sm" fw={600} role="status">
            {follow ? t.archiveFollow : t.archiveDone}
          </Text>
        ) : (
          <Button
            w="fit-content"
            color="orange"
            loading={enable.isPending}
            onClick={() => {
              if (enable.isPending) return;
              enable.mutate(undefined, {
                onSuccess: (dag) => {
                  if (dag) void navigate(routes.task(dag.id));
                },
              });
            }}
          >
            {t.archiveButton}
          </Button>
        )}
        {enable.isError ? <ObshellErrorAlert error={enable.error} title={t.archiveError} /> : null}
      </Stack>
    </Alert>
  );
}
