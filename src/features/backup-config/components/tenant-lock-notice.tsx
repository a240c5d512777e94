import { Alert, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMessages } from '../../../lib/i18n/messages';
import type { ObshellError } from '../../../lib/obshell/envelope';
import { dagListQueries } from '../../../lib/obshell/dag-lists';
import { useObshell } from '../../../lib/obshell/obshell-context';
import { tenantLockHolders } from '../model/tenant-scope';
import { tenantMessages } from '../tenant-messages';

/** The unfinished DAGs holding the tenant's lock (contract §7), from `/task/dag/unfinish`. */
export function useTenantLockHolders(tenant: string | undefined): string[] {
  const conn = useObshell();
  const unfinished = useQuery({
    ...dagListQueries.unfinished(conn),
    enabled: tenant !== undefined,
  });
  if (tenant === undefined) return [];
  return tenantLockHolders(unfinished.data ?? [], tenant).map((dag) => dag.id);
}

/**
 * Tenant scope, above the fields: a warning while a task holds the tenant (obshell would refuse),
 * and the explanation when obshell refused anyway (500 OB.Tenant.UnderMaintenance or a global
 * maintenance). Server text is shown as text only.
 */
export function TenantLockNotice({
  tenant,
  refusal,
}: {
  tenant: string;
  refusal: ObshellError | null;
}) {
  const tt = useMessages(tenantMessages);
  const holders = useTenantLockHolders(tenant);
  if (refusal) {
    const clusterWide = refusal.errCode?.startsWith('OB.Cluster.') ?? false;
    return (
      <Alert color="red" role="alert" title={tt.refusedTitle} data-testid="tenant-lock-refused">
        <Text size="sm">{clusterWide ? tt.refusedCluster : tt.refusedTenant(tenant)}</Text>
        <Text size="xs" c="dimmed">
          {tt.serverSaid(refusal.message)}
        </Text>
      </Alert>
    );
  }
  if (holders.length === 0) return null;
  return (
    <Alert color="orange" role="note" title={tt.lockTitle} data-testid="tenant-lock-warning">
      <Text size="sm">{tt.lockWarning(tenant, holders.join(', '))}</Text>
    </Alert>
  );
}
