/**
 * Runs `run` once the browser is idle (at the latest after `timeoutMs`), or after `fallbackMs`
 * where there is no idle callback (Safari). Returns the cancel function, for an effect's cleanup.
 */
export function whenIdle(
  run: () => void,
  { timeoutMs = 2000, fallbackMs = 200 }: { timeoutMs?: number; fallbackMs?: number } = {},
): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(run, { timeout: timeoutMs });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(run, fallbackMs);
  return () => window.clearTimeout(id);
}
