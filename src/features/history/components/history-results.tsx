import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { historyQueries, type HistoryEntry, type HistoryFilter } from '../../../lib/history-client';
import { useMessages } from '../../../lib/i18n/messages';
import { useObshell } from '../../../lib/obshell/obshell-context';
import { HISTORY_PAGE_SIZE, useOpeningRows } from '../api/history-first-page';
import { ReconcileOnVisit } from '../api/reconcile-on-visit';
import { historyMessages } from '../messages';
import { HistoryTable } from './history-table';
import { DefaultButton, textClass, tightGroupClass } from './page-parts';

interface Props {
  filter: HistoryFilter;
  page: number;
  onPage: (page: number) => void;
  /** Some filter is set: an empty answer says "no match", not "nothing recorded yet". */
  filtered: boolean;
  clusterName: (id: string) => string;
  selected: readonly number[];
  onToggle: (entry: HistoryEntry) => void;
}

/**
 * The page of entries the filters ask for (the table, the pager), or why there is none. Its own
 * component, the page's last: on the click that opens History it waits for the first rows here
 * (useOpeningRows), after the rest of the page has rendered, so the filter bar and the frame are
 * rendered while the rows are on their way instead of after them (issue 15: the first page).
 */
export function HistoryResults({ filter, page, onPage, filtered, ...table }: Props) {
  const t = useMessages(historyMessages);
  const { clusterKey } = useObshell();
  const query = useQuery({
    ...historyQueries.page(clusterKey, filter, page, HISTORY_PAGE_SIZE),
    placeholderData: keepPreviousData,
  });
  useOpeningRows(clusterKey, query.isPending);
  const pages = Math.max(1, Math.ceil((query.data?.total ?? 0) / HISTORY_PAGE_SIZE));
  return (
    <>
      {/* The task-list reconcile (a signed obshell request, then a POST) waits until the first
          page has arrived, so it never delays it; entries it touches are refetched afterwards. */}
      <ReconcileOnVisit enabled={!query.isPending} />
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
        <Text role="status">{filtered ? t.empty : t.emptyAll}</Text>
      ) : (
        <>
          <HistoryTable entries={query.data.items} total={query.data.total} {...table} />
          <nav className={tightGroupClass} aria-label={t.pagination}>
            <DefaultButton disabled={page <= 1} onClick={() => onPage(page - 1)}>
              {t.previous}
            </DefaultButton>
            <p className={textClass}>{t.pageOf(page, pages)}</p>
            <DefaultButton disabled={page >= pages} onClick={() => onPage(page + 1)}>
              {t.next}
            </DefaultButton>
          </nav>
        </>
      )}
    </>
  );
}
