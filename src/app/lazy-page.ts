import { lazy, type ComponentType } from 'react';
import { loadChunk } from '../lib/chunk-load';

/**
 * A page in its own chunk, fetched the first time it renders. React.lazy rather than the route's
 * `lazy` property on purpose: the router would fetch the route's module on the first navigation,
 * while the connection screen still stands in for every page, and the first screen would pay for
 * a page it does not show. A chunk that fails to load rejects as a ChunkLoadError, which the
 * route's error boundary explains as "the dashboard was updated or could not load".
 */
export function lazyPage<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  return lazy(() => loadChunk(load).then((module) => ({ default: pick(module) })));
}
