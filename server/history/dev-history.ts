import Fastify from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { registerHistoryRoutes } from './history-routes.ts';
import { openHistoryStore } from './history-store.ts';

/**
 * The history API for `npm run dev` and e2e workers: its own Fastify on 127.0.0.1 (port 0) over a
 * database in a fresh temporary directory, removed by `close()`. Vite proxies `/history` to `url`
 * WITHOUT changeOrigin: the same-origin check compares the browser's Origin with the Host header.
 * Pass `file` to keep the history across restarts instead (e2e "after a server restart").
 */
export async function startDevHistory(options: { file?: string; clusterIds?: string[] } = {}) {
  const dir = options.file ? undefined : mkdtempSync(path.join(tmpdir(), 'obdash-dev-history-'));
  const file = options.file ?? path.join(dir ?? '', 'history.db');
  const store = openHistoryStore(file, { retentionDays: 365 });
  const app = Fastify({ logger: false });
  await registerHistoryRoutes(app, {
    store,
    basePath: '/',
    trustedProxies: [],
    clusterIds: options.clusterIds,
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    file,
    store,
    async close() {
      await app.close();
      store.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
