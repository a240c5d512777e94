import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type SimulatorHandle } from '../start';
import { control, sleep, TestClient, type Reply } from './support/test-client';

const PASSWORD = 'pw';
let sim: SimulatorHandle;
let client: TestClient;

interface SubTask {
  id: string;
  task_id: number;
  name: string;
  state: string;
  operator: string;
  execute_times: number;
  execute_agent: { ip: string; port: number };
  task_logs: string[];
  start_time: string;
  end_time: string;
}
interface Node {
  id: string;
  node_id: number;
  name: string;
  state: string;
  operator: string;
  sub_tasks: SubTask[] | null;
}
interface Dag {
  id: string;
  dag_id: number;
  name: string;
  stage: number;
  max_stage: number;
  state: string;
  operator: string;
  start_time: string;
  end_time: string;
  nodes: Node[] | null;
}
interface SimTenant {
  name: string;
  archive_base_uri: string;
  data_base_uri: string;
  parameters: Record<string, string>;
  log_archive_status: string;
  delete_policy: { policy: string; recovery_window: string } | null;
}

beforeAll(async () => {
  sim = await startSimulator({ port: 0, rootPassword: PASSWORD });
  client = new TestClient(sim.url, PASSWORD);
});
afterAll(() => sim.close());
beforeEach(async () => {
  await control(sim.url, 'POST', 'reset', { rootPassword: PASSWORD, timeScale: 0.01 });
});

async function submit(body: unknown): Promise<Dag> {
  const reply = await client.call<Dag>('PATCH', '/api/v1/obcluster/backup/config', { body });
  expect(reply.status, JSON.stringify(reply.envelope.error)).toBe(200);
  return reply.data;
}

async function getDag(id: string, details = true): Promise<Dag> {
  const reply = await client.call<Dag>('GET', `/api/v1/task/dag/${id}?show_details=${details}`);
  expect(reply.status).toBe(200);
  return reply.data;
}

async function waitFor(id: string, done: (dag: Dag) => boolean, timeoutMs = 5000): Promise<Dag> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const dag = await getDag(id);
    if (done(dag)) return dag;
    if (Date.now() > until)
      throw new Error(`DAG ${id} stuck: ${JSON.stringify(dag).slice(0, 400)}`);
    await sleep(15);
  }
}

const settled = (dag: Dag) => dag.state === 'SUCCEED' || dag.state === 'FAILED';

async function operate(id: string, operator: string): Promise<Reply> {
  return client.call('POST', `/api/v1/task/dag/${id}`, { body: { operator } });
}

async function tenants(): Promise<SimTenant[]> {
  return (await control<{ tenants: SimTenant[] }>(sim.url, 'GET', 'state')).tenants;
}

