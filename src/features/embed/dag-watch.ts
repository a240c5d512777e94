import type { QueryClient } from '@tanstack/react-query';
import { dagSchema, type Dag } from '../../lib/obshell/dag';
import type { DagOutcome, HostCluster, HostEvent } from '../../lib/host-events';

/** A DAG inside whatever a query or mutation returned: the DAG itself or `{dag}` / `{data}`. */
function findDag(data: unknown): Dag | undefined {
  const direct = dagSchema.safeParse(data);
  if (direct.success) return direct.data;
  if (data && typeof data === 'object') {
    for (const key of ['dag', 'data'] as const) {
      if (key in data) {
        const nested = dagSchema.safeParse((data as Record<string, unknown>)[key]);
        if (nested.success) return nested.data;
      }
    }
  }
  return undefined;
}

export function outcomeOf(dag: Pick<Dag, 'state' | 'operator'>): DagOutcome | undefined {
  if (dag.state === 'SUCCEED') return dag.operator === 'PASS' ? 'passed' : 'succeeded';
  if (dag.state === 'FAILED') return dag.operator === 'CANCEL' ? 'cancelled' : 'failed';
  return undefined;
}

function summary(dag: Dag) {
  return { id: dag.id, name: dag.name, state: dag.state, operator: dag.operator };
}

/**
 * Turns what the app already fetches into host events, so no feature has to remember to emit them:
 * a mutation answered with a DAG → `dag-started`; a DAG seen running that then reaches SUCCEED or
 * FAILED → `dag-finished` (a FAILED DAG that is retried and later succeeds finishes again).
 * A DAG first seen already finished (an old timeline opened) emits nothing.
 */
export function watchDags(
  queryClient: QueryClient,
  clusterFor: (key: readonly unknown[] | undefined) => HostCluster,
  emit: (event: HostEvent) => void,
): () => void {
  const lastOutcome = new Map<string, DagOutcome | 'running'>();

  function observe(dag: Dag, cluster: HostCluster, started: boolean) {
    const key = `${cluster.id}\u0000${dag.id}`;
    const previous = lastOutcome.get(key);
    const outcome = outcomeOf(dag) ?? 'running';
    lastOutcome.set(key, outcome);
    if (started && previous === undefined) {
      emit({ type: 'obdash:dag-started', cluster, dag: summary(dag) });
    }
    if (outcome !== 'running' && (previous === 'running' || (started && previous === undefined))) {
      emit({ type: 'obdash:dag-finished', cluster, dag: summary(dag), outcome });
    }
  }

  const unsubscribeQueries = queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'success') return;
    const dag = findDag(event.query.state.data);
    const queryKey: unknown = event.query.queryKey;
    if (dag) observe(dag, clusterFor(Array.isArray(queryKey) ? queryKey : undefined), false);
  });
  const unsubscribeMutations = queryClient.getMutationCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'success') return;
    const dag = findDag(event.mutation.state.data);
    const mutationKey: readonly unknown[] | undefined = event.mutation.options.mutationKey;
    if (dag) observe(dag, clusterFor(mutationKey), true);
  });
  return () => {
    unsubscribeQueries();
    unsubscribeMutations();
  };
}
