/**
 * A piece of the dashboard's own code (a lazy chunk) that could not be loaded: the dashboard was
 * redeployed while the tab was open (old chunk names are gone) or the network dropped. The remedy
 * is a reload, never "check obshell", so this is told apart from every obshell failure.
 */
export class ChunkLoadError extends Error {
  constructor(cause: unknown) {
    super('A part of the dashboard could not be loaded', { cause });
    this.name = 'ChunkLoadError';
  }
}

// Errors Vite reported through `vite:preloadError` (production builds), see markChunkLoadFailure.
const reported = new WeakSet<object>();

/** Records an error Vite reported as a failed preload, so isChunkLoadError knows it. */
export function markChunkLoadFailure(error: unknown) {
  if (typeof error === 'object' && error !== null) reported.add(error);
}

// What browsers say when a dynamic import cannot be fetched (Chromium, Firefox, Safari), and
// Vite's own preload message.
const BROWSER_MESSAGES =
  /Failed to fetch dynamically imported module|error loading dynamically imported module|Importing a module script failed|Unable to preload CSS/i;

export function isChunkLoadError(error: unknown): boolean {
  if (error instanceof ChunkLoadError) return true;
  if (typeof error === 'object' && error !== null && reported.has(error)) return true;
  return error instanceof Error && BROWSER_MESSAGES.test(error.message);
}

/** Runs a dynamic import; any rejection becomes a ChunkLoadError. */
export function loadChunk<T>(load: () => Promise<T>): Promise<T> {
  return load().catch((cause: unknown) => {
    throw cause instanceof ChunkLoadError ? cause : new ChunkLoadError(cause);
  });
}