describe('a successful backup config change', () => {
  it('runs Check (a sub-task per agent) then Set (per tenant) and applies the config', async () => {
    const dag = await submit({
      backup_base_uri: 'oss://bucket/backup?host=oss.example.com',
      log_archive_concurrency: 8,
      binding: 'mandatory',
      piece_switch_interval: '2d',
      ha_low_thread_score: 12,
      archive_lag_target: '90S',
      delete_policy: { policy: '', recovery_window: '7d' },
    });
    const done = await waitFor(dag.id, settled);
    expect(done).toMatchObject({ state: 'SUCCEED', operator: 'RUN', stage: 2, max_stage: 2 });
    const [check, set] = done.nodes ?? [];
    expect(check?.name).toBe('Check backup config');
    expect(check?.sub_tasks?.map((t) => t.execute_agent.ip)).toEqual([
      '127.0.0.1',
      '127.0.0.2',
      '127.0.0.3',
    ]);
    expect(set?.name).toBe('Set backup config');
    expect(set?.sub_tasks?.map((t) => t.name)).toEqual([
      'Set backup config for tenant app_tenant',
      'Set backup config for tenant report_tenant',
    ]);
    for (const task of [...(check?.sub_tasks ?? []), ...(set?.sub_tasks ?? [])]) {
      expect(task).toMatchObject({ state: 'SUCCEED', operator: 'RUN', execute_times: 1 });
      expect(task.task_logs.length).toBeGreaterThan(1);
      expect(task.id).toBe(`1${task.task_id}`);
    }
    expect(done.end_time > done.start_time).toBe(true);

    const [app] = await tenants();
    expect(app).toMatchObject({
      archive_base_uri: 'oss://bucket/backup/1700000001/1002/clog?host=oss.example.com',
      data_base_uri: 'oss://bucket/backup/1700000001/1002/data?host=oss.example.com',
      log_archive_status: 'STOP',
      delete_policy: { policy: 'default', recovery_window: '7d' },
    });
    expect(app?.parameters).toMatchObject({
      log_archive_concurrency: '8',
      ha_low_thread_score: '12',
      archive_lag_target: '90s',
      log_archive_dest:
        'LOCATION=oss://bucket/backup/1700000001/1002/clog?host=oss.example.com BINDING=MANDATORY PIECE_SWITCH_INTERVAL=2d',
    });

    // later reads over the API show it too
    const storage = await client.call<{ archive_base_uri: string }>(
      'GET',
      '/api/v1/tenant/report_tenant/backup/config/storage',
    );
    expect(storage.data.archive_base_uri).toBe(
      'oss://bucket/backup/1700000001/1004/clog?host=oss.example.com',
    );
    const params = await client.call<{ contents: { name: string; value: string }[] }>(
      'GET',
      `/api/v1/tenant/app_tenant/parameters?filter=${encodeURIComponent('log_archive%')}`,
    );
    expect(params.data.contents.map((p) => p.name).sort()).toEqual([
      'log_archive_concurrency',
      'log_archive_dest',
      'log_archive_dest_state',
    ]);
  });

  it('ha_low_thread_score alone leaves log archiving on', async () => {
    const dag = await submit({ ha_low_thread_score: 3 });
    await waitFor(dag.id, (d) => d.state === 'SUCCEED');
    const [app] = await tenants();
    expect(app?.log_archive_status).toBe('DOING');
    expect(app?.parameters.ha_low_thread_score).toBe('3');
    expect(app?.archive_base_uri).toBe('file:///data/ob_backup/1700000001/1002/clog');
  });

  it('progresses visibly: READY → RUNNING with stage 1 then 2 (slower scale)', async () => {
    await control(sim.url, 'POST', 'time-scale', { scale: 0.3 });
    const dag = await submit({ log_archive_concurrency: 1 });
    expect(dag.state).toBe('READY');
    const running = await waitFor(dag.id, (d) => d.state === 'RUNNING');
    expect(running.stage).toBe(1);
    expect(running.nodes?.[0]?.state).toBe('RUNNING');
    expect(running.end_time).toBe(running.start_time);
    const second = await waitFor(dag.id, (d) => d.stage === 2);
    expect(second.nodes?.[0]?.state).toBe('SUCCEED');
    const unfinished = await client.call<{ contents: Dag[] }>('GET', '/api/v1/task/dag/unfinish');
    expect(unfinished.data.contents.map((d) => d.id)).toContain(dag.id);
    await waitFor(dag.id, (d) => d.state === 'SUCCEED');
    const after = await client.call<{ contents: Dag[] }>('GET', '/api/v1/task/dag/unfinish');
    expect(after.data.contents.map((d) => d.id)).not.toContain(dag.id);
  });

  it('show_details=false omits nodes', async () => {
    const dag = await submit({ ha_low_thread_score: 1 });
    expect((await getDag(dag.id, false)).nodes).toBeNull();
    expect((await getDag(dag.id, true)).nodes).toHaveLength(2);
    const bad = await client.call('GET', `/api/v1/task/dag/${dag.id}?show_details=maybe`);
    expect(bad.status).toBe(400);
  });
});

