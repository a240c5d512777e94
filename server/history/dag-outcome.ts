import type { Outcome, ReconcileDag } from './entry-schema.ts';

/**
 * What a DAG's state and operator mean for a history entry (contract §5): SUCCEED+RUN/RETRY
 * applied, SUCCEED+PASS not applied, SUCCEED+ROLLBACK rolled back, FAILED+CANCEL cancelled,
 * other FAILED failed (may still be retried), anything else still running.
 */
export function outcomeOfDag(dag: Pick<ReconcileDag, 'state' | 'operator'>): Outcome {
  const state = dag.state.toUpperCase();
  const operator = dag.operator.toUpperCase();
  if (state === 'SUCCEED') {
    if (operator === 'PASS') return 'passed';
    if (operator === 'ROLLBACK') return 'rolled_back';
    return 'succeeded';
  }
  if (state === 'FAILED') return operator === 'CANCEL' ? 'cancelled' : 'failed';
  return 'pending';
}

const CLUSTER_DAG = 'Set obcluster backup config';
const TENANT_DAG_PREFIX = `${CLUSTER_DAG} for `;

/** The scope of a backup-config DAG by its name; undefined for every other DAG. */
export function scopeOfDag(name: string): string | undefined {
  if (name === CLUSTER_DAG) return 'cluster';
  if (name.startsWith(TENANT_DAG_PREFIX)) {
    const tenant = name.slice(TENANT_DAG_PREFIX.length);
    return /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(tenant) ? `tenant:${tenant}` : undefined;
  }
  return undefined;
}

/** obshell times are RFC 3339 with nanoseconds; Go's zero time means "not set". */
export function dagTimeMs(value: string | null | undefined): number | null {
  if (!value || value.startsWith('0001-01-01')) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}
