import { defineConfig, type Plugin, type PluginOption, type ProxyOptions } from 'vite';
import react from '@vitejs/plugin-react';
import { z } from 'zod';
import { formatConfigIssues } from './src/lib/config-issues.ts';
import type { startSimulator as StartSimulator } from './sim/start.ts';
import type { startDevHistory as StartDevHistory } from './server/history/dev-history.ts';
import type { startDevReadBatch as StartDevReadBatch } from './server/dev-read-batch.ts';

/**
 * `npm run dev`: the app on Vite, `/api` proxied to obshell. With no OBSHELL_URL the embedded obshell
 * simulator starts in this same process, so one Ctrl-C stops both.
 */
const devEnvSchema = z.object({
  OBSHELL_URL: z.url({ protocol: /^https?$/ }).optional(),
  SIM_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  SIM_PASSWORD: z.string().default('demo-root-pw'),
});

function readDevEnv() {
  const parsed = devEnvSchema.safeParse({
    OBSHELL_URL: process.env.OBSHELL_URL || undefined,
    SIM_PORT: process.env.SIM_PORT || undefined,
    SIM_PASSWORD: process.env.SIM_PASSWORD,
  });
  if (!parsed.success) {
    throw new Error(formatConfigIssues('Bad dev configuration', parsed.error.issues));
  }
  return parsed.data;
}

/**
 * The dev server's `/api` proxy. Like the production proxy, it marks every answer `no-store`:
 * obshell's answers carry `access_key=…` in clear and must not land in the browser's disk cache.
 */
export function devApiProxy(target: string): ProxyOptions {
  return {
    target,
    changeOrigin: true,
    configure: (proxy) => {
      proxy.on('proxyRes', (response) => {
        response.headers['cache-control'] = 'no-store';
      });
    },
  };
}

/** Stops a server started beside the dev server when the dev server closes (one Ctrl-C). */
function stopsWithDevServer(name: string, stop: () => Promise<unknown>): Plugin {
  return {
    name,
    configureServer(server) {
      server.httpServer?.once('close', () => void stop());
    },
  };
}

function announce(lines: string[]): Plugin {
  return {
    name: 'obshell-target-banner',
    configureServer(server) {
      server.httpServer?.once('listening', () => {
        setTimeout(() => lines.forEach((line) => server.config.logger.info(line)), 50);
      });
    },
  };
}

/**
 * The change-history API of the production server, over a temporary database removed on exit.
 * Proxied WITHOUT changeOrigin: its same-origin check compares the page's Origin with Host.
 * A regex key, so the History page itself (`/history`) stays Vite's.
 */
async function devHistoryProxy(plugins: PluginOption[]): Promise<Record<string, ProxyOptions>> {
  const { tsImport } = await import('tsx/esm/api');
  const { startDevHistory } = (await tsImport(
    './server/history/dev-history.ts',
    import.meta.url,
  )) as { startDevHistory: typeof StartDevHistory };
  const history = await startDevHistory({ clusterIds: ['default'] });
  plugins.push(stopsWithDevServer('dev-change-history', () => history.close()));
  return { '^/history/(?:entries|facets|export)': { target: history.url } };
}

/**
 * The production server's read-batch route (src/lib/obshell/read-batch-wire.ts), forwarding to the
 * same obshell as `/api`. Proxied WITHOUT changeOrigin, like the history API.
 */
async function devReadBatchProxy(
  plugins: PluginOption[],
  target: string,
): Promise<Record<string, ProxyOptions>> {
  const { tsImport } = await import('tsx/esm/api');
  const { startDevReadBatch } = (await tsImport('./server/dev-read-batch.ts', import.meta.url)) as {
    startDevReadBatch: typeof StartDevReadBatch;
  };
  const batch = await startDevReadBatch({ target });
  plugins.push(stopsWithDevServer('dev-read-batch', () => batch.close()));
  return { '^/obshell-batch$': { target: batch.url } };
}

export default defineConfig(async ({ command }) => {
  const plugins: PluginOption[] = [react()];
  let target: string | undefined;
  let historyProxy: Record<string, ProxyOptions> = {};
  if (command === 'serve' && !process.env.VITEST) {
    historyProxy = await devHistoryProxy(plugins);
    const env = readDevEnv();
    if (env.OBSHELL_URL) {
      target = env.OBSHELL_URL;
      plugins.push(announce([`  ➜  obshell:  ${target} (OBSHELL_URL)`]));
    } else {
      // Loaded through tsx at run time rather than bundled into this config: the simulator is a
      // separate Node program, and bundling it would make Vite lint its imports on every start.
      const { tsImport } = await import('tsx/esm/api');
      const { startSimulator } = (await tsImport('./sim/start.ts', import.meta.url)) as {
        startSimulator: typeof StartSimulator;
      };
      const sim = await startSimulator({ port: env.SIM_PORT, rootPassword: env.SIM_PASSWORD });
      target = sim.url;
      plugins.push(
        announce([
          `  ➜  obshell:  embedded simulator at ${sim.url}`,
          `  ➜  demo root@sys password: ${env.SIM_PASSWORD}`,
        ]),
        stopsWithDevServer('embedded-obshell-simulator', () => sim.close()),
      );
    }
  }
  const batchProxy = target ? await devReadBatchProxy(plugins, target) : {};
  return {
    plugins,
    server: target
      ? { proxy: { '/api': devApiProxy(target), ...historyProxy, ...batchProxy } }
      : {},
    // Relative asset URLs: the production server serves one build under any BASE_PATH (it injects
    // <base href>), see server/index-html.ts.
    base: './',
    // Maps are written but not referenced from the bundles: the server serves them only with
    // SERVE_SOURCE_MAPS, so the full sources are not public by default.
    build: { sourcemap: 'hidden' as const },
    // Pre-bundle every dependency up front. Otherwise Vite discovers some only when a lazy route
    // first loads them, re-optimizes and reloads the page: a lost click in e2e tests, a flash in dev.
    optimizeDeps: {
      include: [
        'react',
        'react/jsx-dev-runtime',
        'react-dom/client',
        'react-router',
        '@mantine/core',
        '@mantine/hooks',
        '@tanstack/react-query',
        'react-hook-form',
        '@hookform/resolvers/zod',
        'zod',
        'node-forge',
      ],
    },
  };
});