describe('failures and operators', () => {
  it('fail once at "Set backup config" → FAILED; RETRY → SUCCEED+RUN, execute_times 2', async () => {
    await control(sim.url, 'POST', 'fail', { step: 'Set backup config', mode: 'once' });
    const dag = await submit({ log_archive_concurrency: 4 });
    const failed = await waitFor(dag.id, settled);
    expect(failed).toMatchObject({ state: 'FAILED', operator: 'RUN', stage: 2 });
    const set = failed.nodes?.[1];
    expect(set?.state).toBe('FAILED');
    expect(set?.sub_tasks?.[0]?.state).toBe('FAILED');
    expect(set?.sub_tasks?.[0]?.task_logs.at(-1)).toMatch(/failed/);
    expect(set?.sub_tasks?.[1]?.state).toBe('PENDING');
    // FAILED awaits a decision, so it is unfinished
    const unfinished = await client.call<{ contents: Dag[] }>('GET', '/api/v1/task/dag/unfinish');
    expect(unfinished.data.contents.map((d) => d.id)).toContain(dag.id);
    // nothing applied to the first tenant yet
    expect((await tenants())[0]?.parameters.log_archive_concurrency).toBe('0');

    expect((await operate(dag.id, 'retry')).status).toBe(200);
    const done = await waitFor(dag.id, (d) => d.state === 'SUCCEED');
    expect(done.operator).toBe('RUN');
    expect(done.nodes?.[1]?.sub_tasks?.[0]?.execute_times).toBe(2);
    expect(done.nodes?.[0]?.sub_tasks?.[0]?.execute_times).toBe(1);
    expect((await tenants()).map((t) => t.parameters.log_archive_concurrency)).toEqual(['4', '4']);
  });

  it('fail always → RETRY fails again; PASS → SUCCEED+PASS, the failed tenant unchanged', async () => {
    await control(sim.url, 'POST', 'fail', {
      step: 'Set backup config for tenant app_tenant',
      mode: 'always',
    });
    const dag = await submit({ ha_low_thread_score: 9 });
    await waitFor(dag.id, settled);
    await operate(dag.id, 'RETRY');
    const again = await waitFor(
      dag.id,
      (d) => d.state === 'FAILED' && d.nodes?.[1]?.sub_tasks?.[0]?.execute_times === 2,
    );
    expect(again.state).toBe('FAILED');
    expect((await operate(dag.id, 'Pass')).status).toBe(200);
    const passed = await waitFor(dag.id, (d) => d.state === 'SUCCEED');
    expect(passed.operator).toBe('PASS');
    expect(passed.nodes?.[1]?.sub_tasks?.[0]).toMatchObject({ state: 'SUCCEED', operator: 'PASS' });
    expect(passed.nodes?.[1]?.sub_tasks?.[1]).toMatchObject({ state: 'SUCCEED', operator: 'RUN' });
    const [app, report] = await tenants();
    expect(app?.parameters.ha_low_thread_score).toBe('0');
    expect(report?.parameters.ha_low_thread_score).toBe('9');
  });

  it('failed Check can be rolled back → SUCCEED+ROLLBACK; nothing applied', async () => {
    await control(sim.url, 'POST', 'fail', { step: 'Check backup config', mode: 'once' });
    const dag = await submit({ log_archive_concurrency: 7 });
    const failed = await waitFor(dag.id, settled);
    expect(failed.state).toBe('FAILED');
    expect(failed.stage).toBe(1);
    expect(failed.nodes?.[0]?.sub_tasks?.map((t) => t.state)).toEqual([
      'FAILED',
      'SUCCEED',
      'SUCCEED',
    ]);
    expect((await operate(dag.id, 'ROLLBACK')).status).toBe(200);
    const rolled = await waitFor(dag.id, (d) => d.state === 'SUCCEED');
    expect(rolled.operator).toBe('ROLLBACK');
    expect((await tenants())[0]?.parameters.log_archive_concurrency).toBe('0');
  });

  it('a failed Set cannot be rolled back → RollbackNotAllowed', async () => {
    await control(sim.url, 'POST', 'fail', { step: 'Set backup config', mode: 'once' });
    const dag = await submit({ log_archive_concurrency: 7 });
    await waitFor(dag.id, settled);
    const reply = await operate(dag.id, 'ROLLBACK');
    expect(reply.status).toBe(400);
    expect(reply.envelope.error?.errCode).toBe('Task.Dag.Operator.RollbackNotAllowed');
  });

  it('archive_lag_target left to OceanBase fails inside the DAG, with its error in the logs', async () => {
    const dag = await submit({ archive_lag_target: '3h' });
    const failed = await waitFor(dag.id, settled);
    expect(failed.state).toBe('FAILED');
    const log = failed.nodes?.[1]?.sub_tasks?.[0]?.task_logs.at(-1) ?? '';
    expect(log).toMatch(/archive_lag_target/i);
    // retrying does not help: OceanBase still refuses it
    await operate(dag.id, 'RETRY');
    const again = await waitFor(
      dag.id,
      (d) => d.state === 'FAILED' && (d.nodes?.[1]?.sub_tasks?.[0]?.execute_times ?? 0) >= 2,
    );
    expect(again.state).toBe('FAILED');
  });

  it('CANCEL a running DAG → FAILED+CANCEL, finished; CANCEL again → CancelFinishedDag', async () => {
    await control(sim.url, 'POST', 'time-scale', { scale: 0.2 });
    const dag = await submit({ log_archive_concurrency: 2 });
    await waitFor(dag.id, (d) => d.state === 'RUNNING');
    expect((await operate(dag.id, 'cancel')).status).toBe(200);
    const cancelled = await getDag(dag.id);
    expect(cancelled).toMatchObject({ state: 'FAILED', operator: 'CANCEL' });
    await sleep(100);
    expect((await getDag(dag.id)).state).toBe('FAILED');
    const again = await operate(dag.id, 'CANCEL');
    expect(again.envelope.error?.errCode).toBe('Task.Dag.Operator.CancelFinishedDag');
    const retry = await operate(dag.id, 'RETRY');
    expect(retry.envelope.error?.errCode).toBe('Task.Dag.Operator.RetryNotFailedDag');
    const unfinished = await client.call<{ contents: Dag[] }>('GET', '/api/v1/task/dag/unfinish');
    expect(unfinished.data.contents.map((d) => d.id)).not.toContain(dag.id);
  });

  it('operators on a running or succeeded DAG', async () => {
    await control(sim.url, 'POST', 'time-scale', { scale: 0.2 });
    const dag = await submit({ log_archive_concurrency: 2 });
    for (const [op, code] of [
      ['RETRY', 'Task.Dag.Operator.RetryNotFailedDag'],
      ['ROLLBACK', 'Task.Dag.Operator.RollbackNotFailedDag'],
      ['PASS', 'Task.Dag.Operator.PassNotFailedDag'],
      ['JUMP', 'Task.Dag.Operator.NotSupport'],
      ['', 'Task.Dag.Operator.NotSupport'],
    ] as const) {
      const reply = await operate(dag.id, op);
      expect(reply.status, op).toBe(400);
      expect(reply.envelope.error?.errCode, op).toBe(code);
    }
    await control(sim.url, 'POST', 'time-scale', { scale: 0.01 });
    await waitFor(dag.id, (d) => d.state === 'SUCCEED');
    expect((await operate(dag.id, 'CANCEL')).envelope.error?.errCode).toBe(
      'Task.Dag.Operator.CancelFinishedDag',
    );
    expect((await operate(dag.id, 'PASS')).envelope.error?.errCode).toBe(
      'Task.Dag.Operator.PassNotFailedDag',
    );
  });
});

