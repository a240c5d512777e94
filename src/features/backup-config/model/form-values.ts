import { z } from 'zod';
import { commonValue, type Baseline } from './baseline';
import { destinationSchema, EMPTY_DESTINATION, parseUri } from './storage-uri';

/**
 * What the inputs hold: text as typed (so a refused value stays on screen with its reason). "" in a
 * field means "leave unchanged" where no common current value is known. The rules that depend on
 * the baseline are added by `createBackupConfigSchema` (form-schema.ts).
 */
export const formValuesSchema = z.object({
  destination: destinationSchema,
  /** Tenant scope only: data_base_uri (`destination` is then archive_base_uri). */
  data_destination: destinationSchema.optional(),
  log_archive_concurrency: z.string(),
  ha_low_thread_score: z.string(),
  binding: z.enum(['', 'OPTIONAL', 'MANDATORY']),
  piece_switch_interval: z.string(),
  archive_lag_target: z.string(),
  delete_policy: z.object({
    change: z.boolean(),
    policy: z.literal('default'),
    recovery_window: z.string(),
  }),
});

export type BackupConfigFormValues = z.infer<typeof formValuesSchema>;

/** Starting values: each field's common current value, else empty (= unchanged). */
function destinationOf(uri: string | undefined) {
  return (uri !== undefined ? parseUri(uri) : undefined) ?? { ...EMPTY_DESTINATION };
}

export function initialValues(baseline: Baseline): BackupConfigFormValues {
  const { tenant } = baseline;
  const uri = commonValue(tenant ? tenant.archive : baseline.backup_base_uri);
  const binding = commonValue(baseline.binding);
  return {
    destination: destinationOf(uri),
    ...(tenant && { data_destination: destinationOf(commonValue(tenant.data)) }),
    log_archive_concurrency: commonValue(baseline.log_archive_concurrency) ?? '',
    ha_low_thread_score: commonValue(baseline.ha_low_thread_score) ?? '',
    binding: binding === 'OPTIONAL' || binding === 'MANDATORY' ? binding : '',
    piece_switch_interval: commonValue(baseline.piece_switch_interval) ?? '',
    archive_lag_target: commonValue(baseline.archive_lag_target) ?? '',
    delete_policy: { change: false, policy: 'default', recovery_window: '' },
  };
}
