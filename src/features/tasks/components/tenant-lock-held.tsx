import { Alert } from '@mantine/core';
import { lockedTenant, tenantBackupConfigDagName, type Dag } from '../../../lib/obshell/dag';
import { useMessages } from '../../../lib/i18n/messages';
import { taskMessages } from '../messages';

/**
 * A failed tenant-level "Set obcluster backup config for <tenant>" keeps its tenant lock until it
 * ends SUCCEED (contract §7): say so, since obshell refuses the next change to that tenant.
 */
export function TenantLockHeld({ dag }: { dag: Dag }) {
  const t = useMessages(taskMessages);
  const tenant = dag.state === 'FAILED' ? lockedTenant(dag) : undefined;
  if (tenant === undefined || dag.name !== tenantBackupConfigDagName(tenant)) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      role="note"
      title={t.tenantLockTitle(tenant)}
      data-testid="tenant-lock-held"
    >
      {t.tenantLockHeld(tenant)}
    </Alert>
  );
}
