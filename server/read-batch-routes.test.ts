import { describe, expect, it } from 'vitest';
import { answersOf, envelopeOf, postBatch, readsOf } from './testing/read-batch-client.ts';
import { answerAfter, rawExchange, testServers } from './testing/helpers.ts';

const { serve, upstream } = testServers();

/** An obshell that says which cluster it is, so an answer shows where its read went. */
function obshellNamed(name: string) {
  return upstream((request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ cluster: name, uri: request.url }));
  });
}

describe('read batch: where the route lives', () => {
  it("sends each cluster's batch to that cluster's obshell only", async () => {
    const a = await obshellNamed('a');
    const b = await obshellNamed('b');
    const url = await serve({ BASE_PATH: '/p/' }, [
      { id: 'a', name: 'A', url: a.url },
      { id: 'b', name: 'B', url: b.url },
    ]);
    const toB = await postBatch(url, '/p/clusters/b/obshell-batch', { reads: readsOf(3) });
    expect((await answersOf(toB, 3)).map((answer) => JSON.parse(answer.body) as unknown)).toEqual([
      { cluster: 'b', uri: '/api/v1/tenant/t0/info' },
      { cluster: 'b', uri: '/api/v1/tenant/t1/info' },
      { cluster: 'b', uri: '/api/v1/tenant/t2/info' },
    ]);
    const toA = await postBatch(url, '/p/clusters/a/obshell-batch', {
      reads: [{ uri: '/api/v1/status', auth: 'sig' }],
    });
    expect(await answersOf(toA, 1)).toEqual([
      { status: 200, body: '{"cluster":"a","uri":"/api/v1/status"}' },
    ]);
    expect(a.seen).toHaveLength(1);
    expect(b.seen).toHaveLength(3);
  });

  it('answers 404 Proxy.NoSuchCluster for an unknown cluster of several, 404 without one', async () => {
    const a = await obshellNamed('a');
    const url = await serve({ BASE_PATH: '/p/' }, [
      { id: 'a', name: 'A', url: a.url },
      { id: 'b', name: 'B', url: a.url },
    ]);
    const unknown = await postBatch(url, '/p/clusters/zzz/obshell-batch', { reads: readsOf(1) });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('cache-control')).toBe('no-store');
    expect(envelopeOf(await unknown.text())).toMatchObject({
      status: 404,
      error: { errCode: 'Proxy.NoSuchCluster' },
    });
    // With several clusters there is no batch route without one (as for the proxy).
    const bare = await postBatch(url, '/p/obshell-batch', { reads: readsOf(1) });
    expect(bare.status).toBe(404);
    expect(a.seen).toHaveLength(0);
  });

  it('lives under BASE_PATH (and only there) with one cluster', async () => {
    const obshell = await obshellNamed('only');
    const url = await serve({ BASE_PATH: '/ops/backup/' }, [
      { id: 'default', name: 'only', url: obshell.url },
    ]);
    const answers = await answersOf(
      await postBatch(url, '/ops/backup/obshell-batch', { reads: readsOf(1) }),
      1,
    );
    expect(answers).toEqual([
      { status: 200, body: '{"cluster":"only","uri":"/api/v1/tenant/t0/info"}' },
    ]);
    const outside = await postBatch(url, '/obshell-batch', { reads: readsOf(1) });
    expect(outside.status).toBe(404);
    // With one cluster there is no per-cluster path.
    const perCluster = await postBatch(url, '/ops/backup/clusters/default/obshell-batch', {
      reads: readsOf(1),
    });
    expect(perCluster.status).toBe(404);
    expect(obshell.seen).toHaveLength(1);
  });

  it('takes POST only: a GET of the route is a page address like any other, reaching no obshell', async () => {
    const obshell = await obshellNamed('only');
    const url = await serve({}, [{ id: 'default', name: 'only', url: obshell.url }]);
    const response = await fetch(`${url}/obshell-batch`, { headers: { 'x-obdash-request': '1' } });
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(obshell.seen).toHaveLength(0);
  });

  it('stops sending reads once the page has gone away', async () => {
    const obshell = await upstream(answerAfter(100, '{}'));
    const url = await serve({}, [{ id: 'default', name: 'only', url: obshell.url }]);
    const body = JSON.stringify({ reads: readsOf(20) });
    // The page leaves (its connection closes) 150 ms into a batch that takes 500 ms.
    const { closed } = await rawExchange(
      url,
      'POST /obshell-batch HTTP/1.1\r\nHost: x\r\nX-Obdash-Request: 1\r\n' +
        `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
      150,
    );
    expect(closed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 700));
    // The reads under way then, and the next 4 at most, not all 20.
    expect(obshell.seen.length).toBeGreaterThanOrEqual(4);
    expect(obshell.seen.length).toBeLessThanOrEqual(12);
  });
});