describe('task endpoints', () => {
  it('node, sub_task and sub_task logs', async () => {
    const dag = await submit({ log_archive_concurrency: 3 });
    const done = await waitFor(dag.id, settled);
    const node = done.nodes?.[0];
    const nodeReply = await client.call<Node>('GET', `/api/v1/task/node/${node?.id}`);
    expect(nodeReply.data).toMatchObject({ name: 'Check backup config', state: 'SUCCEED' });
    expect(nodeReply.data.sub_tasks).toHaveLength(3);
    const brief = await client.call<Node>(
      'GET',
      `/api/v1/task/node/${node?.id}?show_details=false`,
    );
    expect(brief.data.sub_tasks).toBeNull();
    const task = node?.sub_tasks?.[0];
    const taskReply = await client.call<SubTask>('GET', `/api/v1/task/sub_task/${task?.id}`);
    expect(taskReply.data).toEqual(task);
    const logs = await client.call<{ contents: Record<string, unknown>[] }>(
      'GET',
      `/api/v1/task/sub_task/${task?.id}/logs`,
    );
    expect(logs.data.contents.map((l) => l.log_content)).toEqual(task?.task_logs);
    expect(logs.data.contents[0]).toMatchObject({
      sub_task_id: task?.task_id,
      execute_times: 1,
      is_sync: true,
    });
    expect(Object.keys(logs.data.contents[0] ?? {}).sort()).toEqual(
      [
        'create_time',
        'execute_times',
        'id',
        'is_sync',
        'log_content',
        'sub_task_id',
        'update_time',
      ].sort(),
    );
  });

  it.each([
    ['/api/v1/task/dag/1999', 404, 'Task.NotFound'],
    ['/api/v1/task/dag/2001', 404, 'Task.NotFound'],
    ['/api/v1/task/node/1999', 404, 'Task.NotFound'],
    ['/api/v1/task/sub_task/1999', 404, 'Task.NotFound'],
    ['/api/v1/task/sub_task/1999/logs', 404, 'Task.NotFound'],
    ['/api/v1/task/dag/abc', 400, 'Task.GenericID.Invalid'],
  ])('%s → %i %s', async (path, status, errCode) => {
    const reply = await client.call('GET', path, { lang: 'zh-CN' });
    expect(reply.status).toBe(status);
    expect(reply.envelope.error?.errCode).toBe(errCode);
    if (errCode === 'Task.NotFound') expect(reply.envelope.error?.message).toBe('未找到任务');
  });

  it('POST operator on an unknown DAG → 404 Task.NotFound', async () => {
    const reply = await operate('1999', 'RETRY');
    expect(reply.status).toBe(404);
    expect(reply.envelope.error?.message).toBe('Task not found');
  });
});

