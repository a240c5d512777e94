import { describe, expect, it } from 'vitest';
import { control, sleep } from './support/test-client';
import { simPerFile } from './support/sim-per-file';

const PASSWORD = 'secret-root-pw';
const fx = simPerFile(PASSWORD, { timeScale: 0.01 });

interface Dag {
  id: string;
  state: string;
  name: string;
  max_stage: number;
  nodes: { state: string; sub_tasks: { task_logs: string[] }[] }[];
}

describe('control API', () => {
  it('latency by path prefix; ms 0 clears', async () => {
    await control(fx.sim.url, 'POST', 'latency', { ms: 700, path: '/api/v1/info' });
    let started = Date.now();
    await fx.client.plain('GET', '/api/v1/info');
    expect(Date.now() - started).toBeGreaterThanOrEqual(690);
    started = Date.now();
    await fx.client.plain('GET', '/api/v1/status');
    expect(Date.now() - started).toBeLessThan(600);
    await control(fx.sim.url, 'POST', 'latency', { ms: 0 });
    started = Date.now();
    await fx.client.plain('GET', '/api/v1/info');
    expect(Date.now() - started).toBeLessThan(600);
  });

  it('clearing a latency releases the requests already waiting on it', async () => {
    await control(fx.sim.url, 'POST', 'latency', { ms: 60_000, path: '/api/v1/info' });
    const started = Date.now();
    const held = fx.client.plain('GET', '/api/v1/info');
    await new Promise((resolve) => setTimeout(resolve, 200));
    await control(fx.sim.url, 'POST', 'latency', { ms: 0, path: '/api/v1/info' });
    expect((await held).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('faults: the next N matching requests answer 500, then normal', async () => {
    await control(fx.sim.url, 'POST', 'faults', { kind: '500', count: 2, path: '/api/v1/status' });
    expect((await fx.client.plain('GET', '/api/v1/info')).status).toBe(200);
    const first = await fx.client.plain('GET', '/api/v1/status');
    expect(first.status).toBe(500);
    expect(first.envelope.error?.errCode).toBe('Common.Unexpected');
    expect((await fx.client.plain('GET', '/api/v1/status')).status).toBe(500);
    expect((await fx.client.plain('GET', '/api/v1/status')).status).toBe(200);
  });

  it('faults: drop destroys the socket', async () => {
    await control(fx.sim.url, 'POST', 'faults', { kind: 'drop', count: 1 });
    await expect(fetch(`${fx.sim.url}/api/v1/info`)).rejects.toThrow();
    expect((await fx.client.plain('GET', '/api/v1/info')).status).toBe(200);
  });

  it('requests: decrypted bodies, newest last, never the password', async () => {
    await fx.client.call('PATCH', '/api/v1/obcluster/backup/config', {
      body: { ha_low_thread_score: 7 },
    });
    await fx.client.call('PATCH', '/api/v1/obcluster/backup/config', {
      body: { log_archive_concurrency: 300 },
    });
    await fx.client.call('GET', '/api/v1/obcluster/info');
    const log = await control<
      { method: string; path: string; status: number; body: unknown; uri: string; time: string }[]
    >(fx.sim.url, 'GET', 'requests?path=/api/v1/obcluster/backup&limit=5');
    expect(log.map((r) => [r.method, r.status, r.body])).toEqual([
      ['PATCH', 200, { ha_low_thread_score: 7 }],
      ['PATCH', 400, { log_archive_concurrency: 300 }],
    ]);
    const all = await control<unknown[]>(fx.sim.url, 'GET', 'requests?limit=1');
    expect(all).toHaveLength(1);
    expect(JSON.stringify(await control(fx.sim.url, 'GET', 'requests?limit=100'))).not.toContain(
      PASSWORD,
    );
  });

  it('stats count /api requests by path', async () => {
    await fx.client.plain('GET', '/api/v1/info');
    await fx.client.plain('GET', '/api/v1/info');
    await fx.client.plain('GET', '/api/v1/secret');
    const stats = await control<{ total: number; byPath: Record<string, number> }>(
      fx.sim.url,
      'GET',
      'stats',
    );
    expect(stats.byPath['/api/v1/info']).toBe(2);
    expect(stats.total).toBe(3);
  });

  it('dag: a synthetic DAG pinned to a state, or running', async () => {
    const pinned = await control<Dag>(fx.sim.url, 'POST', 'dag', {
      nodes: 7,
      state: 'FAILED',
      name: 'Big',
    });
    expect(pinned).toMatchObject({ name: 'Big', state: 'FAILED', max_stage: 7 });
    expect(pinned.nodes.map((n) => n.state)).toEqual([
      'SUCCEED',
      'SUCCEED',
      'SUCCEED',
      'FAILED',
      'PENDING',
      'PENDING',
      'PENDING',
    ]);
    const fetched = await fx.client.call<Dag>('GET', `/api/v1/task/dag/${pinned.id}`);
    expect(fetched.data.state).toBe('FAILED');
    const moving = await control<Dag>(fx.sim.url, 'POST', 'dag', { nodes: 3 });
    expect(moving.state).toBe('READY');
    await sleep(300);
    const done = await fx.client.call<Dag>('GET', `/api/v1/task/dag/${moving.id}`);
    expect(done.data.state).toBe('SUCCEED');
    // a pinned FAILED DAG can still be retried through the real API
    expect(
      (
        await fx.client.call('POST', `/api/v1/task/dag/${pinned.id}`, {
          body: { operator: 'RETRY' },
        })
      ).status,
    ).toBe(200);
  });

  it('state: cluster and tenants as the contract lists them', async () => {
    const state = await control<{
      cluster: { name: string; id: number };
      tenants: {
        name: string;
        tenant_id: number;
        archive_base_uri: string;
        parameters: Record<string, string>;
        log_archive_status: string;
      }[];
      dags: unknown[];
    }>(fx.sim.url, 'GET', 'state');
    expect(state.cluster).toMatchObject({ name: 'obdemo', id: 1700000001 });
    expect(state.tenants.map((t) => [t.name, t.tenant_id])).toEqual([
      ['app_tenant', 1002],
      ['report_tenant', 1004],
    ]);
    expect(state.tenants[0]).toMatchObject({
      archive_base_uri: 'file:///data/ob_backup/1700000001/1002/clog',
      log_archive_status: 'DOING',
      parameters: {
        log_archive_concurrency: '0',
        ha_low_thread_score: '0',
        archive_lag_target: '2m',
        log_archive_dest:
          'LOCATION=file:///data/ob_backup/1700000001/1002/clog BINDING=OPTIONAL PIECE_SWITCH_INTERVAL=1d',
        data_backup_dest: 'file:///data/ob_backup/1700000001/1002/data',
      },
    });
    expect(state.dags).toEqual([]);
  });

  it('reset clears DAGs, faults and the request log', async () => {
    await control(fx.sim.url, 'POST', 'dag', { nodes: 2, state: 'RUNNING' });
    await control(fx.sim.url, 'POST', 'faults', { kind: '500', count: 5 });
    await control(fx.sim.url, 'POST', 'reset', { rootPassword: PASSWORD });
    expect((await fx.client.plain('GET', '/api/v1/info')).status).toBe(200);
    const state = await control<{ dags: unknown[] }>(fx.sim.url, 'GET', 'state');
    expect(state.dags).toEqual([]);
    expect(await control<unknown[]>(fx.sim.url, 'GET', 'requests')).toHaveLength(1);
  });

  it('bad control input → 400 with a readable message; unknown route → 404', async () => {
    const bad = await fetch(`${fx.sim.url}/__sim/fail`, {
      method: 'POST',
      body: JSON.stringify({ step: 'x', mode: 'sometimes' }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/mode/);
    const reset = await fetch(`${fx.sim.url}/__sim/reset`, {
      method: 'POST',
      body: '{"keyBits": 333}',
    });
    expect(reset.status).toBe(400);
    const unknown = await fetch(`${fx.sim.url}/__sim/teleport`, { method: 'POST', body: '{}' });
    expect(unknown.status).toBe(404);
  });

  it('reset with errorStyle and timeScale; the unauthenticated reads', async () => {
    await control(fx.sim.url, 'POST', 'reset', {
      rootPassword: PASSWORD,
      errorStyle: 'legacy',
      timeScale: 2,
    });
    const state = await control<{ cluster: { error_style: string; time_scale: number } }>(
      fx.sim.url,
      'GET',
      'state',
    );
    expect(state.cluster).toMatchObject({ error_style: 'legacy', time_scale: 2 });
    const info = await fx.client.plain<Record<string, unknown>>('GET', '/api/v1/info');
    expect(info.data).toMatchObject({
      identity: 'CLUSTER AGENT',
      security: false,
      supportedAuth: ['v2'],
    });
    for (const key of [
      'pid',
      'state',
      'startAt',
      'homePath',
      'obVersion',
      'architecture',
      'ip',
      'port',
      'zone',
      'version',
      'isObproxyAgent',
    ]) {
      expect(info.data).toHaveProperty(key);
    }
    const status = await fx.client.plain<Record<string, unknown>>('GET', '/api/v1/status');
    expect(status.data).toMatchObject({ state: 2, obState: 3, underMaintenance: false });
    const time = await fx.client.plain<string>('GET', '/api/v1/time');
    expect(Math.abs(Date.parse(time.data) - Date.now())).toBeLessThan(5000);
  });
});
