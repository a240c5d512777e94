import { describe, expect, it } from 'vitest';
import { startDevReadBatch } from './dev-read-batch.ts';
import { answersOf, envelopeOf, postBatch } from './testing/read-batch-client.ts';
import { closedAfterEach, startUpstream } from './testing/helpers.ts';

const closeLater = closedAfterEach();

describe('read batch for npm run dev (startDevReadBatch)', () => {
  it('starts on loopback, forwards reads to its target with the production code, and closes', async () => {
    const obshell = await startUpstream((request, response) => {
      if (request.url === '/api/v1/silent') return; // never answers
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(`{"uri":"${request.url}"}`);
    });
    closeLater(obshell.close);
    const batch = await startDevReadBatch({ target: obshell.url, timeoutMs: 800 });
    let closed = false;
    closeLater(() => (closed ? Promise.resolve() : batch.close()));
    expect(new URL(batch.url).hostname).toBe('127.0.0.1');

    const reads = [
      { uri: '/api/v1/info', auth: 'SIGNED' },
      { uri: '/api/v1/silent', auth: 'SIGNED-2' },
    ];
    const answers = await answersOf(await postBatch(batch.url, '/obshell-batch', { reads }), 2);
    expect(answers[0]).toEqual({ status: 200, body: '{"uri":"/api/v1/info"}' });
    // timeoutMs reaches the route: the silent read is cut at 800 ms, not the default 30 s.
    expect(answers[1]?.status).toBe(504);
    expect(envelopeOf(answers[1]?.body ?? '').error.errCode).toBe('Proxy.Timeout');
    expect(obshell.seen.map(({ method, url }) => `${method} ${url}`)).toEqual([
      'GET /api/v1/info',
      'GET /api/v1/silent',
    ]);
    expect(obshell.seen[0]?.headers['x-ocs-header']).toBe('SIGNED');
    // The same CSRF check as production.
    const forged = await postBatch(
      batch.url,
      '/obshell-batch',
      { reads },
      { omit: ['x-obdash-request'] },
    );
    expect(forged.status).toBe(403);

    await batch.close();
    closed = true;
    await expect(fetch(`${batch.url}/obshell-batch`, { method: 'POST' })).rejects.toThrow();
  });
});
