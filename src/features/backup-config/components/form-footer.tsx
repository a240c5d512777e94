import { Button, Group, Paper, Text } from '@mantine/core';
import { useFormState } from 'react-hook-form';
import { useMessages } from '../../../lib/i18n/messages';
import { useChangeCount } from '../hooks/use-form-analysis';
import { useFormControl } from '../hooks/use-form-control';
import { useIsReading, useReadProgress } from '../hooks/use-read-progress';
import type { Baseline } from '../model/baseline';
import { backupConfigMessages } from '../messages';

/** Why Review waits; the only part of the footer that re-renders with every tenant read. */
function ReadingNote() {
  const t = useMessages(backupConfigMessages);
  const progress = useReadProgress();
  if (!progress) return null;
  return (
    <Text size="sm" data-testid="review-waits-for-reads">
      {t.reviewWaitsForReads(progress.read, progress.total)}
    </Text>
  );
}

/** Sticky bar: how many changes, whether they can be reviewed, and discard. */
export function FormFooter({ baseline, onDiscard }: { baseline: Baseline; onDiscard: () => void }) {
  const t = useMessages(backupConfigMessages);
  const changeCount = useChangeCount(baseline);
  const { errors, isDirty } = useFormState({ control: useFormControl() });
  const hasErrors = Object.keys(errors).length > 0;
  // A change computed against part of the tenants could undo what the others have: wait.
  const reading = useIsReading();
  return (
    <Paper withBorder p="sm" pos="sticky" bottom={0} style={{ zIndex: 2 }} shadow="sm">
      <Group justify="space-between">
        {reading ? (
          <ReadingNote />
        ) : (
          <Text size="sm" c={hasErrors ? 'red' : 'dimmed'}>
            {changeCount === 0 ? t.noChanges : hasErrors ? t.fixErrors : ''}
          </Text>
        )}
        <Group>
          <Button variant="default" onClick={onDiscard} disabled={!isDirty}>
            {t.discard}
          </Button>
          <Button type="submit" disabled={reading || changeCount === 0 || hasErrors}>
            {t.review(changeCount)}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
