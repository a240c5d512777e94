import { Badge, Stack, Text, Tooltip } from '@mantine/core';
import type { HistoryEntry } from '../../../lib/history-client';
import { useLocale } from '../../../lib/i18n/locale';
import { useMessages } from '../../../lib/i18n/messages';
import { durationText, outcomeColor, outcomeIcon, tenantOf, valueText } from '../model/format';
import { historyMessages } from '../messages';

/** Pieces of an entry shared by the table and the comparison. Server text is rendered as text. */

export function OutcomeBadge({ entry }: { entry: HistoryEntry }) {
  const t = useMessages(historyMessages);
  const { locale } = useLocale();
  const took = durationText(entry, locale);
  return (
    <Stack gap={2} align="flex-start">
      <Badge
        variant="light"
        color={outcomeColor[entry.outcome]}
        tt="none"
        leftSection={<span aria-hidden="true">{outcomeIcon[entry.outcome]}</span>}
        data-outcome={entry.outcome}
      >
        {t.outcomeLabel(entry.outcome)}
      </Badge>
      {took && <Text size="sm">{t.duration(took)}</Text>}
    </Stack>
  );
}

export function ScopeText({ scope }: { scope: string }) {
  const t = useMessages(historyMessages);
  const tenant = tenantOf(scope);
  return <>{tenant === undefined ? t.scopeCluster : t.scopeTenant(tenant)}</>;
}

export function WhoText({ entry }: { entry: HistoryEntry }) {
  const t = useMessages(historyMessages);
  if (entry.source === 'outside') {
    return (
      <Tooltip label={t.outsideHelp} multiline w={260}>
        <Badge variant="outline" color="gray" tt="none" tabIndex={0}>
          {t.outside}
        </Badge>
      </Tooltip>
    );
  }
  return <>{entry.user === null || entry.user === 'unknown' ? t.unknownUser : entry.user}</>;
}

export function ChangeList({ entry }: { entry: HistoryEntry }) {
  const t = useMessages(historyMessages);
  if (entry.changes.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t.noFields}
      </Text>
    );
  }
  return (
    <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {entry.changes.map((change) => (
        <Text component="li" size="sm" key={change.field} style={{ wordBreak: 'break-all' }}>
          <Text span ff="monospace" size="sm" fw={600}>
            {change.field}
          </Text>
          {`: ${valueText(change.old, t.emptyValue)} → ${valueText(change.new, t.emptyValue)}`}
        </Text>
      ))}
    </Stack>
  );
}
