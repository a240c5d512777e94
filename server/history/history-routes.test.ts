import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { entrySchema } from './entry-schema.ts';
import { sampleEntry } from './testing/temp-dir.ts';
import { serveHistory } from './testing/serve-history.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});
async function serve(options: Parameters<typeof serveHistory>[0] = {}) {
  const server = await serveHistory(options);
  cleanups.push(server.close);
  return server;
}

const errorSchema = z.object({
  successful: z.literal(false),
  status: z.number(),
  error: z.object({ errCode: z.string(), message: z.string() }),
});
const entryAnswer = z.object({
  successful: z.literal(true),
  data: z.object({ entry: entrySchema }),
});
const pageAnswer = z.object({
  successful: z.literal(true),
  data: z.object({
    items: z.array(entrySchema),
    total: z.number(),
    page: z.number(),
    size: z.number(),
  }),
});

async function errorOf(response: Response) {
  return errorSchema.parse(await response.json());
}

describe('who made the change', () => {
  it('takes the user from the trusted header when the socket peer is a trusted proxy', async () => {
    const { call } = await serve({
      trustedProxies: ['127.0.0.0/8'],
      userHeader: 'X-Forwarded-User',
    });
    const response = await call('entries', {
      method: 'POST',
      body: sampleEntry('11'),
      headers: { 'x-forwarded-user': 'alice@corp' },
    });
    expect(response.status).toBe(201);
    expect(entryAnswer.parse(await response.json()).data.entry.user).toBe('alice@corp');
  });

  it('ignores the header from any other peer, even with X-Forwarded-For naming a trusted proxy', async () => {
    const { call } = await serve({ trustedProxies: ['10.0.0.5'], userHeader: 'X-Forwarded-User' });
    const response = await call('entries', {
      method: 'POST',
      body: sampleEntry('11'),
      headers: { 'x-forwarded-user': 'mallory', 'x-forwarded-for': '10.0.0.5' },
    });
    expect(entryAnswer.parse(await response.json()).data.entry.user).toBe('unknown');
  });

  it('never takes the user from the body', async () => {
    const { call } = await serve({ trustedProxies: ['127.0.0.1'], userHeader: 'X-Forwarded-User' });
    const response = await call('entries', {
      method: 'POST',
      body: { ...sampleEntry('11'), user: 'mallory' },
    });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).error.message).toBe(
      'Bad request body: (top level): Unrecognized key: "user"',
    );
  });
});

describe('CSRF', () => {
  it.each([
    [
      'without the custom header',
      { omit: ['x-obdash-request'] },
      'lacks the "X-Obdash-Request: 1" header',
    ],
    [
      'from another site',
      { headers: { 'sec-fetch-site': 'cross-site' } },
      '(Sec-Fetch-Site: cross-site)',
    ],
    [
      'from another origin (browser without Sec-Fetch-Site)',
      { omit: ['sec-fetch-site'], headers: { origin: 'https://evil.example' } },
      "only the dashboard's own origin",
    ],
  ])('refuses a request %s with 403, writing nothing', async (_name, init, reason) => {
    const { call, store } = await serve();
    const write = await call('entries', { method: 'POST', body: sampleEntry('11'), ...init });
    expect(write.status).toBe(403);
    const error = await errorOf(write);
    expect(error).toMatchObject({ status: 403, error: { errCode: 'History.CrossSite' } });
    expect(error.error.message).toContain(reason);
    expect(store.list({}, 1, 10).total).toBe(0);
    expect((await call('entries', init)).status).toBe(403);
    expect((await call('export.csv', init)).status).toBe(403);
  });

  it('accepts a same-origin request with the header (also from tools that send no Origin)', async () => {
    const { call } = await serve();
    expect((await call('entries', { method: 'POST', body: sampleEntry('11') })).status).toBe(201);
    const tool = await call('entries', { omit: ['origin', 'sec-fetch-site'] });
    expect(pageAnswer.parse(await tool.json()).data.total).toBe(1);
  });
});

