import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelopeOf, postBatch, readsOf, type BatchInit } from './testing/read-batch-client.ts';
import { closedPort, startServer, startUpstream } from './testing/helpers.ts';

const SECRET = 'SECRET-SIGNATURE-VALUE';

let obshell: Awaited<ReturnType<typeof startUpstream>>;
let server: Awaited<ReturnType<typeof startServer>>;
const logs: string[] = [];
beforeAll(async () => {
  obshell = await startUpstream();
  server = await startServer({}, [{ id: 'default', name: 'prod', url: obshell.url }], { logs });
});
afterAll(async () => {
  await server.close();
  await obshell.close();
});

const good = { reads: [{ uri: '/api/v1/info', auth: SECRET }] };

describe('read batch: refusals, each with a clear message and nothing sent to obshell', () => {
  it.each<[string, unknown, BatchInit, number, string]>([
    [
      'without the X-Obdash-Request header',
      good,
      { omit: ['x-obdash-request'] },
      403,
      'Refused: the request lacks the "X-Obdash-Request: 1" header',
    ],
    [
      'from another site',
      good,
      { headers: { 'sec-fetch-site': 'cross-site' } },
      403,
      '(Sec-Fetch-Site: cross-site)',
    ],
    [
      'from another origin',
      good,
      { omit: ['sec-fetch-site'], headers: { origin: 'https://evil.example' } },
      403,
      "only the dashboard's own origin may call this API",
    ],
    ['that is not JSON', good, { raw: `{"reads":[{"auth":"${SECRET}"` }, 400, 'not valid JSON'],
    [
      'sent as a form',
      good,
      { headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      415,
      'send it as application/json',
    ],
    [
      // What fetch sends for a string body without a Content-Type; also a cross-site form's type.
      'sent as text',
      good,
      { headers: { 'content-type': 'text/plain;charset=UTF-8' } },
      415,
      'Bad read batch: send it as application/json.',
    ],
    [
      'of 65 reads',
      { reads: readsOf(65) },
      {},
      400,
      'Bad read batch: reads: Too big: expected array to have <=64 items.',
    ],
    ['of no reads', { reads: [] }, {}, 400, 'Bad read batch: reads: Too small'],
    [
      'with a uri outside /api/',
      { reads: [{ uri: '/rpc/v1/agent', auth: SECRET }] },
      {},
      400,
      'Bad read batch: reads[0].uri: must be an obshell path starting with /api/ (no spaces).',
    ],
    [
      'with a space in a uri',
      { reads: [...readsOf(2), { uri: '/api/v1/a b', auth: SECRET }] },
      {},
      400,
      'Bad read batch: reads[2].uri: must be an obshell path starting with /api/ (no spaces).',
    ],
    [
      'with a uri of another host',
      { reads: [{ uri: 'http://evil.example/api/v1/info', auth: SECRET }] },
      {},
      400,
      'reads[0].uri: must be an obshell path',
    ],
    [
      'asking for more than 4 reads at once',
      { ...good, concurrency: 5 },
      {},
      400,
      'Bad read batch: concurrency: Too big: expected number to be <=4.',
    ],
    [
      'asking for no reads at once',
      { ...good, concurrency: 0 },
      {},
      400,
      'Bad read batch: concurrency: Too small',
    ],
    [
      'with a uri that climbs out of /api/',
      { reads: [{ uri: '/api/../rpc/v1/agent', auth: SECRET }] },
      {},
      400,
      'Bad read batch: reads[0].uri: must not contain "." or ".." path segments.',
    ],
    [
      'with a percent-encoded ".." segment',
      { reads: [...readsOf(1), { uri: '/api/v1/%2E%2e/secret?x=1', auth: SECRET }] },
      {},
      400,
      'Bad read batch: reads[1].uri: must not contain "." or ".." path segments.',
    ],
    [
      'with a key of its own',
      { ...good, method: 'DELETE' },
      {},
      400,
      'Bad read batch: (top level): Unrecognized key: "method".',
    ],
    [
      'with a read that has a key of its own',
      { reads: [{ uri: '/api/v1/info', auth: SECRET, body: '{}' }] },
      {},
      400,
      'Bad read batch: reads[0]: Unrecognized key: "body".',
    ],
    [
      'with an unsigned read',
      { reads: [{ uri: '/api/v1/info', auth: '' }] },
      {},
      400,
      'Bad read batch: reads[0].auth: Too small',
    ],
  ])('refuses a batch %s', async (_name, batch, init, status, message) => {
    const before = obshell.seen.length;
    const response = await postBatch(server.url, '/obshell-batch', batch, init);
    expect(response.status).toBe(status);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const envelope = envelopeOf(await response.text());
    expect(envelope.status).toBe(status);
    expect(envelope.error.errCode).toBe(status === 403 ? 'Batch.Forbidden' : 'Batch.BadRequest');
    expect(envelope.error.message).toContain(message);
    // The answer never echoes what the batch carried.
    expect(envelope.error.message).not.toContain(SECRET);
    expect(obshell.seen.length).toBe(before);
  });

  it('refuses a body over 1 MiB with 413', async () => {
    const response = await postBatch(server.url, '/obshell-batch', {
      reads: readsOf(64).map((read) => ({ ...read, auth: 'x'.repeat(16_384) })),
    });
    expect(response.status).toBe(413);
    expect(envelopeOf(await response.text()).error.message).toBe(
      'Bad read batch: it is larger than 1024 KiB.',
    );
  });
});

describe('read batch: the log', () => {
  it("never holds a read's signature, whatever happened to the batch", async () => {
    // A batch obshell answers, one to an obshell that is not there, and the refusals above.
    const answered = await postBatch(server.url, '/obshell-batch', good);
    expect(answered.status).toBe(200);
    const port = await closedPort();
    const down = await startServer(
      {},
      [{ id: 'default', name: 'down', url: `http://127.0.0.1:${port}` }],
      { logs },
    );
    try {
      const failed = await postBatch(down.url, '/obshell-batch', good);
      expect(failed.status).toBe(200);
    } finally {
      await down.close();
    }
    const text = logs.join('');
    // The log is there, and says what happened without what the reads carried.
    expect(text).toContain('/obshell-batch');
    expect(text).toContain('obshell unreachable');
    expect(text).toContain('ECONNREFUSED');
    expect(text).not.toContain(SECRET);
    expect(text).not.toMatch(/x-ocs|"auth"/i);
  });
});
