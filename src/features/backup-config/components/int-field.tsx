import { TextInput } from '@mantine/core';
import { useMessages } from '../../../lib/i18n/messages';
import { useBoundField } from '../hooks/use-bound-field';
import type { FieldBaseline } from '../model/baseline';
import { backupConfigMessages } from '../messages';
import { FieldHelp } from './field-help';

/** log_archive_concurrency / ha_low_thread_score: typed as text so "1.5" stays visible with its reason. */
export function IntField({
  name,
  label,
  help,
  baseline,
}: {
  name: 'log_archive_concurrency' | 'ha_low_thread_score';
  label: string;
  help: string;
  baseline: FieldBaseline;
}) {
  const t = useMessages(backupConfigMessages);
  const {
    field: { ref, value, onChange, onBlur, name: inputName },
    error,
  } = useBoundField(name);
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
      error={error}
    />
  );
}
