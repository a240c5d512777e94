import { commonValue, type Baseline } from './baseline';
import { EMPTY_DESTINATION, parseUri, type Destination } from './storage-uri';

/**
 * What the inputs hold: text as typed (so a refused value stays on screen with its reason). "" in a
 * field means "leave unchanged" where no common current value is known.
 */
export interface BackupConfigFormValues {
  destination: Destination;
  log_archive_concurrency: string;
  ha_low_thread_score: string;
  binding: '' | 'OPTIONAL' | 'MANDATORY';
  piece_switch_interval: string;
  archive_lag_target: string;
  delete_policy: { change: boolean; policy: 'default'; recovery_window: string };
}

/** Starting values: each field's common current value, else empty (= unchanged). */
export function initialValues(baseline: Baseline): BackupConfigFormValues {
  const uri = commonValue(baseline.backup_base_uri);
  const binding = commonValue(baseline.binding);
  return {
    destination: (uri !== undefined ? parseUri(uri) : undefined) ?? { ...EMPTY_DESTINATION },
    log_archive_concurrency: commonValue(baseline.log_archive_concurrency) ?? '',
    ha_low_thread_score: commonValue(baseline.ha_low_thread_score) ?? '',
    binding: binding === 'OPTIONAL' || binding === 'MANDATORY' ? binding : '',
    piece_switch_interval: commonValue(baseline.piece_switch_interval) ?? '',
    archive_lag_target: commonValue(baseline.archive_lag_target) ?? '',
    delete_policy: { change: false, policy: 'default', recovery_window: '' },
  };
}
