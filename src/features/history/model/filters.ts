import type { HistoryFilter } from '../../../lib/history-client';
import { HISTORY_OUTCOMES, type HistoryOutcome } from '../../../lib/history-outcomes';

/** The filter bar as typed: plain strings ("" = any), dates as the date inputs give them. */
export interface FilterState {
  cluster: string;
  field: string;
  user: string;
  outcome: string;
  /** yyyy-mm-dd (local day) or "". */
  from: string;
  to: string;
}

export const emptyFilters = (cluster = ''): FilterState => ({
  cluster,
  field: '',
  user: '',
  outcome: '',
  from: '',
  to: '',
});

const isOutcome = (value: string): value is HistoryOutcome =>
  (HISTORY_OUTCOMES as readonly string[]).includes(value);

/** A local day's start (or end) as an ISO instant; undefined for "" or a malformed date. */
function dayBound(day: string, end: boolean): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (end) date.setDate(date.getDate() + 1);
  const time = date.getTime() - (end ? 1 : 0);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** What the API is asked; `user` is the debounced text so typing does not query per keystroke. */
export function toApiFilter(state: FilterState, debouncedUser: string): HistoryFilter {
  const user = debouncedUser.trim();
  return {
    cluster: state.cluster || undefined,
    field: state.field || undefined,
    user: user || undefined,
    outcome: isOutcome(state.outcome) ? [state.outcome] : undefined,
    from: dayBound(state.from, false),
    to: dayBound(state.to, true),
  };
}

export const hasFilters = (state: FilterState) =>
  Object.values(state).some((value) => value !== '');
