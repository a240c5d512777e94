import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildServer } from './app.ts';
import type { ClusterTarget } from './config.ts';
import { closedPort, fakeDist, startUpstream, testConfig } from './testing/helpers.ts';

const dist = fakeDist();
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function serve(env: Record<string, string>, clusters: ClusterTarget[], logs?: string[]) {
  const config = testConfig(env, dist);
  const app: FastifyInstance = await buildServer(config, {
    clusters,
    ...(logs
      ? {
          logger: {
            level: 'trace',
            stream: new Writable({
              write(chunk: Buffer, _enc, done) {
                logs.push(chunk.toString('utf8'));
                done();
              },
            }),
          },
        }
      : {}),
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  cleanups.push(() => app.close());
  return address;
}

describe('static app under a base path', () => {
  it('serves index.html with <base href> and the runtime config, and security headers', async () => {
    const url = await serve(
      { BASE_PATH: '/ops/backup/', FRAME_ANCESTORS: 'https://portal.example.com' },
      [{ id: 'default', name: 'prod <1>', url: 'http://127.0.0.1:1' }],
    );
    for (const page of ['/ops/backup/', '/ops/backup/tasks/123', '/ops/backup/index.html']) {
      const response = await fetch(`${url}${page}`);
      expect(response.status, page).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await response.text();
      expect(html).toContain('<base href="/ops/backup/" />');
      const meta = /<meta name="obdash-config" content="([^"]*)"/.exec(html)?.[1] ?? '';
      // Attribute-escaped JSON: no raw "<" or quote can end the attribute or open a tag.
      expect(meta).not.toMatch(/[<>"]/);
      const config: unknown = JSON.parse(
        meta
          .replace(/&quot;/g, '"')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&amp;/g, '&'),
      );
      expect(config).toEqual({
        basePath: '/ops/backup/',
        // The proxy's timeout, so the browser waits a little longer than it (issue 12 item 4).
        clusters: [
          { id: 'default', name: 'prod <1>', apiBase: '/ops/backup', proxyTimeoutMs: 30_000 },
        ],
        embedOrigins: ['https://portal.example.com'],
      });
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self';");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(csp).toContain('frame-ancestors https://portal.example.com');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('serves assets with long caching and 404s outside the base path', async () => {
    const url = await serve({ BASE_PATH: '/ops/backup/' }, [
      { id: 'default', name: 'a', url: 'http://127.0.0.1:1' },
    ]);
    const asset = await fetch(`${url}/ops/backup/assets/app-abc.js`);
    expect(asset.status).toBe(200);
    expect(await asset.text()).toBe('console.log("app");');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(asset.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await fetch(`${url}/ops/backup/assets/missing.js`)).status).toBe(404);
    // Portals' health checks and link checkers use HEAD on pages too.
    expect((await fetch(`${url}/ops/backup/tasks`, { method: 'HEAD' })).status).toBe(200);
    expect((await fetch(`${url}/elsewhere`)).status).toBe(404);
    const bare = await fetch(`${url}/ops/backup`, { redirect: 'manual' });
    expect(bare.status).toBe(302);
    expect(bare.headers.get('location')).toBe('/ops/backup/');
  });

  it('answers /healthz', async () => {
    const url = await serve({ BASE_PATH: '/ops/backup/' }, [
      { id: 'default', name: 'a', url: 'http://127.0.0.1:1' },
    ]);
    const response = await fetch(`${url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});

describe('obshell proxy', () => {
  it('forwards path, query and body byte-for-byte and passes answers through unchanged', async () => {
    const envelope = JSON.stringify({
      successful: false,
      status: 400,
      traceId: 'abc',
      error: { errCode: 'OB.Backup.BaseUriEmpty', message: 'backup_base_uri cannot be empty' },
    });
    const upstream = await startUpstream((_req, res) => {
      res.writeHead(400, { 'content-type': 'application/json', 'x-obshell': 'yes' });
      res.end(envelope);
    });
    cleanups.push(upstream.close);
    const url = await serve({ BASE_PATH: '/ops/backup/' }, [
      { id: 'default', name: 'a', url: upstream.url },
    ]);
    const response = await fetch(
      `${url}/ops/backup/api/v1/tenant/app_tenant/parameters?filter=%25&x=a%20b`,
      {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', 'X-OCS-Header': 'c2lnbmVk' },
        body: 'bm90LWpzb24=',
      },
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('x-obshell')).toBe('yes');
    expect(await response.text()).toBe(envelope);
    expect(upstream.seen).toHaveLength(1);
    expect(upstream.seen[0]).toMatchObject({
      method: 'PATCH',
      url: '/api/v1/tenant/app_tenant/parameters?filter=%25&x=a%20b',
      body: 'bm90LWpzb24=',
    });
    expect(upstream.seen[0]?.headers['x-ocs-header']).toBe('c2lnbmVk');
  });

  it('routes each cluster to its own obshell', async () => {
    const a = await startUpstream();
    const b = await startUpstream();
    cleanups.push(a.close, b.close);
    const url = await serve({ BASE_PATH: '/p/' }, [
      { id: 'a', name: 'A', url: a.url },
      { id: 'b', name: 'B', url: b.url },
    ]);
    expect((await fetch(`${url}/p/clusters/b/api/v1/info`)).status).toBe(200);
    expect((await fetch(`${url}/p/clusters/a/api/v1/status?x=1`)).status).toBe(200);
    expect(a.seen.map((r) => r.url)).toEqual(['/api/v1/status?x=1']);
    expect(b.seen.map((r) => r.url)).toEqual(['/api/v1/info']);
    // With several clusters there is no implicit default target.
    const bare = await fetch(`${url}/p/api/v1/info`);
    expect(bare.status).toBe(404);
    const unknown = await fetch(`${url}/p/clusters/c/api/v1/info`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({
      successful: false,
      status: 404,
      error: { errCode: 'Proxy.NoSuchCluster' },
    });
  });

  it('turns an unreachable obshell into an envelope-shaped 502', async () => {
    const port = await closedPort();
    const url = await serve({}, [{ id: 'default', name: 'down', url: `http://127.0.0.1:${port}` }]);
    const response = await fetch(`${url}/api/v1/info`);
    expect(response.status).toBe(502);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      successful: false,
      status: 502,
      error: { errCode: 'Proxy.Unreachable', subErrors: [] },
    });
    expect(JSON.stringify(body)).toContain('Cannot reach the obshell of cluster \\"down\\"');
    expect(body.traceId).toMatch(/^[0-9a-f]{16}$/);
  });

  it('turns a silent obshell into an envelope-shaped 504 after the timeout', async () => {
    const upstream = await startUpstream(() => {
      // Never answers.
    });
    cleanups.push(upstream.close);
    const url = await serve({ PROXY_TIMEOUT_MS: '300' }, [
      { id: 'default', name: 'slow', url: upstream.url },
    ]);
    const started = Date.now();
    const response = await fetch(`${url}/api/v1/info`);
    expect(response.status).toBe(504);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await response.json()).toMatchObject({
      successful: false,
      status: 504,
      error: { errCode: 'Proxy.Timeout' },
    });
  });

  it('never logs request bodies or X-OCS-* headers', async () => {
    const upstream = await startUpstream();
    cleanups.push(upstream.close);
    const logs: string[] = [];
    const url = await serve({}, [{ id: 'default', name: 'a', url: upstream.url }], logs);
    await fetch(`${url}/api/v1/obcluster/backup/config`, {
      method: 'PATCH',
      headers: {
        'X-OCS-Header': 'SECRET-HEADER-VALUE',
        'X-OCS-Agent-Header': 'SECRET-AGENT-VALUE',
        'Content-Type': 'application/json',
      },
      body: 'SECRET-BODY-VALUE',
    });
    await fetch(`${url}/nope`, { method: 'POST', body: 'SECRET-BODY-VALUE' });
    const text = logs.join('');
    expect(text).toContain('/api/v1/obcluster/backup/config');
    expect(text).not.toMatch(/SECRET-|x-ocs/i);
  });
});
