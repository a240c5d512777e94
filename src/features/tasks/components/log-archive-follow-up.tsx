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
import { StartBackupReview } from './start-backup-review';
import { userTenants } from './user-tenants';

/**
 * After "Set obcluster backup config" applied something: obshell may have switched log archiving
 * off for every user tenant and never switches it back on (contract §4). Show each tenant's archive
 * state live, offer the switch (§6: it answers nothing and stops at the first INTERRUPTED tenant)
 * and follow the tenants until DOING; or offer a full backup with archive, which also turns it on.
 */
export function LogArchiveFollowUp() {
  const t = useMessages(taskMessages);
  const connection = useObshell();
  const enable = useEnableLogArchive();
  const cluster = useQuery(clusterInfoQuery(connection));
  const interrupted = interruptedTenant(enable.error);
  const tenants = userTenants(cluster.data).map((tenant) => tenant.name);
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
          <Text size="sm" fw={600}>
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
        {cluster.isError ? (
          <ObshellErrorAlert
            error={cluster.error}
            title={t.archiveTenantsError}
            onRetry={() => void cluster.refetch()}
            retrying={cluster.isFetching}
          />
        ) : cluster.isPending ? (
          <Text size="sm">{t.archiveReading}</Text>
        ) : (
          <ArchiveTenantReport
            tenants={tenants}
            switched={!enable.isIdle && !enable.isPending}
            interrupted={interrupted}
          />
        )}
        <StartBackupReview />
      </Stack>
    </Alert>
  );
}
