import { Fieldset, NativeSelect, Stack, Switch } from '@mantine/core';
import { useController, type Control } from 'react-hook-form';
import { useMessages } from '../../../lib/i18n/messages';
import { useIssueText } from '../hooks/use-issue-text';
import { useServerIssue } from '../hooks/use-server-issues';
import type { BackupConfigFormValues } from '../model/form-values';
import { backupConfigMessages } from '../messages';
import { DurationField } from './duration-field';
import { FieldHelp } from './field-help';

/** delete_policy: off = leave the current policy alone (obshell has no read-back for it). */
export function DeletePolicyFields({ control }: { control: Control<BackupConfigFormValues> }) {
  const t = useMessages(backupConfigMessages);
  const issueText = useIssueText();
  const {
    field: { ref: changeRef, value: changing, onChange: onChangeToggle, name: changeName },
  } = useController({ control, name: 'delete_policy.change' });
  const {
    field: { ref: policyRef, value: policy, onChange: onPolicy, name: policyName },
  } = useController({ control, name: 'delete_policy.policy' });
  const policyServerIssue = useServerIssue('delete_policy.policy', policy);
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
              error={issueText(policyServerIssue)}
              styles={{ wrapper: { maxWidth: 360 } }}
            />
            <DurationField
              control={control}
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
