import { maskSecrets } from '../../../lib/backup-rules/mask-secrets';
import type { HistoryEntry, HistoryOutcome } from '../../../lib/history-client';
import type { Locale } from '../../../lib/i18n/locale';

/** How entries read on screen: times, durations, values (always masked again: defence in depth). */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/**
 * "4 Dec 2026, 15:04:50" / "2026年12月4日 15:04:50", local time. Written out rather than through
 * Intl.DateTimeFormat: the first formatter of a page costs Chromium tens of milliseconds (locale
 * data), paid inside the History page's 100 ms first render (issue 15); this is 50 string joins.
 */
export function timeText(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const clock = `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
  const [year, month, day] = [date.getFullYear(), date.getMonth(), date.getDate()];
  return locale === 'zh'
    ? `${year}年${month + 1}月${day}日 ${clock}`
    : `${day} ${MONTHS[month] ?? ''} ${year}, ${clock}`;
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

/**
 * An icon beside each outcome's word (its colour: history-rows.module.css); the words carry the
 * meaning, icon and colour only reinforce it.
 */
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
