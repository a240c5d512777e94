import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger, createServer, type ViteDevServer } from 'vite';
import { buildServer } from '../../server/app';
import { loadConfig } from '../../server/config';
import { ensureBuilt } from './prod-build';

/** A host name Chromium resolves to 127.0.0.1 (see playwright.config.ts): a non-secure origin. */
export const INSECURE_HOST = 'obshell-dash.test';

export interface AppServer {
  appUrl: string;
  appPort: number;
  close: () => Promise<void>;
}

function portOf(address: string): number {
  return Number(new URL(address).port);
}

/**
 * The production build served by the production server (server/app.ts), one cluster proxied to
 * `obshellUrl`: what users run. The build is made once per test run and shared by the workers;
 * serving it costs a fraction of what Vite's dev server spends per page load.
 */
export async function startProductionApp(obshellUrl: string): Promise<AppServer> {
  const distDir = await ensureBuilt();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'e2e-history-'));
  const config = loadConfig({
    OBSHELL_URL: obshellUrl,
    DIST_DIR: distDir,
    HISTORY_DB: path.join(dataDir, 'history.db'),
    LOG_LEVEL: 'warn',
    // Above the slowest latency a spec injects (5 s), like Vite's proxy, which has no timeout.
    PROXY_TIMEOUT_MS: '30000',
  });
  const server = await buildServer(config, {
    clusters: [{ id: 'default', name: 'Simulator', url: obshellUrl }],
    logger: false,
  });
  const appUrl = await server.listen({ port: 0, host: '127.0.0.1' });
  return {
    appUrl,
    appPort: portOf(appUrl),
    close: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Vite's logger at "warn", minus proxy errors: fault-injection tests drop connections on purpose,
 * and a stack trace per dropped request would bury real failures in the output.
 */
function quietLogger() {
  const logger = createLogger('warn');
  const error = logger.error.bind(logger);
  logger.error = (message, options) => {
    if (!message.includes('http proxy error')) error(message, options);
  };
  return logger;
}

/** `npm run dev`: Vite's dev server with `/api` proxied to `obshellUrl` (OBSHELL_URL). */
export async function startDevApp(obshellUrl: string, parallelIndex: number): Promise<AppServer> {
  process.env.OBSHELL_URL = obshellUrl;
  const server: ViteDevServer = await createServer({
    configFile: path.resolve('vite.config.ts'),
    // parallelIndex, not workerIndex: a worker restarted after a failure reuses its
    // predecessor's pre-bundled deps instead of optimizing from scratch.
    cacheDir: path.resolve(`node_modules/.vite-e2e-${String(parallelIndex)}`),
    server: {
      port: 0,
      host: '127.0.0.1',
      strictPort: false,
      // The non-secure-origin test opens the app as http://obshell-dash.test:<port>/ (mapped
      // to 127.0.0.1 by Chromium's --host-resolver-rules); Vite refuses unknown Host headers.
      allowedHosts: [INSECURE_HOST],
      hmr: false,
    },
    customLogger: quietLogger(),
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('vite did not listen');
  const appUrl = `http://127.0.0.1:${String(address.port)}`;
  // Warm up: transform the entry and pre-bundle dependencies before the first test's page
  // load, so its timeouts measure the app, not Vite's first compile.
  await fetch(`${appUrl}/`).then((response) => response.text());
  await server.warmupRequest('/src/main.tsx');
  return { appUrl, appPort: address.port, close: () => server.close() };
}
