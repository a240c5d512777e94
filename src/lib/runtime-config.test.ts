import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createObshellClient } from './obshell/client';
import { clientTimeoutFor, readRuntimeConfig, RUNTIME_CONFIG_META } from './runtime-config';

function documentWith(config: unknown): Document {
  const doc = document.implementation.createHTMLDocument('t');
  const meta = doc.createElement('meta');
  meta.name = RUNTIME_CONFIG_META;
  meta.content = JSON.stringify(config);
  doc.head.append(meta);
  return doc;
}

describe('runtime config (issue 12 item 4)', () => {
  it("carries the proxy's timeout, and the client waits a little longer than it", () => {
    const config = readRuntimeConfig(
      documentWith({
        basePath: '/ops/',
        clusters: [{ id: 'a', name: 'A', apiBase: '/ops', proxyTimeoutMs: 30_000 }],
        embedOrigins: [],
      }),
    );
    const [cluster] = config.clusters;
    expect(cluster?.proxyTimeoutMs).toBe(30_000);
    const waits = cluster ? clientTimeoutFor(cluster) : 0;
    expect(waits).toBeGreaterThan(30_000);
    expect(waits).toBeLessThanOrEqual(35_000);
    // Without a proxy (dev): the client's own default.
    expect(clientTimeoutFor({ id: 'a', name: 'A', apiBase: '' })).toBeUndefined();
  });

  it('lists every problem of a bad config at once', () => {
    expect(() => readRuntimeConfig(documentWith({ basePath: 'x', clusters: [] }))).toThrow(
      /invalid app configuration:\n {2}basePath: .*\n {2}clusters: .*\n {2}embedOrigins: /,
    );
  });
});

describe('obshell client fetches (issue 12 item 1)', () => {
  it("asks the browser never to store obshell's answers", async () => {
    const seen: RequestInit[] = [];
    const client = createObshellClient({
      apiBase: '',
      getCredentials: () => null,
      getLocale: () => 'en',
      fetchImpl: (_input, init) => {
        seen.push(init ?? {});
        return Promise.resolve(
          new Response('{"successful":true,"status":200,"data":{}}', {
            headers: { 'content-type': 'application/json' },
          }),
        );
      },
    });
    await client.request({ method: 'GET', path: '/api/v1/info', auth: false, schema: z.unknown() });
    expect(seen[0]?.cache).toBe('no-store');
  });
});
