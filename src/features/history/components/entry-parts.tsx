import { Badge, Tooltip } from '@mantine/core';
import type { HistoryEntry, HistoryOutcome } from '../../../lib/history-client';
import { useLocale, type Locale } from '../../../lib/i18n/locale';
import { useMessages } from '../../../lib/i18n/messages';
import { durationText, outcomeIcon, tenantOf, valueText } from '../model/format';
import { historyMessages, type HistoryMessages } from '../messages';
import classes from './history-rows.module.css';

/**
 * Pieces of an entry shared by the table and the comparison. Server text is rendered as text.
 * The table shows 50 of them at once, so they are plain elements wearing Mantine's Badge class
 * (a Mantine Badge runs useProps, the styles API and a Box each time), mount no Tooltip per row,
 * and come as plain functions (`outcomeBadge`, `scopeText`, …) the table's row calls with its own
 * messages: no component (fiber, context reads) per piece and row (issue 15: the first page's
 * budget). The comparison uses the components below, which call the same functions.
 */

// Classes, not inline style objects: fewer DOM writes per row, and shared computed styles.
const changesClass = [classes.changes, classes.deferred].join(' ');

/** Mantine's "light" Badge in the outcome's colour (history-rows.module.css), mixed case. */
const outcomeClass: Record<HistoryOutcome, string> = {
  pending: [Badge.classes.root, classes.tag, classes.pending].join(' '),
  succeeded: [Badge.classes.root, classes.tag, classes.succeeded].join(' '),
  failed: [Badge.classes.root, classes.tag, classes.failed].join(' '),
  passed: [Badge.classes.root, classes.tag, classes.passed].join(' '),
  cancelled: [Badge.classes.root, classes.tag, classes.cancelled].join(' '),
  rolled_back: [Badge.classes.root, classes.tag, classes.rolledBack].join(' '),
};
/** Mantine's gray "outline" Badge, mixed case. */
const outsideClass = [Badge.classes.root, classes.tag, classes.outside].join(' ');

/** The outcome badge over how long the task took (when known). */
export function outcomeBadge(t: HistoryMessages, locale: Locale, entry: HistoryEntry) {
  const took = durationText(entry, locale);
  return (
    <div className={classes.stack}>
      <span
        className={outcomeClass[entry.outcome]}
        data-outcome={entry.outcome}
        data-with-left-section
      >
        <span aria-hidden="true">{outcomeIcon[entry.outcome]}</span>
        <span>{t.outcomeLabel(entry.outcome)}</span>
      </span>
      {took && <span className={classes.small}>{t.duration(took)}</span>}
    </div>
  );
}

export function scopeText(t: HistoryMessages, scope: string) {
  const tenant = tenantOf(scope);
  return tenant === undefined ? t.scopeCluster : t.scopeTenant(tenant);
}

/**
 * Who made the change. `helpId`: the id of one element holding the "made outside" help, shared
 * by every row of the table (described-by plus a native title).
 */
export function whoText(t: HistoryMessages, entry: HistoryEntry, helpId: string) {
  if (entry.source === 'outside') {
    return (
      // Focusable, so a keyboard user reaches it and hears its help (described-by, title).
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      <span className={outsideClass} tabIndex={0} title={t.outsideHelp} aria-describedby={helpId}>
        <span>{t.outside}</span>
      </span>
    );
  }
  return userText(t, entry);
}

const userText = (t: HistoryMessages, entry: HistoryEntry) =>
  entry.user === null || entry.user === 'unknown' ? t.unknownUser : entry.user;

export function changeList(t: HistoryMessages, entry: HistoryEntry) {
  if (entry.changes.length === 0) return <span className={classes.dimmed}>{t.noFields}</span>;
  return (
    <ul className={changesClass}>
      {entry.changes.map((change) => (
        <li className={classes.change} key={change.field}>
          <span className={classes.field}>{change.field}</span>
          {`: ${valueText(change.old, t.emptyValue)} → ${valueText(change.new, t.emptyValue)}`}
        </li>
      ))}
    </ul>
  );
}

export function OutcomeBadge({ entry }: { entry: HistoryEntry }) {
  const t = useMessages(historyMessages);
  const { locale } = useLocale();
  return outcomeBadge(t, locale, entry);
}

export function ScopeText({ scope }: { scope: string }) {
  const t = useMessages(historyMessages);
  return <>{scopeText(t, scope)}</>;
}

/** In the comparison: a Tooltip explains "made outside" (the table shares one help text instead). */
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
  return <>{userText(t, entry)}</>;
}
