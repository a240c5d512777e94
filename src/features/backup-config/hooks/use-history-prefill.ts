import { useEffect } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { useObshell } from '../../../lib/obshell/obshell-context';
import { takeReapply } from '../../../lib/reapply';
import type { BackupConfigFormValues } from '../model/form-values';
import { reapplyValues } from '../model/reapply-values';

/**
 * "Apply again" from the History page: fills the fields with that change's values once, as edits
 * (dirty, validated), so the review shows them as changes and a masked key is asked for again.
 */
export function useHistoryPrefill(form: UseFormReturn<BackupConfigFormValues>) {
  const { clusterKey } = useObshell();
  useEffect(() => {
    const reapply = takeReapply(clusterKey);
    if (!reapply) return;
    const values = reapplyValues(reapply, form.getValues());
    for (const [name, value] of Object.entries(values) as [
      keyof BackupConfigFormValues,
      BackupConfigFormValues[keyof BackupConfigFormValues],
    ][]) {
      form.setValue(name, value, { shouldDirty: true, shouldValidate: true });
    }
  }, [form, clusterKey]);
}
