import { Button, Group, NativeSelect, TextInput, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { memo } from 'react';
import { historyQueries } from '../../../lib/history-client';
import { HISTORY_OUTCOMES } from '../../../lib/history-outcomes';
import { useMessages } from '../../../lib/i18n/messages';
import { useObshell } from '../../../lib/obshell/obshell-context';
import { emptyFilters, hasFilters, type FilterState } from '../model/filters';
import { historyMessages } from '../messages';

/**
 * Cluster, field, user (debounced by the page), outcome and day range. Memoized: a page of
 * entries arriving re-renders the page, not these inputs (issue 15's filter budget).
 */
export const HistoryFilters = memo(function HistoryFilters({
  value,
  onChange,
  clusterName,
}: {
  value: FilterState;
  onChange: (next: FilterState) => void;
  clusterName: (id: string) => string;
}) {
  const t = useMessages(historyMessages);
  const { clusterKey } = useObshell();
  const facets = useQuery(historyQueries.facets(clusterKey));
  const set = (key: keyof FilterState) => (next: string) => onChange({ ...value, [key]: next });
  const clusters = [...new Set([...(facets.data?.clusters ?? []), clusterKey])];
  return (
    <Group component="fieldset" align="end" gap="sm" p={0} style={{ border: 0 }}>
      <VisuallyHidden component="legend">{t.filters}</VisuallyHidden>
      <NativeSelect
        label={t.cluster}
        value={value.cluster}
        onChange={(event) => set('cluster')(event.currentTarget.value)}
        data={[
          { value: '', label: t.allClusters },
          ...clusters.map((id) => ({ value: id, label: clusterName(id) })),
        ]}
      />
      <NativeSelect
        label={t.field}
        value={value.field}
        onChange={(event) => set('field')(event.currentTarget.value)}
        data={[{ value: '', label: t.anyField }, ...(facets.data?.fields ?? [])]}
      />
      <TextInput
        label={t.user}
        placeholder={t.userPlaceholder}
        value={value.user}
        maxLength={200}
        onChange={(event) => set('user')(event.currentTarget.value)}
      />
      <NativeSelect
        label={t.outcome}
        value={value.outcome}
        onChange={(event) => set('outcome')(event.currentTarget.value)}
        data={[
          { value: '', label: t.anyOutcome },
          ...HISTORY_OUTCOMES.map((outcome) => ({
            value: outcome,
            label: t.outcomeLabel(outcome),
          })),
        ]}
      />
      <TextInput
        type="date"
        label={t.from}
        value={value.from}
        onChange={(event) => set('from')(event.currentTarget.value)}
      />
      <TextInput
        type="date"
        label={t.to}
        value={value.to}
        onChange={(event) => set('to')(event.currentTarget.value)}
      />
      <Button
        variant="default"
        disabled={!hasFilters(value)}
        onClick={() => onChange(emptyFilters())}
      >
        {t.clearFilters}
      </Button>
    </Group>
  );
});