describe('bad input gets a clear 4xx envelope', () => {
  it.each([
    [
      'a field name that is not one',
      sampleEntry('11', { changes: [{ field: 'Bad Field!', old: 1, new: 2 }] }),
      'Bad request body: changes.0.field: must be a field name such as backup_base_uri or delete_policy.policy',
    ],
    [
      'a missing DAG id',
      { ...sampleEntry('11'), dagId: undefined },
      'Bad request body: dagId: Invalid input: expected string, received undefined',
    ],
    [
      'a bad scope',
      sampleEntry('11', { scope: 'tenant:' }),
      'Bad request body: scope: must be "cluster" or "tenant:<tenant name>"',
    ],
    [
      'an unknown cluster',
      sampleEntry('11', { clusterId: 'nope' }),
      'Bad request body: clusterId: no cluster "nope" is configured',
    ],
    [
      'more than 50 changed fields',
      sampleEntry('11', {
        changes: Array.from({ length: 51 }, (_, n) => ({ field: `f${n}`, old: null, new: n })),
      }),
      'Bad request body: changes: must list at most 50 changed fields',
    ],
    [
      'a value of 5000 characters',
      sampleEntry('11', {
        changes: [{ field: 'backup_base_uri', old: null, new: 'x'.repeat(5000) }],
      }),
      'Bad request body: changes.0.new: must be at most 4096 characters',
    ],
    [
      'an object as a value',
      {
        ...sampleEntry('11'),
        changes: [{ field: 'delete_policy', old: null, new: { policy: 'x' } }],
      },
      'Bad request body: changes.0.new: must be a string, number, boolean or null',
    ],
    [
      'text that is not JSON',
      '{"clusterId": "prod", access_key=SECRET',
      'Bad request body: it is not valid JSON.',
    ],
  ])('%s → 400', async (_name, body, message) => {
    const { call, logs } = await serve();
    const response = await call('entries', { method: 'POST', body });
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({
      successful: false,
      status: 400,
      error: { errCode: 'History.BadRequest', message },
    });
    expect(logs.join('')).not.toContain('SECRET');
  });

  it('a body over 64 KiB → 413', async () => {
    const { call } = await serve();
    const response = await call('entries', { method: 'POST', body: { pad: 'x'.repeat(70_000) } });
    expect(response.status).toBe(413);
    expect((await errorOf(response)).error).toEqual({
      errCode: 'History.TooLarge',
      message: 'The request body is larger than 64 KiB.',
    });
  });

  it('bad queries and ids → 400 / 404', async () => {
    const { call } = await serve();
    const bad = await call('entries?size=1000&outcome=won');
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).error.message).toMatch(
      /^Bad query: outcome\.0: Invalid option: expected one of .*; size: must be at most 200$/,
    );
    const missing = await call('entries/42/outcome', {
      method: 'PATCH',
      body: { outcome: 'failed' },
    });
    expect(missing.status).toBe(404);
    expect((await errorOf(missing)).error.errCode).toBe('History.NoSuchEntry');
  });
});

describe('the flow the browser drives', () => {
  it('records, reports an outcome, reconciles, lists and exports; never logs a body', async () => {
    const { call, logs, file } = await serve();
    const created = await call('entries', {
      method: 'POST',
      body: sampleEntry('11', {
        changes: [
          {
            field: 'backup_base_uri',
            old: null,
            new: 'oss://b/d?host=h&access_id=i&access_key=TOPSECRET',
          },
        ],
      }),
    });
    const { entry } = entryAnswer.parse(await created.json()).data;
    const again = await call('entries', { method: 'POST', body: sampleEntry('11') });
    expect(again.status).toBe(200);

    const patched = await call(`entries/${entry.id}/outcome`, {
      method: 'PATCH',
      body: { outcome: 'failed', finishedAt: '2026-06-01T10:00:00+08:00' },
    });
    expect(entryAnswer.parse(await patched.json()).data.entry).toMatchObject({
      outcome: 'failed',
      finishedAt: '2026-06-01T02:00:00.000Z',
    });

    const reconciled = await call('entries/reconcile', {
      method: 'POST',
      body: {
        clusterId: 'prod',
        dags: [
          {
            id: '11',
            name: 'Set obcluster backup config',
            state: 'SUCCEED',
            operator: 'RETRY',
            start_time: null,
            end_time: null,
            nodes: null,
          },
          {
            id: '12',
            name: 'Set obcluster backup config for t1',
            state: 'RUNNING',
            operator: 'RUN',
          },
        ],
      },
    });
    const result = z
      .object({ data: z.object({ updated: z.array(z.number()), added: z.array(z.number()) }) })
      .parse(await reconciled.json()).data;
    expect(result.updated).toEqual([entry.id]);
    expect(result.added).toHaveLength(1);

    const page = pageAnswer.parse(await (await call('entries?cluster=prod&size=1')).json()).data;
    expect(page).toMatchObject({ total: 2, page: 1, size: 1 });
    expect(page.items[0]).toMatchObject({
      source: 'outside',
      scope: 'tenant:t1',
      outcome: 'pending',
    });
    const filtered = pageAnswer.parse(
      await (await call('entries?outcome=succeeded,failed&field=backup_base_uri')).json(),
    ).data;
    expect(filtered.items.map((e) => e.id)).toEqual([entry.id]);

    const csv = await call('export.csv?source=dashboard');
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(
      /^attachment; filename="change-history-\d{4}-\d\d-\d\d\.csv"$/,
    );
    const text = await csv.text();
    expect(text.split('\r\n')[1]).toBe(
      `${entry.id},${entry.time},prod,cluster,unknown,dashboard,11,succeeded,,,backup_base_uri,,oss://b/d?host=h&access_id=i&access_key=******`,
    );
    const json = z
      .object({ entries: z.array(entrySchema) })
      .parse(await (await call('export.json?cluster=prod')).json());
    expect(json.entries.map((e) => e.dagId)).toEqual(['12', '11']);

    const everything = logs.join('') + readFileSync(file).toString('latin1');
    expect(everything).not.toContain('TOPSECRET');
    expect(logs.join('')).not.toContain('access_id=i');
  });
});
