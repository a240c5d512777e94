import { memo } from 'react';
import { useFormAnalysis } from '../hooks/use-form-analysis';
import type { Baseline } from '../model/baseline';
import { DestinationFields } from './destination-fields';

const MemoDestinationFields = memo(DestinationFields);

/** The destination, with what the rest of the form implies for it (sent because binding changes…). */
export function DestinationSection({ baseline }: { baseline: Baseline }) {
  const { analysis } = useFormAnalysis(baseline);
  return (
    <MemoDestinationFields
      baseline={baseline.backup_base_uri}
      requiredBy={analysis.uriRequiredBy.join(', ')}
      destinationFilled={analysis.destinationFilled}
      uriChanged={analysis.dirty.has('backup_base_uri')}
      composedUri={analysis.composedUri}
    />
  );
}
