import { Badge, Tooltip } from '@mantine/core';
import type { ComponentPropsWithoutRef, CSSProperties } from 'react';
import type { HistoryEntry, HistoryOutcome } from '../../../lib/history-client';
import { useLocale } from '../../../lib/i18n/locale';
import { useMessages } from '../../../lib/i18n/messages';
import { durationText, outcomeColor, outcomeIcon, tenantOf, valueText } from '../model/format';
import { historyMessages } from '../messages';
import classes from './history-rows.module.css';

/**
 * Pieces of an entry shared by the table and the comparison. Server text is rendered as text.
 * The table shows 50 of them at once, so they are plain elements wearing Mantine's Badge class
 * (a Mantine Badge runs useProps, the styles API and a Box each time) and mount no Tooltip per row:
 * rendering the first page is the History page's budget (issue 15).
 */

// Classes, not inline style objects: fewer DOM writes per row, and shared computed styles.
const changesClass = [classes.changes, classes.deferred].join(' ');

/** Mantine's "light" and "outline" Badge looks, as its own CSS variables (one object each, made once). */
const tagLook = (color: string, variant: 'light' | 'outline'): CSSProperties =>
  ({
    '--badge-bg': variant === 'light' ? `var(--mantine-color-${color}-light)` : 'transparent',
    '--badge-color': `var(--mantine-color-${color}-${variant === 'light' ? 'light-color' : 'outline'})`,
    '--badge-bd':
      variant === 'light' ? undefined : `1px solid var(--mantine-color-${color}-outline)`,
    textTransform: 'none',
    columnGap: 4,
  }) as CSSProperties;
const outcomeLook = Object.fromEntries(
  Object.entries(outcomeColor).map(([outcome, color]) => [outcome, tagLook(color, 'light')]),
) as Record<HistoryOutcome, CSSProperties>;
const outsideLook = tagLook('gray', 'outline');
const tagClass = Badge.classes.root;

type TagProps = ComponentPropsWithoutRef<'span'> & { look: CSSProperties; icon?: string };

function Tag({ look, icon, children, ...rest }: TagProps) {
  return (
    <span
      {...rest}
      className={tagClass}
      style={look}
      data-with-left-section={icon ? true : undefined}
    >
      {icon && <span aria-hidden="true">{icon}</span>}
      <span>{children}</span>
    </span>
  );
}

export function OutcomeBadge({ entry }: { entry: HistoryEntry }) {
  const t = useMessages(historyMessages);
  const { locale } = useLocale();
  const took = durationText(entry, locale);
  return (
    <div className={classes.stack}>
      <Tag
        look={outcomeLook[entry.outcome]}
        icon={outcomeIcon[entry.outcome]}
        data-outcome={entry.outcome}
      >
        {t.outcomeLabel(entry.outcome)}
      </Tag>
      {took && <span className={classes.small}>{t.duration(took)}</span>}
    </div>
  );
}

export function ScopeText({ scope }: { scope: string }) {
  const t = useMessages(historyMessages);
  const tenant = tenantOf(scope);
  return <>{tenant === undefined ? t.scopeCluster : t.scopeTenant(tenant)}</>;
}

/**
 * `helpId`: the id of one element holding the "made outside" help, shared by every row of the
 * table (described-by plus a native title); without it (the comparison) a Tooltip explains.
 */
export function WhoText({ entry, helpId }: { entry: HistoryEntry; helpId?: string }) {
  const t = useMessages(historyMessages);
  if (entry.source === 'outside') {
    if (helpId !== undefined) {
      return (
        <Tag look={outsideLook} tabIndex={0} title={t.outsideHelp} aria-describedby={helpId}>
          {t.outside}
        </Tag>
      );
    }
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
