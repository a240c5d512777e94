import { durationNs } from '../../../lib/backup-rules/duration';
import type { SentChange } from '../../../lib/sent-changes/sent-changes';

/** The fields obshell lets us read back per tenant (§4: no read for binding, delete policy…). */
export type VerifiedField =
  | 'archive_base_uri'
  | 'data_base_uri'
  | 'log_archive_concurrency'
  | 'ha_low_thread_score'
  | 'archive_lag_target';

export interface FieldDiff {
  field: VerifiedField;
  expected: string;
  /** null: obshell gave no value (unset destination, parameter absent). */
  actual: string | null;
}

/** One tenant as read back: storage and/or parameters, each undefined while still being read. */
export interface TenantReadBack {
  tenant: string;
  tenantId: number;
  storage?: { archive_base_uri?: string | null; data_base_uri?: string | null } | undefined;
  parameters?: Record<string, string> | undefined;
  /** A read failed: the tenant cannot be verified (its message, shown as text). */
  error?: string | undefined;
}

export type TenantVerdict =
  | { tenant: string; kind: 'verified' }
  | { tenant: string; kind: 'differs'; diffs: FieldDiff[] }
  | { tenant: string; kind: 'pending' }
  | { tenant: string; kind: 'unread'; error: string };

/** Query parameters obshell keeps when it renders a stored destination (§4); others are dropped. */
const RENDERED_PARAMS = new Set(['host', 'appid', 's3_region', 'delete_mode']);

function splitUri(uri: string): { path: string; params: string[] } {
  const at = uri.indexOf('?');
  const rawPath = at < 0 ? uri : uri.slice(0, at);
  const params = (at < 0 ? '' : uri.slice(at + 1))
    .split('&')
    .filter((pair) => RENDERED_PARAMS.has(pair.split('=')[0]?.toLowerCase() ?? ''));
  return { path: rawPath.replace(/\/+$/, ''), params: params.sort() };
}

/** Where obshell puts a tenant's archive or data after a cluster-level set: `<base>/<cid>/<tid>/<dir>`. */
export function expectedDestination(
  base: string,
  clusterId: number,
  tenantId: number,
  dir: 'clog' | 'data',
): string {
  const { path, params } = splitUri(base);
  const full = `${path}/${String(clusterId)}/${String(tenantId)}/${dir}`;
  return params.length > 0 ? `${full}?${params.join('&')}` : full;
}

/** Same destination, whatever the parameter order or a trailing '/' (credentials never compared). */
export function sameDestination(expected: string, actual: string | null | undefined): boolean {
  if (!actual) return false;
  const a = splitUri(expected);
  const b = splitUri(actual);
  return a.path === b.path && a.params.join('&') === b.params.join('&');
}

/** Durations compare by value ("120s" = "2m"); anything unparsable compares as lower-cased text. */
function sameDuration(expected: string, actual: string): boolean {
  const a = durationNs(expected.trim());
  const b = durationNs(actual.trim());
  if (a !== undefined && b !== undefined) return a === b;
  return expected.trim().toLowerCase() === actual.trim().toLowerCase();
}

/** Which reads a tenant needs for this change. */
export function readsNeeded(sent: SentChange): { storage: boolean; parameters: boolean } {
  return {
    storage: sent.backupBaseUri !== undefined,
    parameters:
      sent.logArchiveConcurrency !== undefined ||
      sent.haLowThreadScore !== undefined ||
      sent.archiveLagTarget !== undefined,
  };
}

export function verifyTenant(
  sent: SentChange,
  clusterId: number,
  read: TenantReadBack,
): TenantVerdict {
  const { tenant } = read;
  if (read.error !== undefined) return { tenant, kind: 'unread', error: read.error };
  const needs = readsNeeded(sent);
  if ((needs.storage && !read.storage) || (needs.parameters && !read.parameters)) {
    return { tenant, kind: 'pending' };
  }
  const diffs: FieldDiff[] = [];
  if (sent.backupBaseUri !== undefined && read.storage) {
    for (const [field, dir] of [
      ['archive_base_uri', 'clog'],
      ['data_base_uri', 'data'],
    ] as const) {
      const expected = expectedDestination(sent.backupBaseUri, clusterId, read.tenantId, dir);
      const actual = read.storage[field] ?? null;
      if (!sameDestination(expected, actual))
        diffs.push({ field, expected, actual: actual || null });
    }
  }
  const params = read.parameters ?? {};
  const ints = [
    ['log_archive_concurrency', sent.logArchiveConcurrency],
    ['ha_low_thread_score', sent.haLowThreadScore],
  ] as const;
  for (const [field, value] of ints) {
    if (value === undefined) continue;
    const actual = params[field] ?? null;
    if (actual === null || Number(actual) !== value) {
      diffs.push({ field, expected: String(value), actual });
    }
  }
  if (sent.archiveLagTarget !== undefined) {
    const actual = params.archive_lag_target ?? null;
    if (actual === null || !sameDuration(sent.archiveLagTarget, actual)) {
      diffs.push({ field: 'archive_lag_target', expected: sent.archiveLagTarget, actual });
    }
  }
  return diffs.length > 0 ? { tenant, kind: 'differs', diffs } : { tenant, kind: 'verified' };
}

export interface VerifySummary {
  total: number;
  verified: number;
  differs: number;
  unread: number;
  pending: number;
}

export function summarizeVerdicts(verdicts: TenantVerdict[]): VerifySummary {
  const count = (kind: TenantVerdict['kind']) => verdicts.filter((v) => v.kind === kind).length;
  return {
    total: verdicts.length,
    verified: count('verified'),
    differs: count('differs'),
    unread: count('unread'),
    pending: count('pending'),
  };
}
