import type { ComponentType } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { routes } from '../config/routes';
import { useEmbedMode } from '../features/embed/embed-context';
import { historyPageChunk } from '../features/history/api/history-first-page';
import { RootErrorBoundary, RouteErrorBoundary } from './error-boundaries';
import { AppLayout } from './layout';
import { lazyPage } from './lazy-page';

// Each page is its own chunk: the first screen loads only what it shows.
const BackupConfigPage = lazyPage(
  () => import('../features/backup-config/components/backup-config-page'),
  (m) => m.BackupConfigPage,
);
const TasksPage = lazyPage(
  () => import('../features/tasks/components/tasks-page'),
  (m) => m.TasksPage,
);
const StatusPage = lazyPage(
  () => import('./status-route'),
  (m) => m.StatusRoute,
);
const DagTimelinePage = lazyPage(
  () => import('../features/tasks/components/dag-timeline-page'),
  (m) => m.DagTimelinePage,
);
const HistoryPage = lazyPage(historyPageChunk, (m) => m.HistoryPage);

/** What a route tells the app about itself (react-router's `handle`), see landing-reads.ts. */
export interface PageHandle {
  /** The status page: its tenant reads start on unlocking when the user lands there. */
  statusReads?: true;
  /** Sends to the first screen: the status page, or the backup form inside a portal's iframe. */
  firstScreen?: true;
}

/** A page route: its own error boundary, so a failing page leaves the shell and navigation up. */
function page(path: string, Component: ComponentType, handle: PageHandle = {}): RouteObject {
  return { path, Component, ErrorBoundary: RouteErrorBoundary, handle };
}

/**
 * The first screen after unlocking: the status of every tenant (issue 13). Inside a portal's
 * iframe there is no navigation, and the documented embed address (`?embed=1` on the base path)
 * has always opened the backup form: it still does; a host frames `status?embed=1` for the status.
 */
function FirstScreen() {
  const embedded = useEmbedMode();
  return <Navigate to={embedded ? routes.backupConfig : routes.status} replace />;
}
const toFirstScreen = <FirstScreen />;
const FIRST_SCREEN: PageHandle = { firstScreen: true };

/**
 * The one route table. Paths are relative to the router's basename (the deployment's base path);
 * `config/routes.ts` holds the same paths for links between features. A new page is one `page()`
 * line here plus its nav link in the layout.
 */
export const appRoutes: RouteObject[] = [
  {
    id: 'root',
    Component: AppLayout,
    ErrorBoundary: RootErrorBoundary,
    children: [
      { index: true, element: toFirstScreen, handle: FIRST_SCREEN },
      page('status', StatusPage, { statusReads: true }),
      page('backup', BackupConfigPage),
      page('tasks', TasksPage),
      page('tasks/:id', DagTimelinePage),
      page('history', HistoryPage),
      { path: '*', element: toFirstScreen, handle: FIRST_SCREEN },
    ],
  },
];
