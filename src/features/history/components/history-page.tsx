import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useMemo, useState } from 'react';
import type { HistoryEntry } from '../../../lib/history-client';
import { useMessages } from '../../../lib/i18n/messages';
import { readRuntimeConfig } from '../../../lib/runtime-config';
import { emptyFilters, hasFilters, toApiFilter, type FilterState } from '../model/filters';
import { historyMessages } from '../messages';
import { ComparePanel } from './compare-panel';
import { ExportButtons } from './export-buttons';
import { HistoryFilters } from './history-filters';
import { HistoryResults } from './history-results';
import { apartGroupClass, smallTextClass, stackClass, textClass, titleClass } from './page-parts';

const USER_DEBOUNCE_MS = 300;

/** `/history`: who changed what, when, and how its task ended; filtered, paged, exported. */
export function HistoryPage() {
  const t = useMessages(historyMessages);
  const [filters, setFilters] = useState<FilterState>(() => emptyFilters());
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<number[]>([]);
  const [debouncedUser] = useDebouncedValue(filters.user, USER_DEBOUNCE_MS);
  const filter = useMemo(() => toApiFilter(filters, debouncedUser), [filters, debouncedUser]);
  // Entries picked for comparison stay known while the user pages or filters.
  const [picked, setPicked] = useState<Record<number, HistoryEntry>>({});
  const names = useMemo(
    () => new Map(readRuntimeConfig().clusters.map((c) => [c.id, c.name] as const)),
    [],
  );
  const clusterName = useCallback((id: string) => names.get(id) ?? id, [names]);

  // Stable, so the memoized filter bar does not render again when a page of entries arrives.
  const changeFilters = useCallback((next: FilterState) => {
    setFilters(next);
    setPage(1);
  }, []);
  // Stable, so ticking a box re-renders one memoized row, not all.
  const toggle = useCallback((entry: HistoryEntry) => {
    setPicked((all) => ({ ...all, [entry.id]: entry }));
    setSelected((ids) =>
      ids.includes(entry.id) ? ids.filter((x) => x !== entry.id) : [...ids, entry.id].slice(-2),
    );
  }, []);
  const compared = selected.map((id) => picked[id]).filter((e) => e !== undefined);

  return (
    // Plain elements wearing Mantine's classes (page-parts.tsx): they render on the click.
    <div className={stackClass}>
      <h2 className={titleClass} data-order="2">
        {t.title}
      </h2>
      <p className={textClass}>{t.intro}</p>
      <HistoryFilters value={filters} onChange={changeFilters} clusterName={clusterName} />
      <div className={apartGroupClass}>
        <ExportButtons filter={filter} />
        <p className={smallTextClass} data-size="sm">
          {t.compareHint}
        </p>
      </div>
      {compared.length === 2 && compared[0] && compared[1] && (
        <ComparePanel
          entries={[compared[0], compared[1]]}
          clusterName={clusterName}
          onClose={() => setSelected([])}
        />
      )}
      <HistoryResults
        filter={filter}
        page={page}
        onPage={setPage}
        filtered={hasFilters(filters)}
        clusterName={clusterName}
        selected={selected}
        onToggle={toggle}
      />
    </div>
  );
}
