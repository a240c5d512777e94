import { useQuery } from '@tanstack/react-query';
import { BACKUP_CONFIG_DAG_NAME, isTerminalDag } from '../../../lib/obshell/dag';
import { useObshell } from '../../../lib/obshell/obshell-context';
import { agentQueries } from '../../../lib/obshell/agent-info';
import { dagListQueries } from '../../../lib/obshell/dag-lists';
import type { Review } from '../hooks/use-backup-config-submit';
import type { CurrentConfig } from '../hooks/use-current-config';
import { ReviewModal } from './review-modal';
import { SubmitErrorAlert } from './submit-error-alert';
import { useTenantLockHolders } from './tenant-lock-notice';

/** The review step with what it reads only while open: the agent address and running tasks. */
export function ReviewDialog({
  review,
  config,
  pending,
  submitError,
  onClose,
  onConfirm,
}: {
  review: Review;
  config: CurrentConfig;
  pending: boolean;
  submitError: unknown;
  onClose: () => void;
  onConfirm: () => void;
}) {
  const conn = useObshell();
  const agent = useQuery(agentQueries.info(conn));
  const unfinished = useQuery(dagListQueries.unfinished(conn));
  const tenant = config.baseline.tenant?.name;
  const lockHolders = useTenantLockHolders(tenant);
  // Tenant scope: the DAGs holding that tenant's lock; cluster scope: a running cluster-level one.
  const runningDagIds =
    tenant !== undefined
      ? lockHolders
      : (unfinished.data ?? [])
          .filter((dag) => dag.name === BACKUP_CONFIG_DAG_NAME && !isTerminalDag(dag))
          .map((dag) => dag.id);
  return (
    <ReviewModal
      opened
      onClose={onClose}
      body={review.body}
      analysis={review.analysis}
      baseline={config.baseline}
      clusterName={config.cluster.name}
      tenantNames={config.tenants.map((tenant) => tenant.name)}
      runningDagIds={runningDagIds}
      tenant={tenant}
      agent={{
        host: agent.data?.ip ?? window.location.hostname,
        port: agent.data?.port ?? 2886,
      }}
      pending={pending}
      error={submitError !== null ? <SubmitErrorAlert error={submitError} /> : undefined}
      onConfirm={onConfirm}
    />
  );
}
