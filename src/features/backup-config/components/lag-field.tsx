import { Text } from '@mantine/core';
import { memo, useMemo } from 'react';
import { useMessages } from '../../../lib/i18n/messages';
import { useFormAnalysis } from '../hooks/use-form-analysis';
import type { Baseline } from '../model/baseline';
import { lagNeedsS3Floor } from '../model/changes';
import { backupConfigMessages } from '../messages';
import { tenantMessages } from '../tenant-messages';
import { DurationField } from './duration-field';

const MemoDurationField = memo(DurationField);

/** archive_lag_target, whose floor and whether obshell checks it depend on the destination. */
export function LagField({ baseline }: { baseline: Baseline }) {
  const t = useMessages(backupConfigMessages);
  const tt = useMessages(tenantMessages);
  const { values, analysis } = useFormAnalysis(baseline);
  const lagS3 = lagNeedsS3Floor(values, analysis, baseline);
  const notChecked = baseline.tenant ? tt.lagNotChecked : t.lagNotChecked;
  const note = lagS3 ? t.lagS3 : analysis.uriSent ? '' : notChecked;
  // The same element while the note is the same, so the memoized field skips the keystroke.
  const extra = useMemo(
    () => (
      <Text component="span" size="xs" c="dimmed">
        {note}
      </Text>
    ),
    [note],
  );
  return (
    <MemoDurationField
      name="archive_lag_target"
      label={t.lagLabel}
      help={t.lagHelp}
      range={lagS3 ? '1m – 2h' : '1ns – 2h'}
      baseline={baseline.archive_lag_target}
      defaultUnit="m"
      extra={extra}
    />
  );
}
