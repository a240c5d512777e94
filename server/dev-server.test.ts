import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type UserConfig } from 'vite';
import viteConfig, { devApiProxy } from '../vite.config.ts';
import { startUpstream } from './testing/helpers.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

describe('dev server (vite.config.ts), issue 12', () => {
  it('item 1: the /api proxy marks every answer no-store', async () => {
    const obshell = await startUpstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'max-age=600' });
      res.end('{"successful":true}');
    });
    cleanups.push(obshell.close);
    const vite = await createServer({
      configFile: false,
      logLevel: 'silent',
      server: { port: 0, host: '127.0.0.1', proxy: { '/api': devApiProxy(obshell.url) } },
      optimizeDeps: { noDiscovery: true, include: [] },
    });
    cleanups.push(() => vite.close());
    await vite.listen();
    const url = vite.resolvedUrls?.local[0] ?? '';
    const response = await fetch(new URL('api/v1/info', url));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('item 11: the build writes hidden source maps', async () => {
    const resolve = viteConfig as (env: { command: 'build'; mode: string }) => Promise<UserConfig>;
    const config = await resolve({ command: 'build', mode: 'production' });
    expect(config.build?.sourcemap).toBe('hidden');
  });
});
