import { Text } from '@mantine/core';
import { useMessages } from '../../../lib/i18n/messages';
import { STALE_AFTER_MS } from '../model/polling-policy';
import { taskMessages } from '../messages';
import { useNow } from '../../../lib/use-now';

/** "Updated N s ago"; a warning once a live DAG has not been refreshed for a while. */
export function Freshness({ updatedAt, live }: { updatedAt: number; live: boolean }) {
  const t = useMessages(taskMessages);
  const now = useNow();
  const ageMs = Math.max(0, now - updatedAt);
  const seconds = Math.floor(ageMs / 1000);
  if (live && ageMs > STALE_AFTER_MS) {
    return (
      <Text
        size="sm"
        c="var(--mantine-color-orange-text)"
        fw={600}

        data-testid="dag-freshness"
        data-stale="true"
      >
        <span aria-hidden="true">⚠ </span>
        {t.staleWarning(seconds)}
      </Text>
    );
  }
  return (
    <Text size="sm" c="dimmed" data-testid="dag-freshness" data-stale="false">
      {seconds < 1 ? t.updatedJustNow : t.updatedAgo(seconds)}
      {live ? null : ` · ${t.finalState}`}
    </Text>
  );
}
