import { Alert, Button, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ObshellErrorAlert } from '../../../components/obshell-error-alert';
import { clusterInfoQuery } from '../../../lib/obshell/cluster-info';
import { useMessages } from '../../../lib/i18n/messages';
import { useObshell } from '../../../lib/obshell/obshell-context';
import { interruptedTenant } from '../api/archive-log-tasks';
import { useEnableLogArchive } from '../api/enable-log-archive';
import { taskMessages } from '../messages';
import { ArchiveTenantReport } from './archive-tenant-report';

/**
 * After "Set obcluster backup config" applied something: obshell may have switched log archiving
 * off for every user tenant and never switches it back on (contract §4). Say so and offer to do it;
 * afterwards report, per tenant, what obshell's own reads say happened (§6: the switch answers
 * nothing, and stops at the first INTERRUPTED tenant).
 */
export function LogArchiveFollowUp() {
  const t = useMessages(taskMessages);
  const connection = useObshell();
  const enable = useEnableLogArchive();
  const cluster = useQuery({ ...clusterInfoQuery(connection), enabled: !enable.isIdle });
  const interrupted = interruptedTenant(enable.error);
  const tenants = (cluster.data?.tenants ?? [])
    .map((tenant) => tenant.name)
    .filter((name) => name && name !== 'sys');
  return (
    <Alert color="orange" title={t.archiveTitle} icon={<span aria-hidden="true">⚠</span>}>
      <Stack gap="sm">
        <Text size="sm">{t.archiveBody}</Text>
        {enable.isIdle || enable.isPending ? (
          <Button
            w="fit-content"
            color="orange"
            loading={enable.isPending}
            onClick={() => {
              if (!enable.isPending) enable.mutate();
            }}
          >
            {t.archiveButton}
          </Button>
        ) : null}
        {enable.isSuccess ? (
          <Text size="sm" fw={600} role="status">
            {t.archiveAccepted}
          </Text>
        ) : null}
        {interrupted ? (
          <Alert
            color="red"
            variant="light"
            role="alert"
            title={t.archiveInterruptedTitle(interrupted)}
          >
            {t.archiveInterrupted(interrupted)}
          </Alert>
        ) : enable.isError ? (
          <ObshellErrorAlert error={enable.error} title={t.archiveError} />
        ) : null}
        {!enable.isIdle && !enable.isPending ? (
          <ArchiveTenantReport tenants={tenants} cluster={cluster} />
        ) : null}
      </Stack>
    </Alert>
  );
}
