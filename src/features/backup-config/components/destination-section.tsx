import { memo } from 'react';
import { useMessages } from '../../../lib/i18n/messages';
import { useFormAnalysis } from '../hooks/use-form-analysis';
import type { Baseline } from '../model/baseline';
import { composeUri, isFilled } from '../model/storage-uri';
import { tenantMessages } from '../tenant-messages';
import { DestinationFields } from './destination-fields';

const MemoDestinationFields = memo(DestinationFields);

/**
 * The destination, with what the rest of the form implies for it (sent because binding changes…).
 * Tenant scope: archive_base_uri (which binding needs) and data_base_uri, each used as given.
 */
export function DestinationSection({ baseline }: { baseline: Baseline }) {
  const { values, analysis } = useFormAnalysis(baseline);
  const tt = useMessages(tenantMessages);
  const { tenant } = baseline;
  const data = values.data_destination;
  const dataFilled = data !== undefined && isFilled(data);
  return (
    <>
      <MemoDestinationFields
        text={
          tenant && {
            title: tt.archiveTitle,
            help: tt.archiveHelp,
            unknown: tt.destinationUnknown,
            requiredBy: tt.archiveRequiredBy,
          }
        }
        baseline={tenant ? tenant.archive : baseline.backup_base_uri}
        requiredBy={analysis.uriRequiredBy.join(', ')}
        destinationFilled={analysis.destinationFilled}
        uriChanged={analysis.dirty.has(analysis.uriKey)}
        composedUri={analysis.composedUri}
      />
      {tenant && (
        <MemoDestinationFields
          group="data_destination"
          text={{
            title: tt.dataTitle,
            help: tt.dataHelp,
            unknown: tt.destinationUnknown,
            requiredBy: tt.archiveRequiredBy,
          }}
          baseline={tenant.data}
          requiredBy=""
          destinationFilled={dataFilled}
          uriChanged={analysis.dirty.has('data_base_uri')}
          composedUri={dataFilled ? composeUri(data) : undefined}
        />
      )}
    </>
  );
}
