import { describe, expect, it } from 'vitest';
import type { ClusterTarget } from './config.ts';
import { answersOf, envelopeOf, linesOf, postBatch, readsOf } from './testing/read-batch-client.ts';
import { answerAfter, closedPort, rawExchange, testServers } from './testing/helpers.ts';

const { serve, upstream } = testServers();

const one = (url: string): ClusterTarget[] => [{ id: 'default', name: 'prod', url }];

describe('read batch: forwarding to obshell', () => {
  it("answers each read once under its index with obshell's status and body text, streamed as obshell answers", async () => {
    // The first read is answered last; the bodies are obshell's text, not re-encoded JSON.
    const plan: Record<string, { delay: number; status: number; body: string }> = {
      '/api/v1/a': { delay: 400, status: 200, body: '{"successful":true,"data":{"n":1}}' },
      '/api/v1/b': { delay: 0, status: 404, body: '{"successful":false,"status":404}' },
      '/api/v1/c': { delay: 200, status: 500, body: 'not json at all' },
    };
    const obshell = await upstream((request, response) => {
      const step = plan[request.url];
      setTimeout(() => {
        response.writeHead(step?.status ?? 418, { 'content-type': 'application/json' });
        response.end(step?.body ?? '');
      }, step?.delay ?? 0);
    });
    const url = await serve({}, one(obshell.url));
    const reads = Object.keys(plan).map((uri, index) => ({ uri, auth: `sig-${index}` }));
    const started = Date.now();
    const lines = await linesOf(await postBatch(url, '/obshell-batch', { reads }), started);
    expect(lines.map(({ index, status, body }) => ({ index, status, body }))).toEqual(
      [1, 2, 0].map((index) => {
        const { status, body } = Object.values(plan)[index] ?? {};
        return { index, status, body };
      }),
    );
    // Streamed: the quick answer reached the page long before the slow one was given.
    expect((lines[2]?.at ?? 0) - (lines[0]?.at ?? 0)).toBeGreaterThan(250);
    expect(obshell.seen.map((request) => request.url).sort()).toEqual(Object.keys(plan));
  });

  it("sends each read as a plain GET on exactly its uri, with its signature and the page's language only", async () => {
    const obshell = await upstream();
    const url = await serve(
      { TRUSTED_PROXIES: '127.0.0.1', TRUSTED_USER_HEADER: 'X-Portal-User' },
      one(obshell.url),
    );
    const reads = [
      { uri: '/api/v1/tenant/t1/parameters?filter=%25&x=a%20b', auth: 'SIGNED-ONE' },
      { uri: '/api/v1/tenant/%E7%A7%9F%E6%88%B7/info', auth: 'SIGNED-TWO' },
    ];
    const response = await postBatch(
      url,
      '/obshell-batch',
      { reads },
      {
        headers: {
          'accept-language': 'zh-CN,zh;q=0.9',
          cookie: 'portal_session=COOKIE',
          authorization: 'Bearer PORTAL-TOKEN',
          'x-forwarded-for': '10.1.2.3',
          // Behind the portal's proxy the page's origin is the portal's.
          'x-forwarded-host': 'portal.example.com',
          origin: 'https://portal.example.com',
          'x-real-ip': '10.1.2.3',
          'x-portal-user': 'alice@corp',
          // The batch request's own signature-like headers are not any read's.
          'x-ocs-header': 'OUTER-HEADER',
          'x-ocs-agent-header': 'OUTER-AGENT',
          'user-agent': 'Mozilla/5.0 test',
        },
      },
    );
    expect((await answersOf(response, 2)).map((answer) => answer.status)).toEqual([200, 200]);
    const seen = [...obshell.seen].sort((a, b) => a.url.localeCompare(b.url));
    expect(seen.map(({ method, url: uri, body }) => ({ method, uri, body }))).toEqual([
      { method: 'GET', uri: reads[1]?.uri, body: '' },
      { method: 'GET', uri: reads[0]?.uri, body: '' },
    ]);
    for (const request of seen) {
      const read = reads.find((candidate) => candidate.uri === request.url);
      // Node's own Host and Connection, and nothing of the browser's but these two.
      expect(Object.keys(request.headers).sort()).toEqual([
        'accept-language',
        'connection',
        'host',
        'x-ocs-header',
      ]);
      expect(request.headers['x-ocs-header']).toBe(read?.auth);
      expect(request.headers['accept-language']).toBe('zh-CN,zh;q=0.9');
      expect(request.headers.host).toBe(new URL(obshell.url).host);
    }
  });

  it('sends no Accept-Language when the request had none (fetch always sends one)', async () => {
    const obshell = await upstream();
    const url = await serve({}, one(obshell.url));
    const body = JSON.stringify({ reads: readsOf(1) });
    const { received } = await rawExchange(
      url,
      'POST /obshell-batch HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Obdash-Request: 1\r\n' +
        `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
    );
    expect(received).toMatch(/^HTTP\/1\.1 200 /);
    expect(Object.keys(obshell.seen[0]?.headers ?? {}).sort()).toEqual([
      'connection',
      'host',
      'x-ocs-header',
    ]);
  });

  it.each([
    ['by default', undefined, 4],
    ['when the page holds 2 slots', 2, 2],
  ])(
    'never has more than the allowed reads in flight at obshell, %s (20 slow reads)',
    async (_name, concurrency, limit) => {
      let inFlight = 0;
      let most = 0;
      const obshell = await upstream((_request, response) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        setTimeout(() => {
          inFlight -= 1;
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end('{"successful":true}');
        }, 40);
      });
      const url = await serve({}, one(obshell.url));
      const response = await postBatch(url, '/obshell-batch', { concurrency, reads: readsOf(20) });
      const answers = await answersOf(response, 20);
      expect(answers.every((answer) => answer.status === 200)).toBe(true);
      expect(obshell.seen).toHaveLength(20);
      // Exactly the limit: it is kept, and the batch does not send them one at a time either.
      expect(most).toBe(limit);
    },
  );

  it('gives each read the whole timeout from when it leaves, not from when the batch came', async () => {
    const obshell = await upstream(answerAfter(500, '{"successful":true}'));
    const url = await serve({ PROXY_TIMEOUT_MS: '800' }, one(obshell.url));
    // One at a time: the second leaves at 500 ms and is answered at 1 s, after 800 ms of batch.
    const response = await postBatch(url, '/obshell-batch', { concurrency: 1, reads: readsOf(2) });
    expect((await answersOf(response, 2)).map((answer) => answer.status)).toEqual([200, 200]);
  });

  it('puts a 504 Proxy.Timeout in the slot of a read obshell does not answer in time; the rest keep theirs', async () => {
    const obshell = await upstream((request, response) => {
      if (request.url.includes('silent')) return; // never answers
      if (request.url.includes('stalls')) {
        // Answers its headers, then never finishes the body.
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('{"successful":');
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(`{"uri":"${request.url}"}`);
    });
    const url = await serve({ PROXY_TIMEOUT_MS: '800' }, one(obshell.url));
    const reads = [
      { uri: '/api/v1/one', auth: 'a' },
      { uri: '/api/v1/silent', auth: 'b' },
      { uri: '/api/v1/two', auth: 'c' },
      { uri: '/api/v1/stalls', auth: 'd' },
    ];
    const started = Date.now();
    const answers = await answersOf(await postBatch(url, '/obshell-batch', { reads }), 4);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(answers[0]).toEqual({ status: 200, body: '{"uri":"/api/v1/one"}' });
    expect(answers[2]).toEqual({ status: 200, body: '{"uri":"/api/v1/two"}' });
    for (const slot of [1, 3]) {
      expect(answers[slot]?.status, `read ${slot}`).toBe(504);
      const envelope = envelopeOf(answers[slot]?.body ?? '');
      expect(envelope, `read ${slot}`).toMatchObject({
        status: 504,
        error: { errCode: 'Proxy.Timeout' },
      });
      expect(envelope.error.message).toContain('obshell of cluster "prod"');
    }
  });

  it('answers 502 Proxy.Unreachable for each read when obshell is not there', async () => {
    const port = await closedPort();
    const url = await serve({}, [{ id: 'default', name: 'down', url: `http://127.0.0.1:${port}` }]);
    const answers = await answersOf(
      await postBatch(url, '/obshell-batch', { reads: readsOf(3) }),
      3,
    );
    for (const answer of answers) {
      expect(answer.status).toBe(502);
      const envelope = envelopeOf(answer.body);
      expect(envelope).toMatchObject({ status: 502, error: { errCode: 'Proxy.Unreachable' } });
      expect(envelope.error.message).toContain('Cannot reach the obshell of cluster "down"');
    }
  });

  it('streams its answers as NDJSON marked no-store (they may carry access_key=…), unbuffered', async () => {
    const obshell = await upstream((_request, response) => {
      response.writeHead(200, {
        'content-type': 'application/json',
        'cache-control': 'max-age=60',
      });
      response.end('{"successful":true}');
    });
    const url = await serve({}, one(obshell.url));
    const response = await postBatch(url, '/obshell-batch', { reads: readsOf(2) });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    // Proxies in front (nginx) would otherwise hold the lines back until the batch ends.
    expect(response.headers.get('x-accel-buffering')).toBe('no');
    expect(await answersOf(response, 2)).toHaveLength(2);
  });
});
