import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDevReadBatch } from '../../../server/dev-read-batch';
import { callSimControl } from '../../../sim/control-client';
import { startSimulator, type SimulatorHandle } from '../../../sim/start';
import { createObshellClient, type Credentials } from './client';
import { clusterInfoSchema } from './cluster-info';
import { ObshellError } from './envelope';
import { READ_BATCH_PATH } from './read-batch-wire';
import { fetchTenantStorage } from './tenant-queries';

// The client, the server's read-batch route and the simulator over real HTTP: batched reads must
// settle exactly as reads sent alone (answers, obshell's refusals, the key-refresh retry).

const ROOT = 'batch-root-pw';
let sim: SimulatorHandle;
let route: Awaited<ReturnType<typeof startDevReadBatch>>;

interface LoggedRequest {
  method: string;
  uri: string;
  status: number;
}
const logged = (prefix: string) =>
  callSimControl<LoggedRequest[]>(
    sim.url,
    'GET',
    `requests?path=${encodeURIComponent(prefix)}&limit=500`,
  );

/** A client whose fetches are counted by URL, so a test can tell batches from reads sent alone. */
function makeClient(
  options: { credentials?: Credentials; readBatchUrl?: string; dropCsrfHeader?: boolean } = {},
) {
  const fetched: string[] = [];
  const client = createObshellClient({
    apiBase: sim.url,
    readBatchUrl: options.readBatchUrl ?? `${route.url}${READ_BATCH_PATH}`,
    getCredentials: () => options.credentials ?? { rootPassword: ROOT },
    getLocale: () => 'en',
    fetchImpl: (input, init) => {
      fetched.push(input instanceof Request ? input.url : input.toString());
      const headers = { ...(init?.headers as Record<string, string>) };
      if (options.dropCsrfHeader) delete headers['X-Obdash-Request'];
      return fetch(input, { ...init, headers });
    },
  });
  const read = (signal?: AbortSignal) =>
    client.request({
      method: 'GET',
      path: '/api/v1/obcluster/info',
      schema: clusterInfoSchema,
      batch: true,
      signal,
    });
  const batches = () => fetched.filter((url) => url.endsWith(READ_BATCH_PATH)).length;
  return { client, read, fetched, batches };
}

beforeAll(async () => {
  sim = await startSimulator({ port: 0, rootPassword: ROOT });
  route = await startDevReadBatch({ target: sim.url });
});
afterAll(async () => {
  await route.close();
  await sim.close();
});
beforeEach(async () => {
  await callSimControl(sim.url, 'POST', 'reset', { rootPassword: ROOT });
});

async function settleAll(reads: Promise<unknown>[]) {
  return Promise.allSettled(reads);
}

