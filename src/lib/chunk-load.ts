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

/** A lazy chunk: `load()` starts it (or returns the load under way), `current()` has it once in. */
export interface PreloadableChunk<T> {
  load(): Promise<T>;
  current(): T | undefined;
}

/**
 * A chunk that can be fetched ahead (on idle, on hover) and then rendered without suspending:
 * React.lazy suspends on its first render even when the module is already in, and a suspended
 * route change costs a thrown-away render (issue 15 measured 11–15 ms). A failed load is
 * forgotten, so a preload that failed (network blip) does not fail the page later: the next
 * `load()` fetches again.
 */
export function preloadableChunk<T>(load: () => Promise<T>): PreloadableChunk<T> {
  let loaded: T | undefined;
  let pending: Promise<T> | undefined;
  return {
    load: () =>
      (pending ??= loadChunk(load).then(
        (module) => (loaded = module),
        (error: unknown) => {
          pending = undefined;
          throw error;
        },
      )),
    current: () => loaded,
  };
}
