import { NativeSelect } from '@mantine/core';
import { useMessages } from '../../../lib/i18n/messages';
import { useBoundField } from '../hooks/use-bound-field';
import type { FieldBaseline } from '../model/baseline';
import { backupConfigMessages } from '../messages';
import { FieldHelp } from './field-help';

/** binding: "Keep current" sends nothing; OPTIONAL / MANDATORY need backup_base_uri sent too. */
export function BindingField({ baseline, help }: { baseline: FieldBaseline; help?: string }) {
  const t = useMessages(backupConfigMessages);
  const {
    field: { ref, value, onChange, name },
    error,
  } = useBoundField('binding');
  return (
    <NativeSelect
      label={t.bindingLabel}
      description={<FieldHelp help={help ?? t.bindingHelp} baseline={baseline} />}
      name={name}
      ref={ref}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
      styles={{ wrapper: { maxWidth: 360 } }}
      data={[
        { value: '', label: t.keepCurrent },
        { value: 'OPTIONAL', label: t.bindingOptional },
        { value: 'MANDATORY', label: t.bindingMandatory },
      ]}
    />
  );
}
