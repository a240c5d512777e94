import type { FieldPath } from 'react-hook-form';
import type { BackupConfigFormValues } from './form-values';

type FormField = FieldPath<BackupConfigFormValues>;

const DESTINATION_FIELDS = [
  'destination.scheme',
  'destination.path',
  'destination.host',
  'destination.access_id',
  'destination.access_key',
  'destination.appid',
  'destination.s3_region',
] as const satisfies readonly FormField[];

const DATA_DESTINATION_FIELDS = DESTINATION_FIELDS.map(
  (field) => `data_${field}` as const,
) satisfies readonly FormField[];

/**
 * Fields whose rules read other fields (form-schema.ts): the destination is required once binding
 * or piece_switch_interval changes, and the lag floor follows the destination's scheme and whether
 * a URI is sent at all. Any of these inputs changing re-checks all of them.
 */
const URI_GROUP: readonly FormField[] = [
  ...DESTINATION_FIELDS,
  'binding',
  'piece_switch_interval',
  'archive_lag_target',
];

/**
 * What else to re-validate when `name` changed (the changed field itself is validated by the form's
 * onChange mode). `undefined` (a reset, or a change we cannot attribute) means every field.
 */
export function dependentFields(name: string | undefined): FormField[] | undefined {
  if (name === undefined) return undefined;
  if (name.startsWith('destination.') || name === 'binding' || name === 'piece_switch_interval') {
    return URI_GROUP.filter((field) => field !== name);
  }
  if (name === 'delete_policy.change') return ['delete_policy.recovery_window'];
  // Tenant scope: the data destination's parts check one another (cos appid, required host…).
  if (name.startsWith('data_destination.')) {
    return DATA_DESTINATION_FIELDS.filter((field) => field !== name);
  }
  return [];
}
