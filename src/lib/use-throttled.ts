import { useEffect, useRef, useState } from 'react';

/**
 * `value`, passed on at most once every `ms` (the latest one wins; nothing is dropped at the end).
 * For views fed by hundreds of reads: each answer re-renders the page, but a large table built
 * from them (a Mantine table re-renders every cell through its context) is rebuilt ~10 times a
 * second instead of once per answer, which made the page O(n²) in tenants. `final`: the reads are
 * complete, pass `value` on at once — what is last shown is never late.
 */
export function useThrottled<T>(value: T, ms: number, final = false): T {
  const [shown, setShown] = useState(value);
  const lastShown = useRef(0);
  useEffect(() => {
    // Final: shown as is, no state to follow (a new object per render would loop otherwise).
    if (final || Object.is(value, shown)) return;
    const wait = Math.max(0, lastShown.current + ms - Date.now());
    const timer = setTimeout(() => {
      lastShown.current = Date.now();
      setShown(value);
    }, wait);
    return () => clearTimeout(timer);
  }, [value, shown, ms, final]);
  return final ? value : shown;
}
