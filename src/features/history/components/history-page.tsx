import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { historyQueries, type HistoryEntry } from '../../../lib/history-client';
import { useMessages } from '../../../lib/i18n/messages';
import { useObshell } from '../../../lib/obshell/obshell-context';
import { readRuntimeConfig } from '../../../lib/runtime-config';
import { HISTORY_PAGE_SIZE, useOpeningRows } from '../api/history-first-page';
import { ReconcileOnVisit } from '../api/reconcile-on-visit';
import { emptyFilters, hasFilters, toApiFilter, type FilterState } from '../model/filters';
import { historyMessages } from '../messages';
import { ComparePanel } from './compare-panel';
import { ExportButtons } from './export-buttons';
import { HistoryFilters } from './history-filters';
import { HistoryTable } from './history-table';
import {
  apartGroupClass,
  DefaultButton,
  smallTextClass,
  stackClass,
  textClass,
  tightGroupClass,
  titleClass,
} from './page-parts';

const PAGE_SIZE = HISTORY_PAGE_SIZE;
const USER_DEBOUNCE_MS = 300;

/** `/history`: who changed what, when, and how its task ended; filtered, paged, exported. */
export function HistoryPage() {
  const t = useMessages(historyMessages);
  const { clusterKey } = useObshell();
  const [filters, setFilters] = useState<FilterState>(() => emptyFilters());
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<number[]>([]);
  const [debouncedUser] = useDebouncedValue(filters.user, USER_DEBOUNCE_MS);
  const filter = useMemo(() => toApiFilter(filters, debouncedUser), [filters, debouncedUser]);
  const query = useQuery({
    ...historyQueries.page(clusterKey, filter, page, PAGE_SIZE),
    placeholderData: keepPreviousData,
  });
  useOpeningRows(clusterKey, query.isPending);
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
  // Stable while the shown page is, so ticking a box re-renders one memoized row, not all.
  const shown = query.data;
  const toggle = useCallback(
    (id: number) => {
      const entry = shown?.items.find((item) => item.id === id);
      if (entry) setPicked((all) => ({ ...all, [id]: entry }));
      setSelected((ids) =>
        ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id].slice(-2),
      );
    },
    [shown],
  );
  const compared = selected.map((id) => picked[id]).filter((e) => e !== undefined);
  const pages = Math.max(1, Math.ceil((query.data?.total ?? 0) / PAGE_SIZE));

  return (
    // Plain elements wearing Mantine's classes (page-parts.tsx): they render on the click.
    <div className={stackClass}>
      {/* The task-list reconcile (a signed obshell request, then a POST) waits until the first
          page has arrived, so it never delays it; entries it touches are refetched afterwards. */}
      <ReconcileOnVisit enabled={!query.isPending} />
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
      {query.isPending ? (
        <Group gap="xs" role="status">
          <Loader size="sm" />
          <Text>{t.loading}</Text>
        </Group>
      ) : query.isError ? (
        <Alert color="red" title={t.loadFailed} role="alert">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{query.error.message}</Text>
            <Button size="xs" variant="default" onClick={() => void query.refetch()}>
              {t.retry}
            </Button>
          </Stack>
        </Alert>
      ) : query.data.items.length === 0 ? (
        <Text role="status">{hasFilters(filters) ? t.empty : t.emptyAll}</Text>
      ) : (
        <>
          <HistoryTable
            entries={query.data.items}
            total={query.data.total}
            clusterName={clusterName}
            selected={selected}
            onToggle={toggle}
          />
          <nav className={tightGroupClass} aria-label={t.pagination}>
            <DefaultButton disabled={page <= 1} onClick={() => setPage(page - 1)}>
              {t.previous}
            </DefaultButton>
            <p className={textClass}>{t.pageOf(page, pages)}</p>
            <DefaultButton disabled={page >= pages} onClick={() => setPage(page + 1)}>
              {t.next}
            </DefaultButton>
          </nav>
        </>
      )}
    </div>
  );
}
