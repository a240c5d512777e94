import { isMaskedSecret, type Reapply } from '../../../lib/reapply';
import type { BackupConfigFormValues } from './form-values';
import { parseUri } from './storage-uri';

type Prefill = Partial<BackupConfigFormValues>;
const text = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;

/**
 * The form values for "Apply again" (History page, src/lib/reapply.ts): each recorded new value
 * in its field. A destination whose credentials were masked in the history comes back with the
 * key empty, so the form asks for it; a value this form cannot show is left out.
 */
export function reapplyValues(reapply: Reapply, current: BackupConfigFormValues): Prefill {
  const { values } = reapply;
  const out: Prefill = {};
  const uri = text(values.backup_base_uri);
  const destination = uri === undefined ? undefined : parseUri(uri);
  if (destination) {
    for (const name of ['access_id', 'access_key'] as const) {
      if (isMaskedSecret(destination[name])) destination[name] = '';
    }
    // The recorded URI never held the key in clear: it must be typed again.
    out.destination = { ...destination, access_key: '' };
  }
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
