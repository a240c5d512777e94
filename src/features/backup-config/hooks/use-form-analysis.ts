import { useWatch } from 'react-hook-form';
import type { Baseline } from '../model/baseline';
import { analyzeChanges, buildPatchBody } from '../model/changes';
import type { BackupConfigFormValues } from '../model/form-values';
import { useFormControl } from './use-form-control';

/**
 * Every value, for the few parts that summarize the whole form. Only the components calling this
 * re-render on each keystroke; the fields themselves subscribe to their own value.
 */
export function useFormAnalysis(baseline: Baseline) {
  const control = useFormControl();
  // useWatch without a name returns the whole (complete, defaulted) form value.
  const values = useWatch({ control }) as BackupConfigFormValues;
  return { values, analysis: analyzeChanges(values, baseline) };
}

/** How many fields the PATCH would carry now. */
export function useChangeCount(baseline: Baseline): number {
  const { values, analysis } = useFormAnalysis(baseline);
  return Object.keys(buildPatchBody(values, analysis)).length;
}
