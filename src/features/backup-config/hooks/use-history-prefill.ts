import { useEffect } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { useObshell } from '../../../lib/obshell/obshell-context';
import { takeReapply } from '../../../lib/reapply';
import type { BackupConfigFormValues } from '../model/form-values';
import { reapplyValues } from '../model/reapply-values';

/**
 * "Apply again" from the History page: fills the fields with that change's values once, as edits
 * (dirty, validated), so the review shows them as changes and a masked key is asked for again.
 * `scope`: the form's ("cluster" or "tenant:<name>"); the History page opens the entry's scope.
 */
export function useHistoryPrefill(form: UseFormReturn<BackupConfigFormValues>, scope: string) {
  const { clusterKey } = useObshell();
  useEffect(() => {
    const reapply = takeReapply(clusterKey, scope);
    if (!reapply) return;
    const values = reapplyValues(reapply, form.getValues());
    for (const [name, value] of Object.entries(values) as [
      keyof BackupConfigFormValues,
      BackupConfigFormValues[keyof BackupConfigFormValues],
    ][]) {
      form.setValue(name, value, { shouldDirty: true, shouldValidate: true });
    }
  }, [form, clusterKey, scope]);
}
