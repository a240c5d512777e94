import { maskSecrets, SECRET_MASK } from './backup-rules/mask-secrets';
import {
  historyApi,
  type HistoryChange,
  type HistoryEntry,
  type NewHistoryEntry,
} from './history-client';
import { emitHostEvent, type HostCluster } from './host-events';
import { BACKUP_CONFIG_DAG_NAME, type Dag } from './obshell/dag';

/**
 * Records what the dashboard applied and how its tasks ended, in the server's change history.
 * Called by the backup form (after obshell accepted a PATCH) and by the timeline (when it sees a
 * DAG end). The history is an audit aid: a failure to record never stands in the user's way, so
 * nothing here throws; it resolves to undefined instead.
 */

type Value = string | number | boolean | null;
const SECRET_FIELD = /(?:^|[._])(?:access_key|[a-z_]*password|secret[a-z_]*)$/i;

function masked(field: string, value: Value): Value {
  if (value === null || value === '') return value;
  if (SECRET_FIELD.test(field)) return SECRET_MASK;
  return typeof value === 'string' ? maskSecrets(value) : value;
}

function isValue(value: unknown): value is Value {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/**
 * The PATCH body as field changes, old → new, secrets masked. Nested objects (delete_policy) become
 * one change per key (`delete_policy.recovery_window`). `previous`: the values before the change,
 * by the same names; absent = not known.
 */
export function changesOf(
  patch: Readonly<Record<string, unknown>>,
  previous: Readonly<Record<string, Value | undefined>> = {},
): HistoryChange[] {
  const changes: HistoryChange[] = [];
  const add = (field: string, value: unknown) => {
    if (!isValue(value)) return;
    const old = previous[field] ?? null;
    changes.push({ field, old: masked(field, old), new: masked(field, value) });
  };
  for (const [field, value] of Object.entries(patch)) {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, inner] of Object.entries(value)) add(`${field}.${key}`, inner);
    } else add(field, value);
  }
  return changes;
}

export interface AppliedChange {
  cluster: HostCluster;
  /** "cluster" or "tenant:<name>". */
  scope: string;
  dagId: string;
  patch: Readonly<Record<string, unknown>>;
  previous?: Readonly<Record<string, Value | undefined>>;
}

/** Records a change obshell accepted; when framed by an allowed portal, tells it too. */
export async function recordAppliedChange(
  change: AppliedChange,
  api: Pick<typeof historyApi, 'record'> = historyApi,
): Promise<HistoryEntry | undefined> {
  const body: NewHistoryEntry = {
    clusterId: change.cluster.id,
    scope: change.scope,
    dagId: change.dagId,
    changes: changesOf(change.patch, change.previous),
  };
  try {
    const entry = await api.record(body);
    emitHostEvent({ type: 'obdash:change-applied', cluster: change.cluster, entry });
    return entry;
  } catch {
    // The change itself succeeded; the next History visit shows its task as made "outside".
    return undefined;
  }
}

export const isBackupConfigDag = (dag: Pick<Dag, 'name'>) =>
  dag.name === BACKUP_CONFIG_DAG_NAME || dag.name.startsWith(`${BACKUP_CONFIG_DAG_NAME} for `);

const isFinished = (dag: Pick<Dag, 'state'>) => dag.state === 'SUCCEED' || dag.state === 'FAILED';

/** Only the fields the server's reconcile takes (never additional_data: it may quote a URI). */
function summary(dag: Dag) {
  return {
    id: dag.id,
    name: dag.name,
    state: dag.state,
    operator: dag.operator,
    start_time: dag.start_time ?? null,
    end_time: dag.end_time ?? null,
  };
}

const RECONCILE_BATCH = 500;

/**
 * Fills in outcomes from DAGs obshell listed (the History page, from `/task/dags/ob`): entries
 * still open get theirs, unknown backup-config DAGs become "made outside this dashboard" entries.
 */
export async function reconcileDags(
  clusterId: string,
  dags: readonly Dag[],
  api: Pick<typeof historyApi, 'reconcile'> = historyApi,
): Promise<number> {
  const relevant = dags.filter(isBackupConfigDag).map(summary);
  let touched = 0;
  for (let start = 0; start < relevant.length; start += RECONCILE_BATCH) {
    try {
      const result = await api.reconcile(clusterId, relevant.slice(start, start + RECONCILE_BATCH));
      touched += result.updated.length + result.added.length;
    } catch {
      return touched;
    }
  }
  return touched;
}

const reported = new Set<string>();

/**
 * The timeline saw `dag` in a final-looking state: its entry gets the outcome and times. Sent once
 * per DAG and state in a tab (a FAILED DAG that is retried reports again when it ends again).
 */
export function reportDagEnd(
  clusterId: string,
  dag: Dag,
  api: Pick<typeof historyApi, 'reconcile'> = historyApi,
): Promise<number> {
  if (!isBackupConfigDag(dag) || !isFinished(dag)) return Promise.resolve(0);
  const key = `${clusterId}\u0000${dag.id}\u0000${dag.state}\u0000${dag.operator}`;
  if (reported.has(key)) return Promise.resolve(0);
  reported.add(key);
  return reconcileDags(clusterId, [dag], api);
}
