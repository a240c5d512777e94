import { Anchor, Button, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { memo, useCallback, useId, useMemo } from 'react';
import { useNavigate } from 'react-router';
import { dataCellClass, DataRow, DataTable, plainColumns } from '../../../components/data-table';
import { routes } from '../../../config/routes';
import type { HistoryEntry } from '../../../lib/history-client';
import { useLocale } from '../../../lib/i18n/locale';
import { useMessages } from '../../../lib/i18n/messages';
import { useObshell } from '../../../lib/obshell/obshell-context';
import { stashReapply } from '../../../lib/reapply';
import { tenantOf, timeText } from '../model/format';
import { useInAppLink, type InAppLink } from '../hooks/use-in-app-link';
import { historyMessages } from '../messages';
import { changeList, outcomeBadge, scopeText, whoText } from './entry-parts';
import classes from './history-rows.module.css';

interface Props {
  entries: readonly HistoryEntry[];
  total: number;
  clusterName: (id: string) => string;
  selected: readonly number[];
  onToggle: (entry: HistoryEntry) => void;
}

// Mantine's Anchor and Button looks as classes on plain elements: 50 rows of Mantine components
// (useProps, styles API, Box each) were the largest part of the first page's render (issue 15).
const linkClass = [Anchor.classes.root, classes.small].join(' ');
// <Button size="xs" variant="default">, as Mantine renders it (classes, data attributes, variables).
const buttonClass = [
  'mantine-focus-auto mantine-active',
  Button.classes.root,
  UnstyledButton.classes.root,
  classes.applyButton,
].join(' ');
const taskClass = [classes.task, classes.deferred].join(' ');
const applyClass = [classes.small, classes.deferred].join(' ');

// About the widths the automatic layout gave them (en, 1280 px); the changes take the rest
// (at least 200 px: the table's minimum width).
const COLUMN_WIDTHS: Record<string, string | undefined> = {
  compare: '6.25rem',
  time: '7.5rem',
  cluster: '7rem',
  scope: '5.5rem',
  who: '5.5rem',
  task: '9rem',
  actions: '10rem',
};

/** The form of the entry's scope: a tenant entry opens that tenant's form (`?tenant=`). */
function formFor(scope: string): string {
  const tenant = tenantOf(scope);
  return tenant === undefined ? routes.backupConfig : routes.backupConfigTenant(tenant);
}

/**
 * One row per change, newest first: when, where, who, what, and how its task ended. Rows are
 * memoized and mount no Tooltip or Mantine Checkbox: the two help texts are rendered once and
 * referenced by id (issue 15: 50 rows must render within the page's 100 ms budget). The table is
 * memoized too: typing in a filter re-renders the filter bar, not the table, until the answer.
 */
export const HistoryTable = memo(function HistoryTable({
  entries,
  total,
  clusterName,
  selected,
  onToggle,
}: Props) {
  const t = useMessages(historyMessages);
  const { clusterKey } = useObshell();
  const navigate = useNavigate();
  const taskLink = useInAppLink();
  const outsideHelpId = useId();
  const applyHelpId = useId();
  const applyAgain = useCallback(
    (entry: HistoryEntry) => {
      stashReapply(entry.clusterId, entry.scope, entry.changes);
      void navigate(formFor(entry.scope));
    },
    [navigate],
  );
  const columns = useMemo(
    () =>
      // Fixed widths (the changes take the rest): rows defer their content, see the CSS module.
      plainColumns([
        ['compare', t.compare],
        ['time', t.colTime],
        ['cluster', t.colCluster],
        ['scope', t.colScope],
        ['who', t.colWho],
        ['changes', t.colChanges],
        ['task', t.colTask],
        ['actions', t.colActions],
      ]).map((column) => ({ ...column, width: COLUMN_WIDTHS[column.key] })),
    [t],
  );
  return (
    <DataTable
      columns={columns}
      fixedLayout
      label={t.title}
      caption={t.caption(total)}
      minWidth={1000}
      before={
        <>
          <VisuallyHidden id={outsideHelpId}>{t.outsideHelp}</VisuallyHidden>
          <VisuallyHidden id={applyHelpId}>{t.applyAgainHelp}</VisuallyHidden>
        </>
      }
    >
      {entries.map((entry) => (
        <HistoryRow
          key={entry.id}
          entry={entry}
          here={entry.clusterId === clusterKey}
          cluster={clusterName(entry.clusterId)}
          checked={selected.includes(entry.id)}
          onToggle={onToggle}
          onApply={applyAgain}
          outsideHelpId={outsideHelpId}
          applyHelpId={applyHelpId}
          taskLink={taskLink}
        />
      ))}
    </DataTable>
  );
});

interface RowProps {
  entry: HistoryEntry;
  here: boolean;
  cluster: string;
  checked: boolean;
  onToggle: (entry: HistoryEntry) => void;
  onApply: (entry: HistoryEntry) => void;
  outsideHelpId: string;
  applyHelpId: string;
  taskLink: InAppLink;
}

// Memoized: ticking one compare box re-renders one row, not fifty.
const HistoryRow = memo(function HistoryRow(props: RowProps) {
  const { entry, here, cluster, checked, onToggle, onApply, outsideHelpId, applyHelpId } = props;
  const { taskLink } = props;
  const task = routes.task(entry.dagId);
  const t = useMessages(historyMessages);
  const { locale } = useLocale();
  const canApply = entry.source === 'dashboard' && entry.changes.length > 0;
  return (
    <DataRow data-entry={entry.id}>
      <td className={dataCellClass}>
        <input
          type="checkbox"
          className={classes.checkbox}
          aria-label={t.compareSelect(entry.id)}
          checked={checked}
          onChange={() => onToggle(entry)}
        />
      </td>
      <td className={dataCellClass}>{timeText(entry.time, locale)}</td>
      <td className={dataCellClass}>{cluster}</td>
      <td className={dataCellClass}>{scopeText(t, entry.scope)}</td>
      <td className={dataCellClass}>{whoText(t, entry, outsideHelpId)}</td>
      <td className={dataCellClass}>{changeList(t, entry)}</td>
      <td className={dataCellClass}>
        <div className={taskClass}>
          {outcomeBadge(t, locale, entry)}
          {here ? (
            <a
              className={linkClass}
              data-underline="hover"
              href={taskLink.href(task)}
              data-to={task}
              onClick={taskLink.onClick}
            >
              {t.openTask(entry.dagId)}
            </a>
          ) : (
            t.openTask(entry.dagId)
          )}
        </div>
      </td>
      <td className={dataCellClass}>
        {canApply &&
          (here ? (
            <button
              type="button"
              className={buttonClass}
              data-variant="default"
              data-size="xs"
              title={t.applyAgainHelp}
              aria-describedby={applyHelpId}
              onClick={() => onApply(entry)}
            >
              <span className={Button.classes.inner}>
                <span className={Button.classes.label}>{t.applyAgain}</span>
              </span>
            </button>
          ) : (
            <div className={applyClass}>{t.applyAgainOtherCluster}</div>
          ))}
      </td>
    </DataRow>
  );
});
