import { createBrowserRouter } from 'react-router';
import { appRoutes } from './routes';

/**
 * The app's data router (needed for useBlocker and per-route error boundaries). `basename` is the
 * deployment's base path without its trailing slash (see routerBasename): the production server
 * injects the base path at run time, so one build serves under any prefix.
 */
export function createAppRouter(basename: string) {
  return createBrowserRouter(appRoutes, { basename });
}
