import { useController, type FieldPath } from 'react-hook-form';
import type { BackupConfigFormValues } from '../model/form-values';
import { useFormControl } from './use-form-control';
import { useIssueText } from './use-issue-text';
import { useServerIssue } from './use-server-issues';

export type FormField = FieldPath<BackupConfigFormValues>;

/**
 * One form field bound for a Mantine input: react-hook-form's field, and the one error to show —
 * the form's own rule first, else obshell's rejection while the field still holds the refused value
 * — already in the current language.
 */
export function useBoundField<N extends FormField>(name: N) {
  const control = useFormControl();
  const { field, fieldState } = useController({ control, name });
  const issueText = useIssueText();
  const serverIssue = useServerIssue(name, field.value);
  return { field, error: issueText(fieldState.error?.message) ?? issueText(serverIssue) };
}
