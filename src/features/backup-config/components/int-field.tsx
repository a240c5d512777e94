import { TextInput } from '@mantine/core';
import { useController, type Control } from 'react-hook-form';
import type { FieldBaseline } from '../model/baseline';
import type { BackupConfigFormValues } from '../model/form-values';
import { useIssueText } from '../hooks/use-issue-text';
import { useServerIssue } from '../hooks/use-server-issues';
import { useMessages } from '../../../lib/i18n/messages';
import { backupConfigMessages } from '../messages';
import { FieldHelp } from './field-help';

/** log_archive_concurrency / ha_low_thread_score: typed as text so "1.5" stays visible with its reason. */
export function IntField({
  control,
  name,
  label,
  help,
  baseline,
}: {
  control: Control<BackupConfigFormValues>;
  name: 'log_archive_concurrency' | 'ha_low_thread_score';
  label: string;
  help: string;
  baseline: FieldBaseline;
}) {
  const t = useMessages(backupConfigMessages);
  const issueText = useIssueText();
  const {
    field: { ref, value, onChange, onBlur, name: inputName },
    fieldState,
  } = useController({ control, name });
  const serverIssue = useServerIssue(name, value);
  return (
    <TextInput
      label={label}
      description={<FieldHelp help={help} range="0 – 100" baseline={baseline} />}
      inputMode="numeric"
      styles={{ wrapper: { maxWidth: 360 } }}
      placeholder={t.unchanged}
      autoComplete="off"
      name={inputName}
      ref={ref}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      onBlur={onBlur}
      error={issueText(fieldState.error?.message) ?? issueText(serverIssue)}
    />
  );
}
