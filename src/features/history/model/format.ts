import { maskSecrets } from '../../../lib/backup-rules/mask-secrets';
import type { HistoryEntry, HistoryOutcome } from '../../../lib/history-client';
import type { Locale } from '../../../lib/i18n/locale';

/** How entries read on screen: times, durations, values (always masked again: defence in depth). */

// Building an Intl formatter costs far more than using one: one per locale, not one per row.
const formatters = new Map<Locale, Intl.DateTimeFormat>();

export function timeText(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let format = formatters.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'medium',
    });
    formatters.set(locale, format);
  }
  return format.format(date);
}

/** "1 min 5 s" / "1 分 5 秒"; undefined while the task has no end (or times are unknown). */
export function durationText(
  entry: Pick<HistoryEntry, 'startedAt' | 'finishedAt'>,
  locale: Locale,
): string | undefined {
  if (!entry.startedAt || !entry.finishedAt) return undefined;
  const ms = Date.parse(entry.finishedAt) - Date.parse(entry.startedAt);
  if (!Number.isFinite(ms) || ms < 0) return undefined;
  const zh = locale === 'zh';
  const unit = zh ? { h: '小时', m: '分', s: '秒' } : { h: ' h', m: ' min', s: ' s' };
  const join = (parts: string[]) => parts.join(zh ? '' : ' ');
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}${unit.s}`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return join([`${minutes}${unit.m}`, `${seconds % 60}${unit.s}`]);
  return join([`${Math.floor(minutes / 60)}${unit.h}`, `${minutes % 60}${unit.m}`]);
}

export function valueText(value: HistoryEntry['changes'][number]['new'], empty: string): string {
  if (value === null || value === '') return empty;
  return maskSecrets(String(value));
}

/** Mantine colours; the words carry the meaning, colour only reinforces it. */
export const outcomeColor: Record<HistoryOutcome, string> = {
  pending: 'blue',
  succeeded: 'green',
  failed: 'red',
  passed: 'yellow',
  cancelled: 'gray',
  rolled_back: 'orange',
};

export const outcomeIcon: Record<HistoryOutcome, string> = {
  pending: '…',
  succeeded: '✓',
  failed: '✕',
  passed: '↷',
  cancelled: '⊘',
  rolled_back: '↺',
};

/** "tenant:sales" → the tenant's name; undefined for cluster scope. */
export function tenantOf(scope: string): string | undefined {
  return scope.startsWith('tenant:') ? scope.slice('tenant:'.length) : undefined;
}
