import { lockedTenant, type Dag } from '../../../lib/obshell/dag';
import { deriveBaseline, type Baseline, type FieldBaseline, type TenantSnapshot } from './baseline';
import { parseLogArchiveDest } from './baseline';

/** Which configuration the form edits; the URL carries it as `?tenant=<name>`. */
export type Scope = { kind: 'cluster' } | { kind: 'tenant'; name: string };

export const TENANT_PARAM = 'tenant';

export function parseScope(search: URLSearchParams): Scope {
  const name = search.get(TENANT_PARAM)?.trim();
  return name ? { kind: 'tenant', name } : { kind: 'cluster' };
}

/** The user tenant a scope names; undefined for an unknown name or sys (never offered). */
export function findScopeTenant(
  scope: Scope,
  tenants: readonly TenantSnapshot[],
): TenantSnapshot | undefined {
  if (scope.kind !== 'tenant') return undefined;
  return tenants.find((t) => t.name === scope.name);
}

/**
 * obshell stores a tenant-level URI as given plus '/' (contract §7); the storage read keeps that
 * '/' on file:// (an object key loses it). Compared and shown without it, so resending the same
 * URI is not a change.
 */
export function withoutTrailingSlash(uri: string): string {
  const q = uri.indexOf('?');
  const path = q < 0 ? uri : uri.slice(0, q);
  const trimmed = path.replace(/\/+$/, '');
  // `file:///` alone has no directory to trim.
  if (trimmed.endsWith(':') || trimmed.endsWith(':/')) return uri;
  return trimmed + (q < 0 ? '' : uri.slice(q));
}

function uriBaseline(tenant: string, uri: string | undefined): FieldBaseline {
  if (uri === undefined || uri === '') return { kind: 'unknown', values: [{ tenant, value: uri }] };
  return { kind: 'common', value: withoutTrailingSlash(uri) };
}

/** One tenant's own values: its storage read as given, its parameters as in cluster scope. */
export function tenantBaseline(snapshot: TenantSnapshot, clusterId: number): Baseline {
  const base = deriveBaseline([snapshot], clusterId);
  const location = parseLogArchiveDest(snapshot.parameters?.log_archive_dest ?? '').LOCATION;
  const archive = snapshot.storage ? snapshot.storage.archive_base_uri : location;
  return {
    ...base,
    backup_base_uri: { kind: 'unknown', values: [] },
    tenant: {
      name: snapshot.name,
      archive: uriBaseline(snapshot.name, archive),
      data: uriBaseline(snapshot.name, snapshot.storage?.data_base_uri),
    },
  };
}

/** Unfinished DAGs that hold the tenant's lock: obshell refuses a tenant-level change meanwhile. */
export function tenantLockHolders(dags: readonly Dag[], tenant: string): Dag[] {
  return dags.filter((dag) => lockedTenant(dag) === tenant);
}
