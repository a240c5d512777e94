import { test as base, expect } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildServer } from '../server/app';
import { loadConfig, type ClusterTarget } from '../server/config';
import { startSimulator, type SimulatorHandle } from '../sim/start';
import { ROOT_PASSWORD, SimControl } from './fixtures';
import { ensureBuilt } from './support/prod-build';

/**
 * e2e against the production build and server (not Vite's dev server): the app built once per
 * test run, served by server/app.ts under a base path, two simulators as two clusters, and a
 * "portal" page on another origin that frames the app.
 */

export const BASE_PATH = '/ops/backup/';
export const PASSWORD_A = ROOT_PASSWORD;
export const PASSWORD_B = 'e2e-root-pw-cluster-b';

/** The portal: a page on its own origin that frames the app and records what it posts. */
function hostPage(appUrl: string): string {
  const appOrigin = new URL(appUrl).origin;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Portal</title></head>
<body><h1>Portal</h1><ul id="events" aria-label="events"></ul>
<iframe id="app" title="Backup dashboard" src="${appUrl}" style="width:1200px;height:800px;border:0"></iframe>
<script>
  window.hostEvents = [];
  window.addEventListener('message', (event) => {
    if (event.origin !== ${JSON.stringify(appOrigin)}) return;
    window.hostEvents.push(event.data);
    const li = document.createElement('li');
    li.textContent = JSON.stringify(event.data);
    document.getElementById('events').appendChild(li);
  });
  window.sendToApp = (message) =>
    document.getElementById('app').contentWindow.postMessage(message, ${JSON.stringify(appOrigin)});
</script></body></html>`;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function startHost() {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://host');
    const app = url.searchParams.get('app');
    if (url.pathname !== '/host.html' || !app) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hostPage(app));
  });
  return { server, url: listen(server) };
}

export interface ProdStack {
  simA: SimulatorHandle;
  simB: SimulatorHandle;
  /** Origin of the production server; the app is at `${origin}${BASE_PATH}`. */
  origin: string;
  /** Same build, one cluster (sim A): the API sits right under the base path. */
  singleOrigin: string;
  /** An allow-listed portal (other origin) and one that is not. */
  portalOrigin: string;
  strangerOrigin: string;
  distDir: string;
  clusters: ClusterTarget[];
}

export const test = base.extend<
  { controlA: SimControl; controlB: SimControl },
  { prod: ProdStack }
>({
  prod: [
    async ({}, use) => {
      const distDir = await ensureBuilt();
      const simA = await startSimulator({ port: 0, rootPassword: PASSWORD_A });
      const simB = await startSimulator({ port: 0, rootPassword: PASSWORD_B });
      const portal = startHost();
      const stranger = startHost();
      const portalOrigin = await portal.url;
      const strangerOrigin = await stranger.url;
      const clusters: ClusterTarget[] = [
        { id: 'shanghai', name: 'Shanghai prod', url: simA.url, notes: 'primary' },
        { id: 'hangzhou', name: 'Hangzhou DR', url: simB.url },
      ];
      const env = {
        BASE_PATH,
        DIST_DIR: distDir,
        FRAME_ANCESTORS: `'self' ${portalOrigin}`,
        LOG_LEVEL: 'warn',
        PROXY_TIMEOUT_MS: '5000',
      };
      const multi = await buildServer(loadConfig(env), { clusters, logger: false });
      const single = await buildServer(loadConfig({ ...env, OBSHELL_URL: simA.url }), {
        clusters: [{ id: 'default', name: 'Shanghai prod', url: simA.url }],
        logger: false,
      });
      const origin = await multi.listen({ port: 0, host: '127.0.0.1' });
      const singleOrigin = await single.listen({ port: 0, host: '127.0.0.1' });
      await use({
        simA,
        simB,
        origin,
        singleOrigin,
        portalOrigin,
        strangerOrigin,
        distDir,
        clusters,
      });
      await Promise.all([multi.close(), single.close()]);
      portal.server.close();
      stranger.server.close();
      await Promise.all([simA.close(), simB.close()]);
    },
    { scope: 'worker', timeout: 240_000 },
  ],
  controlA: [
    async ({ prod }, use) => {
      const control = new SimControl(prod.simA.url);
      await control.call('POST', 'reset', { rootPassword: PASSWORD_A });
      await use(control);
    },
    { auto: true },
  ],
  controlB: [
    async ({ prod }, use) => {
      const control = new SimControl(prod.simB.url);
      await control.call('POST', 'reset', { rootPassword: PASSWORD_B });
      await use(control);
    },
    { auto: true },
  ],
});

export { expect };
