import { isMaskedSecret, type Reapply } from '../../../lib/reapply';
import type { BackupConfigFormValues } from './form-values';
import { parseUri } from './storage-uri';

type Prefill = Partial<BackupConfigFormValues>;
const text = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;

/** A recorded URI as the form's destination; the key was never recorded in clear: typed again. */
function destinationOf(value: unknown): BackupConfigFormValues['destination'] | undefined {
  const uri = text(value);
  const destination = uri === undefined ? undefined : parseUri(uri);
  if (!destination) return undefined;
  for (const name of ['access_id', 'access_key'] as const) {
    if (isMaskedSecret(destination[name])) destination[name] = '';
  }
  return { ...destination, access_key: '' };
}

/**
 * The form values for "Apply again" (History page, src/lib/reapply.ts): each recorded new value
 * in its field. A destination whose credentials were masked in the history comes back with the
 * key empty, so the form asks for it; a value this form cannot show is left out. A tenant-scope
 * form (it has `data_destination`) takes archive_base_uri and data_base_uri, a cluster form
 * backup_base_uri: the page opens the scope the entry was made in (`takeReapply`).
 */
export function reapplyValues(reapply: Reapply, current: BackupConfigFormValues): Prefill {
  const { values } = reapply;
  const out: Prefill = {};
  // Tenant scope (§7) records the tenant's own two destinations; cluster scope, backup_base_uri.
  const tenantForm = current.data_destination !== undefined;
  const destination = destinationOf(values[tenantForm ? 'archive_base_uri' : 'backup_base_uri']);
  if (destination) out.destination = destination;
  const data = tenantForm ? destinationOf(values.data_base_uri) : undefined;
  if (data) out.data_destination = data;
  for (const name of [
    'log_archive_concurrency',
    'ha_low_thread_score',
    'piece_switch_interval',
    'archive_lag_target',
  ] as const) {
    const value = text(values[name]);
    if (value !== undefined) out[name] = value;
  }
  const binding = text(values.binding)?.toUpperCase();
  if (binding === 'OPTIONAL' || binding === 'MANDATORY') out.binding = binding;
  const window = text(values['delete_policy.recovery_window']);
  if (window !== undefined) {
    out.delete_policy = { ...current.delete_policy, change: true, recovery_window: window };
  }
  return out;
}
