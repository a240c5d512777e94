import { durationNs } from '../../../lib/backup-rules/duration';
import { commonValue, type Baseline, type FieldBaseline } from './baseline';
import type { BackupConfigFormValues } from './form-values';
import { checkDuration, checkIntField } from './rules';
import { composeUri, isFilled, type Destination } from './storage-uri';

/** The PATCH body: every key optional, absent = unchanged (contract §4; tenant scope §7). */
export interface BackupConfigPatch {
  backup_base_uri?: string;
  data_base_uri?: string;
  archive_base_uri?: string;
  log_archive_concurrency?: number;
  binding?: string;
  ha_low_thread_score?: number;
  piece_switch_interval?: string;
  archive_lag_target?: string;
  delete_policy?: { policy: string; recovery_window: string };
}

export type ChangedField =
  | 'backup_base_uri'
  | 'archive_base_uri'
  | 'data_base_uri'
  | 'log_archive_concurrency'
  | 'ha_low_thread_score'
  | 'binding'
  | 'piece_switch_interval'
  | 'archive_lag_target'
  | 'delete_policy';

export interface ChangeAnalysis {
  /** Fields the user changed (the URI only when the destination itself changed). */
  dirty: Set<ChangedField>;
  /** The body key of the form's `destination`: archive_base_uri in tenant scope. */
  uriKey: 'backup_base_uri' | 'archive_base_uri';
  /** Tenant scope: the data destination's URI when it changed. */
  dataUri: string | undefined;
  /** The destination has any input at all. */
  destinationFilled: boolean;
  /** Fields that force backup_base_uri into the body (the server's PATCH rule). */
  uriRequiredBy: ('binding' | 'piece_switch_interval')[];
  /** The URI will be in the body (changed, or required by binding/piece_switch_interval). */
  uriSent: boolean;
  composedUri: string | undefined;
}

/**
 * obshell renders the current destination without access_id/access_key (contract §4), so the form
 * starts with empty credentials: typing them is a change (a key rotation), leaving them empty is
 * not.
 */
function destinationChanged(d: Destination, currentUri: string | undefined): boolean {
  if (d.scheme !== 'file' && (d.access_id !== '' || d.access_key !== '')) return true;
  return composeUri(d, { secrets: false }) !== currentUri;
}

function intDirty(text: string, base: FieldBaseline): boolean {
  if (text === '') return false;
  const current = commonValue(base);
  if (current === undefined) return true;
  const parsed = checkIntField(text);
  return parsed.ok ? parsed.value !== Number(current) : text !== current;
}

function durationDirty(text: string, base: FieldBaseline): boolean {
  if (text === '') return false;
  const current = commonValue(base);
  if (current === undefined) return true;
  const next = durationNs(text);
  const now = durationNs(current);
  return next === undefined || now === undefined ? text !== current : next !== now;
}

export function analyzeChanges(values: BackupConfigFormValues, baseline: Baseline): ChangeAnalysis {
  const dirty = new Set<ChangedField>();
  const { tenant } = baseline;
  const uriKey = tenant ? 'archive_base_uri' : 'backup_base_uri';
  const d = values.destination;
  const destinationFilled = isFilled(d);
  const composedUri = destinationFilled ? composeUri(d) : undefined;
  const currentUri = commonValue(tenant ? tenant.archive : baseline.backup_base_uri);
  if (destinationFilled && destinationChanged(d, currentUri)) dirty.add(uriKey);
  const data = tenant ? values.data_destination : undefined;
  const dataChanged =
    tenant !== undefined &&
    data !== undefined &&
    isFilled(data) &&
    destinationChanged(data, commonValue(tenant.data));
  if (dataChanged) dirty.add('data_base_uri');
  if (intDirty(values.log_archive_concurrency, baseline.log_archive_concurrency)) {
    dirty.add('log_archive_concurrency');
  }
  if (intDirty(values.ha_low_thread_score, baseline.ha_low_thread_score)) {
    dirty.add('ha_low_thread_score');
  }
  if (values.binding !== '' && values.binding !== commonValue(baseline.binding))
    dirty.add('binding');
  if (durationDirty(values.piece_switch_interval, baseline.piece_switch_interval)) {
    dirty.add('piece_switch_interval');
  }
  if (durationDirty(values.archive_lag_target, baseline.archive_lag_target)) {
    dirty.add('archive_lag_target');
  }
  if (values.delete_policy.change) dirty.add('delete_policy');
  const uriRequiredBy = (['binding', 'piece_switch_interval'] as const).filter((f) => dirty.has(f));
  const uriSent = dirty.has(uriKey) || uriRequiredBy.length > 0;
  const dataUri = dataChanged ? composeUri(data) : undefined;
  return { dirty, uriKey, dataUri, destinationFilled, uriRequiredBy, uriSent, composedUri };
}

/** The body to PATCH: only dirty fields, normalized the way obshell normalizes them. */
export function buildPatchBody(
  values: BackupConfigFormValues,
  analysis: ChangeAnalysis,
): BackupConfigPatch {
  const body: BackupConfigPatch = {};
  const { dirty } = analysis;
  if (analysis.dataUri !== undefined) body.data_base_uri = analysis.dataUri;
  if (analysis.uriSent && analysis.composedUri !== undefined) {
    body[analysis.uriKey] = analysis.composedUri;
  }
  if (dirty.has('log_archive_concurrency')) {
    body.log_archive_concurrency = Number(values.log_archive_concurrency);
  }
  if (dirty.has('binding')) body.binding = values.binding;
  if (dirty.has('ha_low_thread_score'))
    body.ha_low_thread_score = Number(values.ha_low_thread_score);
  const canonical = (text: string) => {
    const checked = checkDuration(text);
    return checked.ok ? checked.text : text;
  };
  if (dirty.has('piece_switch_interval')) {
    body.piece_switch_interval = canonical(values.piece_switch_interval);
  }
  if (dirty.has('archive_lag_target'))
    body.archive_lag_target = canonical(values.archive_lag_target);
  if (dirty.has('delete_policy')) {
    body.delete_policy = {
      policy: values.delete_policy.policy,
      recovery_window: canonical(values.delete_policy.recovery_window),
    };
  }
  return body;
}

/**
 * Whether archive_lag_target must be ≥ 1m. obshell checks that only when an s3:// URI is in the
 * body; when no URI is sent, OceanBase checks the current destination while the DAG runs (and the
 * DAG fails), so the floor also applies when a tenant's current destination is S3.
 */
export function lagNeedsS3Floor(
  values: BackupConfigFormValues,
  analysis: ChangeAnalysis,
  baseline: Baseline,
): boolean {
  if (analysis.uriSent) return values.destination.scheme === 's3';
  const base = baseline.tenant?.archive ?? baseline.backup_base_uri;
  const uris = base.kind === 'common' ? [base.value] : base.values.map((v) => v.value ?? '');
  return uris.some((uri) => uri.startsWith('s3://'));
}
