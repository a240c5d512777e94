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
  /** undefined: could not be read (e.g. storage hidden because the URI carries secrets). */
  value: string | undefined;
}

export type FieldBaseline =
  | { kind: 'common'; value: string }
  | { kind: 'differs'; values: TenantValue[] }
  | { kind: 'unknown'; values: TenantValue[] };

export type Baseline = Record<BaselineField, FieldBaseline>;

export interface TenantSnapshot {
  name: string;
  tenantId: number;
  storage: { archive_base_uri?: string | undefined; data_base_uri?: string | undefined } | null;
  /** parameter name → value (as obshell lists them). */
  parameters: Record<string, string>;
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
  const dest = parseLogArchiveDest(tenant.parameters.log_archive_dest ?? '');
  const archiveUri = tenant.storage?.archive_base_uri || dest.LOCATION;
  const base = archiveUri
    ? (stripTenantSuffix(archiveUri, clusterId, tenant.tenantId, 'clog') ?? archiveUri)
    : undefined;
  return {
    backup_base_uri: base,
    log_archive_concurrency: tenant.parameters.log_archive_concurrency,
    ha_low_thread_score: tenant.parameters.ha_low_thread_score,
    binding: dest.BINDING?.toUpperCase(),
    piece_switch_interval: dest.PIECE_SWITCH_INTERVAL?.toLowerCase(),
    archive_lag_target: tenant.parameters.archive_lag_target?.toLowerCase(),
  };
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
  return Object.fromEntries(entries) as Baseline;
}

export function commonValue(baseline: FieldBaseline): string | undefined {
  return baseline.kind === 'common' ? baseline.value : undefined;
}
