import { createContext, useContext, type ReactNode } from 'react';
import type { Control } from 'react-hook-form';
import type { BackupConfigFormValues } from '../model/form-values';

/**
 * The form's `control`, which react-hook-form keeps stable for the form's life: unlike
 * `FormProvider` (a new value on each render of the form), this context never re-renders the
 * memoized fields.
 */
const FormControlContext = createContext<Control<BackupConfigFormValues> | null>(null);

export function FormControlProvider({
  control,
  children,
}: {
  control: Control<BackupConfigFormValues>;
  children: ReactNode;
}) {
  return <FormControlContext.Provider value={control}>{children}</FormControlContext.Provider>;
}

export function useFormControl(): Control<BackupConfigFormValues> {
  const control = useContext(FormControlContext);
  if (!control) throw new Error('useFormControl must be used inside <FormControlProvider>');
  return control;
}
