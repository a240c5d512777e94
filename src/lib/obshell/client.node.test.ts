import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startSimulator, type SimulatorHandle } from '../../../sim/start';
import { buildUri, createObshellClient, type Credentials, type Locale } from './client';
import { clusterInfoSchema } from './cluster-info';
import { ObshellError } from './envelope';
import { callSimControl } from '../../../sim/control-client';

// The client against the real simulator over real HTTP: what obshell decrypts and checks is what
// this client signs, so a mistake in either shows up here.

const ROOT = 'unit-root-pw';
let sim: SimulatorHandle;

const control = <T = unknown>(method: 'GET' | 'POST', route: string, body?: unknown) =>
  callSimControl<T>(sim.url, method, route, body);

interface LoggedRequest {
  method: string;
  uri: string;
  path: string;
  status: number;
  body: unknown;
}
const logged = (prefix: string) =>
  control<LoggedRequest[]>('GET', `requests?path=${encodeURIComponent(prefix)}&limit=500`);

function makeClient(
  credentials: Credentials | null = { rootPassword: ROOT },
  extra: { locale?: Locale; now?: () => number; timeoutMs?: number; apiBase?: string } = {},
) {
  return createObshellClient({
    apiBase: extra.apiBase ?? sim.url,
    getCredentials: () => credentials,
    getLocale: () => extra.locale ?? 'en',
    ...(extra.now ? { now: extra.now } : {}),
    ...(extra.timeoutMs ? { timeoutMs: extra.timeoutMs } : {}),
  });
}

const clusterInfo = (client: ReturnType<typeof makeClient>) =>
  client.request({ method: 'GET', path: '/api/v1/obcluster/info', schema: clusterInfoSchema });

async function caught(promise: Promise<unknown>): Promise<ObshellError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ObshellError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

