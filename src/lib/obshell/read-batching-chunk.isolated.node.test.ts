import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSimulator, type SimulatorHandle } from '../../../sim/start';
import { createObshellClient } from './client';
import { clusterInfoSchema } from './cluster-info';
import { READ_BATCH_PATH } from './read-batch-limits';

// Read batching is a chunk loaded with the first batched read. When it cannot be fetched
// (dashboard redeployed, network gone), reads still work: they go alone.
vi.mock('./read-batching', () => {
  throw new TypeError('Failed to fetch dynamically imported module: /assets/read-batching-1.js');
});

const ROOT = 'chunk-root-pw';
let sim: SimulatorHandle;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, rootPassword: ROOT });
});
afterAll(async () => {
  await sim.close();
});

describe('a read-batching chunk that fails to load', () => {
  it('leaves batched reads to go alone, each answered', async () => {
    const fetched: string[] = [];
    const client = createObshellClient({
      apiBase: sim.url,
      readBatchUrl: `${sim.url}${READ_BATCH_PATH}`,
      getCredentials: () => ({ rootPassword: ROOT }),
      getLocale: () => 'en',
      fetchImpl: (input, init) => {
        fetched.push(input instanceof Request ? input.url : input.toString());
        return fetch(input, init);
      },
    });
    const read = () =>
      client.request({
        method: 'GET',
        path: '/api/v1/obcluster/info',
        schema: clusterInfoSchema,
        batch: true,
      });
    const answers = await Promise.all([read(), read(), read()]);
    expect(answers.map((answer) => answer.cluster_name)).toEqual(['obdemo', 'obdemo', 'obdemo']);
    expect(fetched.filter((url) => url.endsWith(READ_BATCH_PATH))).toEqual([]);
    expect(fetched.filter((url) => url.endsWith('/api/v1/obcluster/info'))).toHaveLength(3);
  });
});
