import { describe, expect, it } from 'vitest';
import { testServers, closedPort, rawExchange, startServer } from './testing/helpers.ts';

/** Issue 12: each block names the item it pins down; every test fails on the server before it. */

const { serve, upstream } = testServers();

const envelope = { successful: false, error: { subErrors: [] } };

describe('item 1: no /api answer may be stored by the browser', () => {
  it('sends Cache-Control: no-store on answers, proxy errors and unknown clusters', async () => {
    const obshell = await upstream((_req, res) => {
      // Even when obshell itself would allow caching.
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'max-age=600' });
      res.end('{"successful":true,"status":200,"data":{"uri":"s3://b?access_key=AK"}}');
    });
    const down = `http://127.0.0.1:${await closedPort()}`;
    const url = await serve({ BASE_PATH: '/p/' }, [
      { id: 'up', name: 'Up', url: obshell.url },
      { id: 'down', name: 'Down', url: down },
    ]);
    for (const [path, status] of [
      ['/p/clusters/up/api/v1/obcluster/backup/config', 200],
      ['/p/clusters/down/api/v1/info', 502],
      ['/p/clusters/none/api/v1/info', 404],
      ['/p/api/v1/info', 404],
    ] as const) {
      const response = await fetch(`${url}${path}`);
      expect(response.status, path).toBe(status);
      expect(response.headers.get('cache-control'), path).toBe('no-store');
    }
  });
});

describe('item 5: hop-by-hop headers', () => {
  it("does not pass obshell's Connection/Keep-Alive on, and honours the client's close", async () => {
    const obshell = await upstream((_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        connection: 'keep-alive',
        'keep-alive': 'timeout=73',
      });
      res.end('{"successful":true}');
    });
    const url = await serve({}, [{ id: 'default', name: 'a', url: obshell.url }]);
    // An HTTP/1.0 client reads to the end of the connection: the server must close it.
    const old = await rawExchange(url, 'GET /api/v1/info HTTP/1.0\r\nHost: x\r\n\r\n', 4_000);
    expect(old.closed).toBe(true);
    expect(old.received).toMatch(/^HTTP\/1\.1 200/);
    expect(old.received).not.toMatch(/timeout=73/i);
    const closing = await rawExchange(
      url,
      'GET /api/v1/info HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      4_000,
    );
    expect(closing.closed).toBe(true);
    expect(closing.received).not.toMatch(/timeout=73/i);
  });
});

describe('item 8: trusted proxies and what obshell gets to see', () => {
  const forged = { 'X-Forwarded-For': '203.0.113.9' };

  it('ignores X-Forwarded-For from anyone not in TRUSTED_PROXIES', async () => {
    const obshell = await upstream();
    const logs: string[] = [];
    const url = await serve({}, [{ id: 'default', name: 'a', url: obshell.url }], { logs });
    await fetch(`${url}/healthz`, { headers: forged });
    expect(logs.join('')).toContain('"remoteAddress":"127.0.0.1"');
    expect(logs.join('')).not.toContain('203.0.113.9');
  });

  it('believes X-Forwarded-For from a trusted proxy', async () => {
    const obshell = await upstream();
    const logs: string[] = [];
    const url = await serve(
      { TRUSTED_PROXIES: '127.0.0.1/32' },
      [{ id: 'default', name: 'a', url: obshell.url }],
      { logs },
    );
    await fetch(`${url}/healthz`, { headers: forged });
    expect(logs.join('')).toContain('"remoteAddress":"203.0.113.9"');
  });

  it('forwards neither cookies, Authorization nor X-Forwarded-* to obshell', async () => {
    const obshell = await upstream();
    const url = await serve({ TRUSTED_PROXIES: '127.0.0.1' }, [
      { id: 'default', name: 'a', url: obshell.url },
    ]);
    await fetch(`${url}/api/v1/info`, {
      headers: {
        ...forged,
        Cookie: 'portal_session=s3cr3t',
        Authorization: 'Bearer portal-token',
        'X-Forwarded-Proto': 'https',
        'X-Forwarded-Host': 'portal.example.com',
        Forwarded: 'for=203.0.113.9',
        'X-OCS-Header': 'c2lnbmVk',
      },
    });
    const headers = obshell.seen[0]?.headers ?? {};
    expect(headers['x-ocs-header']).toBe('c2lnbmVk');
    for (const name of Object.keys(headers)) {
      expect(name).not.toMatch(/^(cookie|authorization|forwarded|x-forwarded-.*)$/);
    }
  });
});

describe('item 9: many clusters', () => {
  it('serves and shuts down with 3,000 clusters', async () => {
    const obshell = await upstream();
    const clusters = Array.from({ length: 3_000 }, (_, index) => ({
      id: `c${index}`,
      name: `Cluster ${index}`,
      url: obshell.url,
    }));
    const server = await startServer({ BASE_PATH: '/p/' }, clusters);
    const response = await fetch(`${server.url}/p/clusters/c2999/api/v1/info?x=1`);
    expect(response.status).toBe(200);
    expect(obshell.seen.map((seen) => seen.url)).toEqual(['/api/v1/info?x=1']);
    await expect(server.close()).resolves.toBeUndefined();
  });
});

describe('item 11: source maps', () => {
  it('are not served unless SERVE_SOURCE_MAPS is set', async () => {
    const clusters = [{ id: 'default', name: 'a', url: 'http://127.0.0.1:1' }];
    const hidden = await serve({}, clusters);
    expect((await fetch(`${hidden}/assets/app-abc.js.map`)).status).toBe(404);
    expect((await fetch(`${hidden}/assets/app-abc.js`)).status).toBe(200);
    const shown = await serve({ SERVE_SOURCE_MAPS: 'true' }, clusters);
    const map = await fetch(`${shown}/assets/app-abc.js.map`);
    expect(map.status).toBe(200);
    expect(await map.text()).toContain('secret.ts');
  });
});

describe("item 12: Fastify's own refusals look like every other answer", () => {
  const clusters = [{ id: 'default', name: 'a', url: 'http://127.0.0.1:1' }];

  function expectConsistent(received: string, status: number) {
    const [head = '', body = ''] = received.split('\r\n\r\n');
    expect(head).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
    expect(head).toMatch(/\r\ncontent-security-policy: default-src 'self'/i);
    expect(head).toMatch(/\r\nx-content-type-options: nosniff/i);
    expect(head).toMatch(/\r\nreferrer-policy: no-referrer/i);
    expect(JSON.parse(body)).toMatchObject({ ...envelope, status });
  }

  it.each([
    ['a bad URL escape', '/ops/%E0%A4%A', 400],
    ['a forbidden static path', '/ops/assets/a%00b.js', 403],
  ])('%s', async (_what, path, status) => {
    const url = await serve({ BASE_PATH: '/ops/' }, clusters);
    const { received } = await rawExchange(
      url,
      `GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
    );
    expectConsistent(received, status);
  });

  it('headers too large (431)', async () => {
    const url = await serve({}, clusters);
    const big = `X-Big: ${'a'.repeat(20_000)}\r\n`;
    const { received } = await rawExchange(url, `GET / HTTP/1.1\r\nHost: x\r\n${big}\r\n`);
    expectConsistent(received, 431);
  });

  it('a body over 1 MiB (413) on the proxy', async () => {
    const obshell = await upstream();
    const url = await serve({}, [{ id: 'default', name: 'a', url: obshell.url }]);
    const response = await fetch(`${url}/api/v1/obcluster/backup/config`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(1024 * 1024 + 1),
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await response.json()).toMatchObject({ ...envelope, status: 413 });
    expect(obshell.seen).toHaveLength(0);
  });
});