beforeAll(async () => {
  sim = await startSimulator({ port: 0, rootPassword: ROOT });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(async () => {
  await control('POST', 'reset', { rootPassword: ROOT, timeScale: 0.01 });
});

describe('obshell client against the simulator', () => {
  it('signs an authenticated read that obshell accepts', async () => {
    const info = await clusterInfo(makeClient());
    expect(info.cluster_name).toBe('obdemo');
    expect(info.cluster_id).toBe(1700000001);
    expect(info.tenants.map((tenant) => tenant.name)).toEqual(
      expect.arrayContaining(['sys', 'app_tenant', 'report_tenant']),
    );
  });

  it('reads unauthenticated endpoints without signing', async () => {
    const info = await makeClient(null).request({
      method: 'GET',
      path: '/api/v1/info',
      auth: false,
      schema: z.looseObject({ identity: z.string(), supportedAuth: z.array(z.string()) }),
    });
    expect(info).toMatchObject({ identity: 'CLUSTER AGENT', supportedAuth: ['v2'] });
  });

  it('signs the query string exactly as it is sent (filter=% becomes %25)', async () => {
    const parameters = await makeClient().request({
      method: 'GET',
      path: '/api/v1/tenant/app_tenant/parameters',
      query: { filter: '%' },
      schema: z.looseObject({ contents: z.array(z.looseObject({ name: z.string() })) }),
    });
    expect(parameters.contents.map((p) => p.name)).toContain('log_archive_concurrency');
    const [request] = await logged('/api/v1/tenant/app_tenant/parameters');
    expect(request).toMatchObject({
      status: 200,
      uri: buildUri('/api/v1/tenant/app_tenant/parameters', { filter: '%' }),
    });
  });

  it('encrypts the body: obshell reads and validates it', async () => {
    const client = makeClient();
    const refused = await caught(
      client.request({
        method: 'PATCH',
        path: '/api/v1/obcluster/backup/config',
        body: { log_archive_concurrency: 101 },
        schema: z.unknown(),
      }),
    );
    expect(refused).toMatchObject({
      kind: 'server',
      status: 400,
      errCode: 'OB.Backup.LogArchiveConcurrency.Invalid',
    });
    const dag = await client.request({
      method: 'PATCH',
      path: '/api/v1/obcluster/backup/config',
      body: { ha_low_thread_score: 7 },
      schema: z.looseObject({ name: z.string(), id: z.string() }),
    });
    expect(dag.name).toBe('Set obcluster backup config');
    const requests = await logged('/api/v1/obcluster/backup/config');
    expect(requests.at(-1)?.body).toEqual({ ha_low_thread_score: 7 });
  });

  it('reports a wrong password once, without retrying and without the password in the error', async () => {
    const secret = 'wrong-but-long-password';
    const error = await caught(clusterInfo(makeClient({ rootPassword: secret })));
    expect(error).toMatchObject({
      kind: 'server',
      status: 401,
      errCode: 'Security.Authentication.IncorrectOceanbasePassword',
    });
    expect(error.isUnauthorized).toBe(true);
    expect(error.traceId).toBeTruthy();
    expect(`${error.message} ${error.stack ?? ''} ${JSON.stringify(error)}`).not.toContain(secret);
    expect((await logged('/api/v1/obcluster/info')).map((r) => r.status)).toEqual([401]);
  });

  it('asks obshell for messages in the UI language (Accept-Language)', async () => {
    const zh = await caught(clusterInfo(makeClient({ rootPassword: 'x' }, { locale: 'zh' })));
    const en = await caught(clusterInfo(makeClient({ rootPassword: 'x' }, { locale: 'en' })));
    expect(zh.message).toMatch(/[\u4e00-\u9fff]/);
    expect(en.message).toMatch(/^Unauthorized: /);
  });

  it('after an agent restart (new key) refetches the key and retries once', async () => {
    const client = makeClient();
    await clusterInfo(client);
    await control('POST', 'rotate-key', {});
    await expect(clusterInfo(client)).resolves.toMatchObject({ cluster_name: 'obdemo' });
    expect((await logged('/api/v1/obcluster/info')).map((r) => r.status)).toEqual([200, 401, 200]);
    expect(await logged('/api/v1/secret')).toHaveLength(2);
  });

  it('requests failing together after a restart share one key refetch', async () => {
    const client = makeClient();
    await clusterInfo(client);
    await control('POST', 'rotate-key', {});
    const results = await Promise.all([
      clusterInfo(client),
      clusterInfo(client),
      clusterInfo(client),
    ]);
    expect(results.map((info) => info.cluster_name)).toEqual(['obdemo', 'obdemo', 'obdemo']);
    expect(await logged('/api/v1/secret')).toHaveLength(2);
  });

  it('compensates an agent clock running 10 minutes ahead', async () => {
    await control('POST', 'clock', { offsetMs: 600_000 });
    const client = makeClient();
    await clusterInfo(client);
    expect(client.clockSkewMs).toBeGreaterThan(595_000);
    expect(client.clockSkewMs).toBeLessThan(605_000);
    expect((await logged('/api/v1/obcluster/info')).map((r) => r.status)).toEqual([200]);
  });

  it('compensates a browser clock running 10 minutes behind', async () => {
    const client = makeClient({ rootPassword: ROOT }, { now: () => Date.now() - 600_000 });
    await expect(clusterInfo(client)).resolves.toMatchObject({ cluster_name: 'obdemo' });
  });

  it('re-measures the clock and retries once when the agent clock jumps mid-session', async () => {
    const client = makeClient();
    await clusterInfo(client);
    await control('POST', 'clock', { offsetMs: 3_600_000 });
    await expect(clusterInfo(client)).resolves.toMatchObject({ cluster_name: 'obdemo' });
    const statuses = (await logged('/api/v1/obcluster/info')).map((r) => r.status);
    expect(statuses).toEqual([200, 401, 200]);
  });

  it('sends exactly one header, X-OCS-Header with root@sys, also when the agent has an agent password', async () => {
    await control('POST', 'reset', { rootPassword: ROOT, agentPassword: 'agent-pw' });
    const sent: string[][] = [];
    const client = createObshellClient({
      apiBase: sim.url,
      getCredentials: () => ({ rootPassword: ROOT }),
      getLocale: () => 'en',
      fetchImpl: (input, init) => {
        sent.push(Object.keys(init?.headers ?? {}).filter((name) => /^x-ocs/i.test(name)));
        return fetch(input, init);
      },
    });
    // A cluster agent checks X-OCS-Header against root@sys whether or not an agent password is set.
    await expect(clusterInfo(client)).resolves.toMatchObject({ cluster_name: 'obdemo' });
    expect(sent.filter((names) => names.length > 0)).toEqual([['X-OCS-Header']]);
  });

  it('signs with explicit credentials instead of the stored ones', async () => {
    const client = makeClient(null);
    await expect(
      client.request({
        method: 'GET',
        path: '/api/v1/obcluster/info',
        schema: clusterInfoSchema,
        credentials: { rootPassword: ROOT },
      }),
    ).resolves.toMatchObject({ cluster_name: 'obdemo' });
  });

  it('works with a 512-bit agent key (older obshell)', async () => {
    await control('POST', 'reset', { rootPassword: ROOT, keyBits: 512 });
    await expect(clusterInfo(makeClient())).resolves.toMatchObject({ cluster_name: 'obdemo' });
  });

  it('accepts an empty root@sys password when the cluster has none', async () => {
    await control('POST', 'reset', { rootPassword: '' });
    await expect(clusterInfo(makeClient({ rootPassword: '' }))).resolves.toMatchObject({
      cluster_name: 'obdemo',
    });
  });

  describe('old obshell (integer codes only)', () => {
    beforeEach(async () => {
      await control('POST', 'reset', { rootPassword: ROOT, errorStyle: 'legacy' });
    });

    it('gives the legacy code for a wrong password and does not retry', async () => {
      const error = await caught(clusterInfo(makeClient({ rootPassword: 'nope' })));
      expect(error).toMatchObject({ status: 401, code: 10008, errCode: undefined });
      expect((await logged('/api/v1/obcluster/info')).map((r) => r.status)).toEqual([401]);
    });

    it('still recovers from a new agent key', async () => {
      const client = makeClient();
      await clusterInfo(client);
      await control('POST', 'rotate-key', {});
      await expect(clusterInfo(client)).resolves.toMatchObject({ cluster_name: 'obdemo' });
    });
  });

  describe('failures that are not obshell answers', () => {
    it('a locked client sends nothing', async () => {
      const error = await caught(clusterInfo(makeClient(null)));
      expect(error).toMatchObject({ kind: 'locked', status: 401 });
      expect(await logged('/api/v1')).toHaveLength(0);
    });

    it('an agent that does not answer in time becomes a timeout', async () => {
      await control('POST', 'latency', { ms: 2_000, path: '/api/v1/info' });
      const error = await caught(
        makeClient(null, { timeoutMs: 300 }).request({
          method: 'GET',
          path: '/api/v1/info',
          auth: false,
          schema: z.unknown(),
        }),
      );
      expect(error).toMatchObject({ kind: 'timeout', status: 0 });
    });

    it('an unreachable agent becomes a network error', async () => {
      const port = await new Promise<number>((resolve) => {
        const probe = createServer().listen(0, '127.0.0.1', () => {
          const address = probe.address();
          probe.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
        });
      });
      const error = await caught(
        makeClient(null, { apiBase: `http://127.0.0.1:${port}` }).request({
          method: 'GET',
          path: '/api/v1/info',
          auth: false,
          schema: z.unknown(),
        }),
      );
      expect(error).toMatchObject({ kind: 'network', status: 0 });
    });

    it('a dropped connection becomes a network error', async () => {
      await control('POST', 'faults', { kind: 'drop', count: 1, path: '/api/v1/obcluster/info' });
      const error = await caught(clusterInfo(makeClient()));
      expect(error).toMatchObject({ kind: 'network' });
    });

    it('a 500 burst is an obshell error with its code', async () => {
      await control('POST', 'faults', { kind: '500', count: 1, path: '/api/v1/obcluster/info' });
      const error = await caught(clusterInfo(makeClient()));
      expect(error).toMatchObject({ kind: 'server', status: 500 });
    });
  });
});

describe('buildUri', () => {
  it('encodes the way fetch sends it', () => {
    expect(buildUri('/api/v1/tenant/app_tenant/parameters', { filter: '%' })).toBe(
      '/api/v1/tenant/app_tenant/parameters?filter=%25',
    );
    expect(buildUri('/api/v1/task/dag/1', { show_details: true, skip: undefined })).toBe(
      '/api/v1/task/dag/1?show_details=true',
    );
    expect(buildUri('/a b/ü', {})).toBe('/a%20b/%C3%BC');
  });
});
