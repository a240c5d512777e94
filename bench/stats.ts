/** Small statistics helpers for the bench; pure so they are unit-tested. */

export function median(values: readonly number[]): number | null {
  return percentile(values, 50);
}

/**
 * Nearest-rank percentile (the smallest sample with at least p% of samples at or below it), so a
 * p95 over 40 keystrokes is a real observed value, not an interpolation between two.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  if (p < 0 || p > 100) throw new RangeError(`percentile ${p} is outside 0..100`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