describe('PATCH /api/v1/obcluster/backup/log', () => {
  it('switches archiving for every user tenant, case-insensitive', async () => {
    const stop = await client.call('PATCH', '/api/v1/obcluster/backup/log', {
      body: { status: 'stop' },
    });
    expect(stop.status).toBe(200);
    expect(stop.envelope.data).toBeUndefined();
    expect((await tenants()).map((t) => t.log_archive_status)).toEqual(['STOP', 'STOP']);
    await client.call('PATCH', '/api/v1/obcluster/backup/log', { body: { status: 'Doing' } });
    expect((await tenants()).map((t) => t.log_archive_status)).toEqual(['DOING', 'DOING']);
    await client.call('PATCH', '/api/v1/obcluster/backup/log', { body: { status: 'SUSPEND' } });
    expect((await tenants()).map((t) => t.log_archive_status)).toEqual(['SUSPEND', 'SUSPEND']);
    const bad = await client.call('PATCH', '/api/v1/obcluster/backup/log', {
      body: { status: 'ON' },
    });
    expect(bad.status).toBe(400);
    const typed = await client.call('PATCH', '/api/v1/obcluster/backup/log', {
      body: { status: 1 },
    });
    expect(typed.envelope.error?.errCode).toBe('Common.BindJsonFailed');
  });
});
