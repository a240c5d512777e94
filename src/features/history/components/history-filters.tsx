import { VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { memo } from 'react';
import { historyQueries } from '../../../lib/history-client';
import { HISTORY_OUTCOMES } from '../../../lib/history-outcomes';
import { useMessages } from '../../../lib/i18n/messages';
import { useObshell } from '../../../lib/obshell/obshell-context';
import { emptyFilters, hasFilters, type FilterState } from '../model/filters';
import { historyMessages } from '../messages';
import { SelectField, TextField } from './filter-fields';
import { DefaultButton, fieldsetGroupClass } from './page-parts';

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
    <fieldset className={fieldsetGroupClass}>
      <legend className={VisuallyHidden.classes.root}>{t.filters}</legend>
      <SelectField
        label={t.cluster}
        value={value.cluster}
        onChange={set('cluster')}
        options={[
          { value: '', label: t.allClusters },
          ...clusters.map((id) => ({ value: id, label: clusterName(id) })),
        ]}
      />
      <SelectField
        label={t.field}
        value={value.field}
        onChange={set('field')}
        options={[
          { value: '', label: t.anyField },
          ...(facets.data?.fields ?? []).map((field) => ({ value: field, label: field })),
        ]}
      />
      <TextField
        label={t.user}
        placeholder={t.userPlaceholder}
        value={value.user}
        maxLength={200}
        onChange={set('user')}
      />
      <SelectField
        label={t.outcome}
        value={value.outcome}
        onChange={set('outcome')}
        options={[
          { value: '', label: t.anyOutcome },
          ...HISTORY_OUTCOMES.map((outcome) => ({
            value: outcome,
            label: t.outcomeLabel(outcome),
          })),
        ]}
      />
      <TextField type="date" label={t.from} value={value.from} onChange={set('from')} />
      <TextField type="date" label={t.to} value={value.to} onChange={set('to')} />
      <DefaultButton disabled={!hasFilters(value)} onClick={() => onChange(emptyFilters())}>
        {t.clearFilters}
      </DefaultButton>
    </fieldset>
  );
});
