import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { createAppRouter } from './router';

// Re-exported for the session shell, which fetches this chunk while the connection screen is up.
export { preloadPageChunks } from './layout';
export { prefetchLandingReads } from './landing-reads';

// One router for the life of the page: it listens to the browser's history, survives locking and
// cluster switches (RouterProvider remounts, the router's state stays), and StrictMode runs state
// initializers twice in development (a second router would listen too).
let appRouter: ReturnType<typeof createAppRouter> | undefined;

/** The pages behind the data router; loaded after unlocking, as its own chunk. */
export function RoutedApp({ basename }: { basename: string }) {
  const [router] = useState(() => (appRouter ??= createAppRouter(basename)));
  return <RouterProvider router={router} />;
}

/** The router, if the pages were shown once: a locked cluster switch must move it too. */
export function routerIfCreated() {
  return appRouter;
}
