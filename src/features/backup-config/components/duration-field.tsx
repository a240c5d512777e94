import { NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import {
  DURATION_UNITS,
  isDurationUnit,
  parseObDuration,
  type DurationUnit,
} from '../../../lib/backup-rules/duration';
import { useMessages } from '../../../lib/i18n/messages';
import { useBoundField } from '../hooks/use-bound-field';
import type { FieldBaseline } from '../model/baseline';
import { backupConfigMessages, unitMessages, unitOneMessages } from '../messages';
import { FieldHelp } from './field-help';

type DurationPath =
  'piece_switch_interval' | 'archive_lag_target' | 'delete_policy.recovery_window';

/** Splits "2h" into amount and unit when it has that shape; anything else stays raw text. */
function split(value: string): { amount: string; unit: DurationUnit | undefined } {
  const match = /^(\d*)([a-zA-Z]*)$/.exec(value);
  const unit = match?.[2]?.toLowerCase() ?? '';
  if (match && (unit === '' || isDurationUnit(unit))) {
    return { amount: match[1] ?? '', unit: unit === '' ? undefined : unit };
  }
  return { amount: value, unit: undefined };
}

/**
 * Number + unit, one value in obshell's format ("2h"). Typing "2h" into the number box splits it;
 * "1h30m", "1.5h" or "0" stay as typed so the reason they are refused can be shown.
 */
export function DurationField({
  name,
  label,
  help,
  range,
  baseline,
  defaultUnit,
  extra,
}: {
  name: DurationPath;
  label: string;
  help: string;
  range?: string;
  baseline?: FieldBaseline;
  defaultUnit: DurationUnit;
  extra?: ReactNode;
}) {
  const t = useMessages(backupConfigMessages);
  const units = useMessages(unitMessages);
  const unitsOne = useMessages(unitOneMessages);
  const {
    field: { ref, onChange, onBlur, name: inputName, value },
    error,
  } = useBoundField(name);
  const parts = split(value);
  const [chosenUnit, setChosenUnit] = useState<DurationUnit>(parts.unit ?? defaultUnit);
  const unit = parts.unit ?? chosenUnit;
  const parsed = parseObDuration(value);

  // While the box has focus it shows exactly what was typed, so "1h30m" is not silently re-read as
  // "130m" halfway through; on blur a typed "2h" settles into number + unit.
  const [draft, setDraft] = useState<string | null>(null);
  const onAmount = (text: string) => {
    setDraft(text);
    if (text === '') onChange('');
    else if (/^\d+$/.test(text)) onChange(text + unit);
    else onChange(text);
  };
  const onAmountBlur = () => {
    if (draft !== null && parts.unit) setChosenUnit(parts.unit);
    setDraft(null);
    onBlur();
  };
  const onUnit = (next: string) => {
    if (!isDurationUnit(next)) return;
    setChosenUnit(next);
    if (/^\d+$/.test(parts.amount)) onChange(parts.amount + next);
  };

  const meaning = parsed.ok
    ? t.durationMeans(`${parsed.amount} ${(parsed.amount === 1n ? unitsOne : units)[parsed.unit]}`)
    : undefined;

  const unitSelect = (
    <NativeSelect
      aria-label={`${label} — ${t.unit}`}
      variant="unstyled"
      value={unit}
      onChange={(event) => onUnit(event.currentTarget.value)}
      data={DURATION_UNITS.map((u) => ({ value: u, label: u }))}
      styles={{ input: { fontWeight: 500, width: 72, paddingInlineEnd: 24 } }}
    />
  );

  return (
    <Stack gap={4}>
      <TextInput
        label={label}
        description={<FieldHelp help={help} range={range} baseline={baseline} extra={extra} />}
        placeholder={t.unchanged}
        autoComplete="off"
        name={inputName}
        ref={ref}
        value={draft ?? parts.amount}
        onChange={(event) => onAmount(event.currentTarget.value)}
        onBlur={onAmountBlur}
        error={error}
        rightSection={unitSelect}
        rightSectionWidth={76}
        rightSectionPointerEvents="all"
        styles={{ wrapper: { maxWidth: 360 } }}
      />
      {meaning && (
        <Text size="sm" c="teal" aria-live="polite">
          {meaning}
        </Text>
      )}
    </Stack>
  );
}
