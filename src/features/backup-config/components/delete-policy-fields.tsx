import { Fieldset, NativeSelect, Stack, Switch } from '@mantine/core';
import { useMessages } from '../../../lib/i18n/messages';
import { useBoundField } from '../hooks/use-bound-field';
import { backupConfigMessages } from '../messages';
import { DurationField } from './duration-field';
import { FieldHelp } from './field-help';

/** delete_policy: off = leave the current policy alone (obshell has no read-back for it). */
export function DeletePolicyFields() {
  const t = useMessages(backupConfigMessages);
  const {
    field: { ref: changeRef, value: changing, onChange: onChangeToggle, name: changeName },
  } = useBoundField('delete_policy.change');
  const {
    field: { ref: policyRef, value: policy, onChange: onPolicy, name: policyName },
    error: policyError,
  } = useBoundField('delete_policy.policy');
  return (
    <Fieldset legend={t.deletePolicyTitle}>
      <Stack gap="sm">
        <Switch
          label={t.deletePolicyChange}
          description={t.deletePolicyHelp}
          name={changeName}
          ref={changeRef}
          checked={changing}
          onChange={(event) => onChangeToggle(event.currentTarget.checked)}
        />
        {changing && (
          <>
            <NativeSelect
              label={t.policyLabel}
              description={<FieldHelp help={t.policyHelp} />}
              name={policyName}
              ref={policyRef}
              value={policy}
              onChange={(event) => onPolicy(event.currentTarget.value)}
              data={[{ value: 'default', label: 'default' }]}
              error={policyError}
              styles={{ wrapper: { maxWidth: 360 } }}
            />
            <DurationField
              name="delete_policy.recovery_window"
              label={t.recoveryLabel}
              help={t.recoveryHelp}
              range="1ns – 365d"
              defaultUnit="d"
            />
          </>
        )}
      </Stack>
    </Fieldset>
  );
}
