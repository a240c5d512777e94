import { createElement, lazy, useState, type ComponentType } from 'react';
import { preloadableChunk, type PreloadableChunk } from '../lib/chunk-load';

/**
 * A page in its own chunk, fetched the first time it renders, or earlier through a
 * PreloadableChunk the layout preloads: a page whose chunk is already in renders at once (React.lazy
 * alone suspends once even then). Loaded at render rather than by the route's `lazy` property on
 * purpose: the router would fetch the route's module on the first navigation, while the
 * connection screen still stands in for every page, and the first screen would pay for a page it
 * does not show. A chunk that fails to load rejects as a ChunkLoadError, which the route's error
 * boundary explains as "the dashboard was updated or could not load".
 */
export function lazyPage<M>(
  source: (() => Promise<M>) | PreloadableChunk<M>,
  pick: (module: M) => ComponentType,
): ComponentType {
  const chunk = typeof source === 'function' ? preloadableChunk(source) : source;
  const Lazy = lazy(() => chunk.load().then((module) => ({ default: pick(module) })));
  return function LazyPage() {
    // Decided once per mount: turning from Lazy into the page itself would remount the page.
    const [loaded] = useState(() => chunk.current());
    return createElement(loaded === undefined ? Lazy : pick(loaded));
  };
}
