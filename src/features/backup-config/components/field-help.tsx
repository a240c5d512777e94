import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useMessages } from '../../../lib/i18n/messages';
import { useIsReading } from '../hooks/use-read-progress';
import type { FieldBaseline } from '../model/baseline';
import { maskSecrets } from '../model/storage-uri';
import { backupConfigMessages } from '../messages';

/** Help under a field: meaning, range, and the tenants' current value. */
export function FieldHelp({
  help,
  range,
  baseline,
  extra,
}: {
  help: string;
  range?: string | undefined;
  baseline?: FieldBaseline | undefined;
  extra?: ReactNode;
}) {
  const t = useMessages(backupConfigMessages);
  const reading = useIsReading();
  let current: string | undefined;
  if (reading && baseline) current = t.currentReading;
  else if (baseline?.kind === 'common') current = t.current(maskSecrets(baseline.value));
  else if (baseline?.kind === 'differs') current = t.currentDiffers;
  else if (baseline?.kind === 'unknown') current = t.currentUnknown;
  return (
    <Stack gap={2} component="span">
      <Text component="span" size="xs" c="dimmed">
        {help}
      </Text>
      {range && (
        <Text component="span" size="xs" c="dimmed">
          {t.rangeLabel(range)}
        </Text>
      )}
      {current && (
        <Text component="span" size="xs" fw={500}>
          {current}
        </Text>
      )}
      {extra}
    </Stack>
  );
}
