import { stripTenantSuffix } from './storage-uri';

/**
 * obshell has no GET for the cluster-level configuration, so the form's starting point is derived
 * from every user tenant's storage and parameters: a value where all tenants agree, the per-tenant
 * values where they do not.
 */
export const BASELINE_FIELDS = [
  'backup_base_uri',
  'log_archive_concurrency',
  'ha_low_thread_score',
  'binding',
  'piece_switch_interval',
  'archive_lag_target',
] as const;
export type BaselineField = (typeof BASELINE_FIELDS)[number];

export interface TenantValue {
  tenant: string;
  /**
   * undefined: could not be read (storage hidden because the URI carries secrets, parameters of a
   * tenant that is not NORMAL, a destination set per tenant that has no cluster-level base).
   */
  value: string | undefined;
}

export type FieldBaseline =
  | { kind: 'common'; value: string }
  | { kind: 'differs'; values: TenantValue[] }
  | { kind: 'unknown'; values: TenantValue[] };

/** Tenant scope (contract §7): that tenant's own destinations, used as given (no suffix). */
export interface TenantScopeBaseline {
  name: string;
  archive: FieldBaseline;
  data: FieldBaseline;
}

/** `tenant` is set in tenant scope; the form's destination is then archive_base_uri. */
export type Baseline = Record<BaselineField, FieldBaseline> & { tenant?: TenantScopeBaseline };

export interface TenantSnapshot {
  name: string;
  tenantId: number;
  storage: { archive_base_uri?: string | undefined; data_base_uri?: string | undefined } | null;
  /** parameter name → value (as obshell lists them); null when obshell would not read them. */
  parameters: Record<string, string> | null;
  /** The tenant's status when it is not NORMAL (obshell reads parameters of NORMAL tenants only). */
  notNormalStatus?: string | undefined;
  /** Its reads have not all answered yet: every value is still unknown, not "unreadable". */
  pending?: boolean | undefined;
}

/** `LOCATION=... BINDING=OPTIONAL PIECE_SWITCH_INTERVAL=1d` → { LOCATION, BINDING, ... } */
export function parseLogArchiveDest(value: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const match of value.matchAll(/([A-Za-z_]+)=("[^"]*"|'[^']*'|\S+)/g)) {
    const key = (match[1] ?? '').toUpperCase();
    out[key] = (match[2] ?? '').replace(/^["']|["']$/g, '');
  }
  return out;
}

export function tenantValues(
  tenant: TenantSnapshot,
  clusterId: number,
): Record<BaselineField, string | undefined> {
  const parameters = tenant.parameters ?? {};
  const dest = parseLogArchiveDest(parameters.log_archive_dest ?? '');
  return {
    backup_base_uri: baseUri(tenant, clusterId, dest.LOCATION),
    log_archive_concurrency: parameters.log_archive_concurrency,
    ha_low_thread_score: parameters.ha_low_thread_score,
    binding: dest.BINDING?.toUpperCase(),
    piece_switch_interval: dest.PIECE_SWITCH_INTERVAL?.toLowerCase(),
    archive_lag_target: parameters.archive_lag_target?.toLowerCase(),
  };
}

/**
 * The cluster-level base URI a tenant's destinations were set from: obshell renders them as
 * `<base>/<cluster_id>/<tenant_id>/clog` and `…/data` (contract §4), so the suffix is stripped.
 * "" when nothing is set. undefined when unknown — also for a destination set per tenant (no
 * suffix): resending it as a base would move that tenant's backups.
 */
export function baseUri(
  tenant: TenantSnapshot,
  clusterId: number,
  location?: string,
): string | undefined {
  const archive = tenant.storage?.archive_base_uri ?? location;
  const data = tenant.storage?.data_base_uri;
  if (archive === undefined && data === undefined) return undefined;
  if (archive) return stripTenantSuffix(archive, clusterId, tenant.tenantId, 'clog');
  if (data) return stripTenantSuffix(data, clusterId, tenant.tenantId, 'data');
  return '';
}

export function deriveBaseline(tenants: TenantSnapshot[], clusterId: number): Baseline {
  const perTenant = tenants.map((t) => ({ tenant: t.name, values: tenantValues(t, clusterId) }));
  const entries = BASELINE_FIELDS.map((field): [BaselineField, FieldBaseline] => {
    const values = perTenant.map((t) => ({ tenant: t.tenant, value: t.values[field] }));
    const distinct = new Set(values.map((v) => v.value));
    const first = values[0]?.value;
    if (values.length > 0 && distinct.size === 1 && first !== undefined && first !== '') {
      return [field, { kind: 'common', value: first }];
    }
    const known = values.some((v) => v.value !== undefined);
    return [
      field,
      known && distinct.size > 1 ? { kind: 'differs', values } : { kind: 'unknown', values },
    ];
  });
  return Object.fromEntries(entries) as Record<BaselineField, FieldBaseline>;
}

export function commonValue(baseline: FieldBaseline): string | undefined {
  return baseline.kind === 'common' ? baseline.value : undefined;
}

/**
 * The form's baseline while the tenants are still being read: nothing is known yet, so every field
 * starts empty (= leave unchanged). It never reaches a review: Review waits for the complete
 * baseline, which then fills the fields the user has not touched.
 */
export function readingBaseline(tenant?: string): Baseline {
  const unknown = (): FieldBaseline => ({ kind: 'unknown', values: [] });
  const fields = Object.fromEntries(BASELINE_FIELDS.map((f) => [f, unknown()])) as Record<
    BaselineField,
    FieldBaseline
  >;
  return tenant === undefined
    ? fields
    : { ...fields, tenant: { name: tenant, archive: unknown(), data: unknown() } };
}
