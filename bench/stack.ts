import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { preview } from 'vite';
import { callSimControl } from '../sim/control-client';
import { startChildSimulator, type ChildSimulator } from './child-simulator';

export const BENCH_ROOT_PASSWORD = 'bench-root-pw';

export interface BenchStack {
  sim: ChildSimulator;
  /** The built app (not the dev server: figures must describe what users get). */
  appUrl: string;
  /** "production server" or "vite preview". */
  servedBy: string;
  /** Repository root (for builds a measurement needs of its own). */
  root: string;
  close(): Promise<void>;
}

export interface ServedApp {
  url: string;
  servedBy: string;
  close(): Promise<void>;
}

/** The production server's API as the bench uses it (server/app.ts, server/config.ts). */
interface ServerModules {
  loadConfig(env: Record<string, string | undefined>): { clusters: unknown[] };
  buildServer(
    config: unknown,
    options: { clusters: unknown[]; logger?: boolean },
  ): Promise<{
    listen(o: { port: number; host: string }): Promise<string>;
    close(): Promise<unknown>;
  }>;
}

/**
 * The production server exists: serve the build the way `npm start` does (base href, security
 * headers, obshell proxy). Loaded by path so the bench still runs (with Vite preview) without it.
 */
export function hasProductionServer(root: string): boolean {
  return ['app.ts', 'config.ts'].every((f) => existsSync(path.join(root, 'server', f)));
}

async function serveWithProductionServer(
  root: string,
  outDir: string,
  simUrl: string,
  env: Record<string, string> = {},
): Promise<ServedApp> {
  const appModule = (await import(path.join(root, 'server', 'app.ts'))) as Partial<ServerModules>;
  const configModule = (await import(
    path.join(root, 'server', 'config.ts')
  )) as Partial<ServerModules>;
  if (!appModule.buildServer || !configModule.loadConfig) {
    throw new Error('server/app.ts or server/config.ts lacks buildServer/loadConfig');
  }
  const config = configModule.loadConfig({
    OBSHELL_URL: simUrl,
    DIST_DIR: outDir,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    // Its own change history, never data/history.db of the working copy.
    HISTORY_DB: path.join(mkdtempSync(path.join(tmpdir(), 'obdash-bench-')), 'history.db'),
    ...env,
  });
  const app = await appModule.buildServer(config, { clusters: config.clusters, logger: false });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    servedBy: 'production server',
    close: async () => {
      await app.close();
    },
  };
}

/**
 * Vite's preview server, `/api` proxied to the simulator. No config file: preview needs only the
 * output directory and the proxy (vite.config.ts would start a second, embedded simulator). The
 * build must then use base "/" (see `buildBase`): preview injects no <base href> for deep links.
 */
async function serveWithVitePreview(
  root: string,
  outDir: string,
  simUrl: string,
): Promise<ServedApp> {
  const server = await preview({
    root,
    configFile: false,
    logLevel: 'error',
    build: { outDir },
    preview: {
      host: '127.0.0.1',
      port: 0,
      proxy: { '/api': { target: simUrl, changeOrigin: true } },
    },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) {
    await server.close();
    throw new Error('vite preview did not report its URL');
  }
  return { url, servedBy: 'vite preview', close: () => server.close() };
}

/** The base the bench builds with: as configured for the production server, "/" for preview. */
export function buildBase(root: string): string | undefined {
  return hasProductionServer(root) ? undefined : '/';
}

/** Serves a build against an existing simulator, the production server's way when it exists. */
export function serveBuild(
  root: string,
  outDir: string,
  simUrl: string,
  env?: Record<string, string>,
): Promise<ServedApp> {
  return hasProductionServer(root)
    ? serveWithProductionServer(root, outDir, simUrl, env)
    : serveWithVitePreview(root, outDir, simUrl);
}

/** A real simulator (its own process, see child-simulator.ts) plus the built app. */
export async function startStack(outDir: string, root: string): Promise<BenchStack> {
  const sim = await startChildSimulator(root, BENCH_ROOT_PASSWORD);
  let served: ServedApp;
  try {
    served = await serveBuild(root, outDir, sim.url);
  } catch (error) {
    await sim.close();
    throw error;
  }
  return {
    sim,
    appUrl: served.url.replace(/\/$/, ''),
    servedBy: served.servedBy,
    root,
    async close() {
      await served.close();
      await sim.close();
    },
  };
}

/** The simulator's loopback control API (`/__sim/...`). */
export const simCall = callSimControl;