describe('batched reads through the read-batch route', () => {
  it('answer like reads sent alone, obshell seeing every read signed and accepted', async () => {
    const { read, batches } = makeClient();
    const answers = await Promise.all(Array.from({ length: 12 }, () => read()));
    expect(answers.every((answer) => answer.cluster_name === 'obdemo')).toBe(true);
    // After the key read (alone, unsigned), the twelve travel in one batch.
    expect(batches()).toBe(1);
    const seen = await logged('/api/v1/obcluster/info');
    expect(seen).toHaveLength(12);
    expect(seen.every((request) => request.method === 'GET' && request.status === 200)).toBe(true);
  });

  it('keep at most 4 reads at obshell at once, and use them', async () => {
    await callSimControl(sim.url, 'POST', 'latency', { ms: 30, path: '/api/v1/obcluster/info' });
    const { read } = makeClient();
    await Promise.all(Array.from({ length: 40 }, () => read()));
    const stats = await callSimControl<{ peakInFlight: number }>(sim.url, 'GET', 'stats');
    expect(stats.peakInFlight).toBeLessThanOrEqual(4);
    expect(stats.peakInFlight).toBeGreaterThanOrEqual(2);
  });

  it("give obshell's refusal of a wrong password to each read, sent once", async () => {
    const { read, batches } = makeClient({ credentials: { rootPassword: 'wrong' } });
    const results = await settleAll(Array.from({ length: 5 }, () => read()));
    for (const result of results) {
      expect(result.status).toBe('rejected');
      const reason = (result as PromiseRejectedResult).reason as ObshellError;
      expect(reason).toBeInstanceOf(ObshellError);
      expect(reason.status).toBe(401);
      expect(reason.message).not.toContain('wrong');
    }
    expect(batches()).toBe(1);
    expect(await logged('/api/v1/obcluster/info')).toHaveLength(5);
  });

  it('recover from a new agent key like reads sent alone (fresh key, one retry)', async () => {
    const { read } = makeClient();
    await read();
    await callSimControl(sim.url, 'POST', 'rotate-key', {});
    const answers = await Promise.all(Array.from({ length: 6 }, () => read()));
    expect(answers).toHaveLength(6);
    const statuses = (await logged('/api/v1/obcluster/info')).map((request) => request.status);
    expect(statuses.filter((status) => status === 401).length).toBeGreaterThan(0);
    expect(statuses.filter((status) => status === 200)).toHaveLength(7);
  });

  it('hand each answer over as it arrives: a tenant obshell holds back delays only its own', async () => {
    await callSimControl(sim.url, 'POST', 'reset', { rootPassword: ROOT, tenantCount: 4 });
    await callSimControl(sim.url, 'POST', 'latency', {
      ms: 60_000,
      path: '/api/v1/tenant/tenant_0004/',
    });
    const { client, batches } = makeClient();
    const conn = { clusterKey: 'test', client };
    const names = ['tenant_0001', 'tenant_0002', 'tenant_0003', 'tenant_0004'];
    const reads = names.map((name) => fetchTenantStorage(conn, name));
    await expect(Promise.all(reads.slice(0, 3))).resolves.toHaveLength(3);
    expect(batches()).toBe(1);
    // Released by the test, not by a clock: the held read then answers in the same batch.
    await callSimControl(sim.url, 'POST', 'latency', {
      ms: 0,
      path: '/api/v1/tenant/tenant_0004/',
    });
    await expect(reads[3]).resolves.toBeDefined();
  });

  it('go alone when the page is served without the route (obshell answers 404 there)', async () => {
    const { read, fetched, batches } = makeClient({ readBatchUrl: `${sim.url}${READ_BATCH_PATH}` });
    await Promise.all(Array.from({ length: 5 }, () => read()));
    expect(batches()).toBe(1);
    await Promise.all(Array.from({ length: 5 }, () => read()));
    // Found out once; every later read goes straight to obshell.
    expect(batches()).toBe(1);
    expect(fetched.filter((url) => url.endsWith('/api/v1/obcluster/info'))).toHaveLength(10);
  });

  it("give the route's refusal to each read when the request lacks the CSRF header", async () => {
    const { read } = makeClient({ dropCsrfHeader: true });
    const results = await settleAll(Array.from({ length: 3 }, () => read()));
    const refused = results.map((result) => (result as PromiseRejectedResult).reason as unknown);
    for (const reason of refused) {
      expect(reason).toMatchObject({ kind: 'server', status: 403 });
      expect((reason as ObshellError).message).toContain('X-Obdash-Request');
    }
    expect(await logged('/api/v1/obcluster/info')).toHaveLength(0);
  });

  it('fail with a network error each when the route cannot be reached', async () => {
    const closed = await startDevReadBatch({ target: sim.url });
    await closed.close();
    const { read } = makeClient({ readBatchUrl: `${closed.url}${READ_BATCH_PATH}` });
    const results = await settleAll(Array.from({ length: 4 }, () => read()));
    const kinds = results.map((result) =>
      result.status === 'rejected' ? (result.reason as ObshellError).kind : 'ok',
    );
    expect(kinds).toEqual(['network', 'network', 'network', 'network']);
  });
});
