import {
  Alert,
  Anchor,
  Checkbox,
  Group,
  Loader,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { memo, useCallback, useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { routes } from '../../../config/routes';
import { ObshellErrorAlert } from '../../../components/obshell-error-alert';
import { PagePager } from '../../../components/page-pager';
import { useMessages } from '../../../lib/i18n/messages';
import { pageOf, TENANT_PAGE_SIZE } from '../../../lib/paging';
import { useNow } from '../../../lib/use-now';
import { useThrottled } from '../../../lib/use-throttled';
import { useStatusRows } from '../hooks/use-status-rows';
import { statusMessages } from '../messages';
import { filterRows, sortRows, type SortKey } from '../model/tenant-status';
import { StatusTable } from './status-table';

const SORT_KEYS: SortKey[] = ['problems', 'name', 'delay', 'last-backup'];

function Updated({ at }: { at: number | undefined }) {
  const t = useMessages(statusMessages);
  const now = useNow();
  if (at === undefined) return null;
  return (
    <Text size="sm" c="dimmed" data-testid="status-updated">
      {t.updated(Math.max(0, Math.floor((now - at) / 1000)))}
    </Text>
  );
}

/**
 * Filter, sort and "problems only". Memoized (as are the table and the pager): while
 * hundreds of tenants are read, the page re-renders with each batch of answers for its count and
 * summary, and these Mantine inputs and the table would otherwise render again each time
 * (measured: most of the page's React time with 200 tenants).
 */
const StatusFilters = memo(function StatusFilters({
  text,
  sort,
  problemsOnly,
  onText,
  onSort,
  onProblemsOnly,
}: {
  text: string;
  sort: SortKey;
  problemsOnly: boolean;
  onText: (text: string) => void;
  onSort: (sort: SortKey) => void;
  onProblemsOnly: (on: boolean) => void;
}) {
  const t = useMessages(statusMessages);
  return (
    <Group align="end">
      <TextInput
        label={t.filter}
        value={text}
        onChange={(e) => {
          onText(e.currentTarget.value);
        }}
      />
      <Select
        label={t.sort}
        data={SORT_KEYS.map((key) => ({ value: key, label: t.sortKey(key) }))}
        value={sort}
        allowDeselect={false}
        onChange={(value) => {
          if (value) onSort(value as SortKey);
        }}
      />
      <Checkbox
        label={t.problemsOnly}
        checked={problemsOnly}
        onChange={(e) => {
          onProblemsOnly(e.currentTarget.checked);
        }}
      />
    </Group>
  );
});

/**
 * `/status`: the first screen after unlocking. One row per user tenant, problems first, with a
 * summary line; refreshed while visible (see useStatusRows). `overview` is what the app puts above
 * the table (the clusters overview when several clusters are configured).
 */
export function StatusPage({ overview }: { overview?: ReactNode }) {
  const t = useMessages(statusMessages);
  const state = useStatusRows();
  const [text, setText] = useState('');
  const [problemsOnly, setProblemsOnly] = useState(false);
  const [sort, setSort] = useState<SortKey>('problems');
  const [page, setPage] = useState(1);
  const total = state.rows.length;
  // While hundreds of tenants are read, the summary and table follow ~10 times a second (each
  // answer would otherwise re-sort and re-render them); once all are read, at once.
  const rows = useThrottled(state.rows, 100, state.readCount === total);
  const attention = rows.filter((r) => r.problems.length > 0).length;
  const shown = useMemo(
    () => sortRows(filterRows(rows, { text, problemsOnly }), sort),
    [rows, text, problemsOnly, sort],
  );
  const { pages, current, slice } = useMemo(
    () => pageOf(shown, page, TENANT_PAGE_SIZE),
    [shown, page],
  );
  const onText = useCallback((value: string) => {
    setText(value);
    setPage(1);
  }, []);
  const onProblemsOnly = useCallback((on: boolean) => {
    setProblemsOnly(on);
    setPage(1);
  }, []);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Title order={2}>{t.title}</Title>
        {/* Also the way to the form where there is no navigation (inside a portal's iframe). */}
        <Anchor component={Link} to={routes.backupConfig}>
          {t.changeConfig}
        </Anchor>
      </Group>
      {overview}
      {state.status === 'pending' && <Loader aria-label={t.loading} />}
      {state.status === 'error' && <ObshellErrorAlert error={state.error} />}
      {state.status === 'success' && total === 0 && <Text>{t.noTenants}</Text>}
      {total > 0 && (
        <>
          <Group justify="space-between" align="baseline">
            <Text fw={700} size="lg" data-testid="status-summary" aria-live="polite">
              {t.summary(attention, total)}
            </Text>
            <Group gap="md">
              {state.readCount < total && (
                <Text size="sm" data-testid="status-read-count">
                  {t.readCount(state.readCount, total)}
                </Text>
              )}
              <Updated at={state.updatedAt} />
            </Group>
          </Group>
          {state.failing && (
            <Alert color="orange" variant="light">
              {t.refreshFailed}
            </Alert>
          )}
          <StatusFilters
            text={text}
            sort={sort}
            problemsOnly={problemsOnly}
            onText={onText}
            onSort={setSort}
            onProblemsOnly={onProblemsOnly}
          />
          {shown.length === 0 ? <Text>{t.noMatch}</Text> : <StatusTable rows={slice} />}
          {pages > 1 && <PagePager pages={pages} current={current} onPage={setPage} />}
        </>
      )}
    </Stack>
  );
}
