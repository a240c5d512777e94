import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useMemo, useSyncExternalStore } from 'react';
import { QueryListObserver, type QueryListOptions, type QueryListSnapshot } from './query-list';

/**
 * Many reads of one kind (e.g. one per tenant) as one value that changes at most once per
 * `intervalMs` while they are still being read (see QueryListObserver). `options` must be a stable
 * array (memoized on what it is built from): a new array starts a new set of observers.
 */
export function useQueryList<T, K extends QueryKey>(
  options: readonly QueryListOptions<T, K>[],
  intervalMs = 50,
): QueryListSnapshot<T> {
  const client = useQueryClient();
  const list = useMemo(
    () => new QueryListObserver(client, options, intervalMs),
    [client, options, intervalMs],
  );
  return useSyncExternalStore(list.subscribe, list.getSnapshot, list.getSnapshot);
}
