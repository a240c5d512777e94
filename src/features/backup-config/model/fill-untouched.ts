import type { UseFormReturn } from 'react-hook-form';
import type { BackupConfigFormValues } from './form-values';

type FieldName = keyof BackupConfigFormValues;

/**
 * The complete read arrived: its values fill the fields the user has not touched. What was typed
 * stays, and so does the field being typed in: filling it under the caret would make the next key
 * append to the new value ("0" then "7" gives "07"). It keeps its empty "unchanged" until edited.
 */
export function fillUntouched(
  form: UseFormReturn<BackupConfigFormValues>,
  values: BackupConfigFormValues,
  focusedName: string,
) {
  for (const name of Object.keys(values) as FieldName[]) {
    const focused = focusedName === name || focusedName.startsWith(`${name}.`);
    if (focused || form.getFieldState(name).isDirty) continue;
    form.resetField(name, { defaultValue: values[name] });
  }
}

/** The `name` of the form control that has the focus ('' when none). */
export function focusedFieldName(): string {
  const active = document.activeElement;
  return active instanceof HTMLInputElement || active instanceof HTMLSelectElement
    ? active.name
    : '';
}
