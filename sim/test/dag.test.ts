import { describe, expect, it } from 'vitest';
import { simClock, type SimTaskState } from '../control-client';
import { control } from './support/test-client';
import { simPerFile } from './support/sim-per-file';

const PASSWORD = 'pw';

interface SubTask {
  id: string;
  task_id: number;
  name: string;
  state: string;
  operator: string;
  execute_times: number;
  execute_agent: { ip: string; port: number };
  task_logs: string[] | null;
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
  maintenance_type: number;
  maintenance_key: string;
  additional_data: unknown;
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
  log_mode: string;
  log_archive_status: string | null;
  delete_policy: { policy: string; recovery_window: string } | null;
}

const fx = simPerFile(PASSWORD, { clock: 'manual' });

async function submit(body: unknown): Promise<Dag> {
  const reply = await fx.client.call<Dag>('PATCH', '/api/v1/obcluster/backup/config', { body });
  expect(reply.status, JSON.stringify(reply.envelope.error)).toBe(200);
  return reply.data;
}

async function getDag(id: string, details = true): Promise<Dag> {
  const reply = await fx.client.call<Dag>(
    'GET',
    `/api/v1/task/dag/${id}?show_details=${String(details)}`,
  );
  expect(reply.status).toBe(200);
  return reply.data;
}

/** Steps the manual clock until the DAG (or its node) is in `state`. */
async function runUntil(id: string, state: SimTaskState, node?: string): Promise<Dag> {
  await simClock.runUntil(fx.sim.url, node ? { dag_id: id, node, state } : { dag_id: id, state });
  return getDag(id);
}

function setTask(dag: Dag): SubTask {
  const task = dag.nodes?.[1]?.sub_tasks?.[0];
  if (!task) throw new Error('no Set sub-task');
  return task;
}

async function tenants(): Promise<SimTenant[]> {
  return (await control<{ tenants: SimTenant[] }>(fx.sim.url, 'GET', 'state')).tenants;
}

const FULL_CHANGE = {
  backup_base_uri:
    'oss://bucket/backup?host=oss.example.com&access_id=AK&access_key=SECRET&force_path_style=true',
  log_archive_concurrency: 8,
  binding: 'mandatory',
  piece_switch_interval: '2d',
  ha_low_thread_score: 12,
  archive_lag_target: '90S',
  delete_policy: { policy: '', recovery_window: '7d' },
};

describe('"Set obcluster backup config" (contract §4)', () => {
  it('creation answer: READY/RUN, maintenance_type 1, zero times, nodes null', async () => {
    const dag = await submit({ ha_low_thread_score: 1 });
    expect(dag).toMatchObject({
      id: `1${dag.dag_id}`,
      name: 'Set obcluster backup config',
      stage: 1,
      max_stage: 2,
      maintenance_type: 1,
      maintenance_key: '',
      state: 'READY',
      operator: 'RUN',
      additional_data: null,
      nodes: null,
      start_time: '0001-01-01T00:00:00Z',
      end_time: '0001-01-01T00:00:00Z',
    });
  });

  it('Check: one sub-task per agent with obshell log lines; Set: ONE sub-task, six phases in order', async () => {
    const dag = await submit(FULL_CHANGE);
    const done = await runUntil(dag.id, 'SUCCEED');
    expect(done).toMatchObject({ state: 'SUCCEED', operator: 'RUN', stage: 2 });
    const [check, set] = done.nodes ?? [];
    expect(check?.sub_tasks?.map((t) => [t.name, t.execute_agent.ip])).toEqual([
      ['Check backup config', '127.0.0.1'],
      ['Check backup config', '127.0.0.2'],
      ['Check backup config', '127.0.0.3'],
    ]);
    expect(check?.sub_tasks?.[0]?.task_logs).toEqual([
      'Check archive path for all tenants',
      "Storage type is 'oss'",
      "Check 'app_tenant' wirte permission",
      "Check 'report_tenant' wirte permission",
      'Check data path for all tenants',
      "Storage type is 'oss'",
      "Check 'app_tenant' wirte permission",
      "Check 'report_tenant' wirte permission",
    ]);
    expect(set?.sub_tasks).toHaveLength(1);
    const logs = setTask(done).task_logs ?? [];
    const clog = (id: number) => `oss://bucket/backup/1700000001/${id}/clog?host=oss.example.com`;
    const data = (id: number) => `oss://bucket/backup/1700000001/${id}/data?host=oss.example.com`;
    const closeAndWait = [
      'Close archive log for app_tenant(1002)',
      'Archive log has been closed for app_tenant(1002)',
      'Close archive log for report_tenant(1004)',
      'Archive log has been closed for report_tenant(1004)',
      'Wait for app_tenant(1002) to close archive log',
      "Wait for app_tenant(1002) archive log to be 'STOP'",
      'Archive log has been closed for app_tenant(1002)',
      'Wait for report_tenant(1004) to close archive log',
      "Wait for report_tenant(1004) archive log to be 'STOP'",
      'Archive log has been closed for report_tenant(1004)',
    ];
    // Phase 2 closes again: the tenants are NOARCHIVELOG by then, so no "Close" lines.
    const waitOnly = closeAndWait.filter((l) => !l.startsWith('Close'));
    expect(logs).toEqual([
      ...closeAndWait,
      "Set log archive concurrency to '8' for app_tenant(1002)",
      "Set log archive concurrency to '8' for report_tenant(1004)",
      ...waitOnly,
      'Set log archive dest binding to MANDATORY',
      'Set log archive dest piece switch interval to 2d',
      'Set log archive dest for app_tenant(1002)',
      `URI is '${clog(1002)}'`,
      'Set log archive dest for report_tenant(1004)',
      `URI is '${clog(1004)}'`,
      'Set archive lag target to 90s',
      'Set data backup dest for app_tenant(1002)',
      `URI is '${data(1002)}'`,
      'Set data backup dest for report_tenant(1004)',
      `URI is '${data(1004)}'`,
      'Set ha low thread score for app_tenant(1002) to 12',
      'Set ha low thread score for report_tenant(1004) to 12',
      'Set delete policy to {default 7d} for app_tenant(1002)',
      'Set delete policy to {default 7d} for report_tenant(1004)',
    ]);
    const [app] = await tenants();
    // OceanBase holds the URI with its secrets; other query parameters are dropped.
    expect(app).toMatchObject({
      archive_base_uri: `${clog(1002)}&access_id=AK&access_key=SECRET`,
      data_base_uri: `${data(1002)}&access_id=AK&access_key=SECRET`,
      log_mode: 'NOARCHIVELOG',
      log_archive_status: 'STOP',
      delete_policy: { policy: 'default', recovery_window: '7d' },
    });
    expect(app?.parameters).toMatchObject({
      log_archive_concurrency: '8',
      ha_low_thread_score: '12',
      archive_lag_target: '90s',
    });
    // a second policy change drops the existing one first
    const again = await submit({ delete_policy: { policy: 'default', recovery_window: '3d' } });
    const second = await runUntil(again.id, 'SUCCEED');
    expect(setTask(second).task_logs).toEqual([
      'Drop delete policy {1002 default 7d} for app_tenant(1002)',
      'Set delete policy to {default 3d} for app_tenant(1002)',
      'Drop delete policy {1004 default 7d} for report_tenant(1004)',
      'Set delete policy to {default 3d} for report_tenant(1004)',
    ]);
  });

  it('NOARCHIVELOG only for tenants not already NOARCHIVELOG', async () => {
    await control(fx.sim.url, 'POST', 'scenario', { tenant: 'report_tenant', archive: 'none' });
    const dag = await submit({ log_archive_concurrency: 2 });
    const done = await runUntil(dag.id, 'SUCCEED');
    const logs = setTask(done).task_logs ?? [];
    expect(logs).toContain('Close archive log for app_tenant(1002)');
    expect(logs).not.toContain('Close archive log for report_tenant(1004)');
    expect(logs).toContain('Archive log has been closed for report_tenant(1004)');
    const [app, report] = await tenants();
    expect(app).toMatchObject({ log_mode: 'NOARCHIVELOG', log_archive_status: 'STOP' });
    // never archived: still no CDB_OB_ARCHIVELOG row
    expect(report).toMatchObject({ log_mode: 'NOARCHIVELOG', log_archive_status: null });
  });

  it('an empty body is a no-op DAG that succeeds', async () => {
    const reply = await fx.client.call<Dag>('PATCH', '/api/v1/obcluster/backup/config', {});
    expect(reply.status).toBe(200);
    const done = await runUntil(reply.data.id, 'SUCCEED');
    expect(setTask(done).task_logs).toEqual([]);
    expect(done.nodes?.[0]?.sub_tasks?.[0]?.task_logs).toContain('Path is empty, skip check');
    expect((await tenants())[0]).toMatchObject({
      log_mode: 'ARCHIVELOG',
      log_archive_status: 'DOING',
    });
  });

  it('ha_low_thread_score alone leaves log archiving on', async () => {
    const dag = await submit({ ha_low_thread_score: 3 });
    await runUntil(dag.id, 'SUCCEED');
    const [app] = await tenants();
    expect(app?.log_archive_status).toBe('DOING');
    expect(app?.parameters.ha_low_thread_score).toBe('3');
  });

  it('a check of an unparsable URI fails with OB.Storage.URI.Invalid in the log', async () => {
    const dag = await submit({ backup_base_uri: 'cos://bucket/key?host=h' });
    const failed = await runUntil(dag.id, 'FAILED');
    expect(failed.stage).toBe(1);
    const log = failed.nodes?.[0]?.sub_tasks?.[0]?.task_logs?.at(-1);
    expect(log).toBe(
      'ERROR: [OB.Storage.URI.Invalid]: check archive path: get archive storage interface: Invalid storage URI: cos appid is required',
    );
  });

  it('progress: READY → RUNNING stage 1 → stage 2; running node end = start', async () => {
    const dag = await submit({ log_archive_concurrency: 1 });
    const running = await runUntil(dag.id, 'RUNNING');
    expect(running.stage).toBe(1);
    expect(running.nodes?.[0]?.state).toBe('RUNNING');
    expect(running.start_time).not.toBe('0001-01-01T00:00:00Z');
    expect(running.nodes?.[1]?.sub_tasks?.[0]?.task_logs).toBeNull();
    const second = await runUntil(dag.id, 'RUNNING', 'Set backup config');
    expect(second.stage).toBe(2);
    expect(second.nodes?.[0]?.state).toBe('SUCCEED');
  });
});

describe('show_details and task reads (contract §5)', () => {
  it('show_details: false and "" omit nodes and additional_data; a non-bool → 500', async () => {
    const dag = await submit({ ha_low_thread_score: 1 });
    expect((await getDag(dag.id, false)).nodes).toBeNull();
    const empty = await fx.client.call<Dag>('GET', `/api/v1/task/dag/${dag.id}?show_details=`);
    expect(empty.data.nodes).toBeNull();
    expect((await getDag(dag.id, true)).nodes).toHaveLength(2);
    const bad = await fx.client.call('GET', `/api/v1/task/dag/${dag.id}?show_details=maybe`);
    expect(bad.status).toBe(500);
    expect(bad.envelope.error).toMatchObject({
      errCode: 'Common.Unexpected',
      message: 'Unexpected error: Internal Server Error',
    });
  });

  it('unfinish: READY/RUNNING only, contents null when empty; dags/ob lists every DAG', async () => {
    const none = await fx.client.call<{ contents: Dag[] | null }>(
      'GET',
      '/api/v1/task/dag/unfinish',
    );
    expect(none.data.contents).toBeNull();
    const all0 = await fx.client.call<{ contents: Dag[] }>('GET', '/api/v1/task/dags/ob');
    expect(all0.data.contents).toEqual([]);
    await control(fx.sim.url, 'POST', 'fail', { step: 'Set backup config', mode: 'once' });
    const failed = await submit({ ha_low_thread_score: 1 });
    await runUntil(failed.id, 'FAILED');
    const open = await submit({ ha_low_thread_score: 2 });
    const unfinished = await fx.client.call<{ contents: Dag[] }>(
      'GET',
      '/api/v1/task/dag/unfinish',
    );
    expect(unfinished.data.contents.map((d) => d.id)).toEqual([open.id]);
    const all = await fx.client.call<{ contents: Dag[] }>(
      'GET',
      '/api/v1/task/dags/ob?show_details=false',
    );
    expect(all.data.contents.map((d) => [d.id, d.state])).toEqual([
      [failed.id, 'FAILED'],
      [open.id, 'READY'],
    ]);
    expect(all.data.contents[0]?.nodes).toBeNull();
  });

  it('node, sub_task and sub_task logs', async () => {
    const dag = await submit({ log_archive_concurrency: 3 });
    const done = await runUntil(dag.id, 'SUCCEED');
    const node = done.nodes?.[0];
    const nodeReply = await fx.client.call<Node>('GET', `/api/v1/task/node/${String(node?.id)}`);
    expect(nodeReply.data).toMatchObject({ name: 'Check backup config', state: 'SUCCEED' });
    expect(nodeReply.data.sub_tasks).toHaveLength(3);
    const brief = await fx.client.call<Node>(
      'GET',
      `/api/v1/task/node/${String(node?.id)}?show_details=false`,
    );
    expect(brief.data.sub_tasks).toBeNull();
    const task = node?.sub_tasks?.[0];
    const taskReply = await fx.client.call<SubTask>(
      'GET',
      `/api/v1/task/sub_task/${String(task?.id)}`,
    );
    expect(taskReply.data).toEqual(task);
    const logs = await fx.client.call<{ contents: Record<string, unknown>[] }>(
      'GET',
      `/api/v1/task/sub_task/${String(task?.id)}/logs`,
    );
    expect(logs.data.contents.map((l) => l.log_content)).toEqual(task?.task_logs);
    expect(logs.data.contents[0]).toMatchObject({
      sub_task_id: task?.task_id,
      execute_times: 1,
      is_sync: true,
    });
  });

  it.each([
    ['/api/v1/task/dag/1999', 404, 'Task.NotFound'],
    ['/api/v1/task/dag/2001', 404, 'Task.NotFound'],
    ['/api/v1/task/node/1999', 404, 'Task.NotFound'],
    ['/api/v1/task/sub_task/1999', 404, 'Task.NotFound'],
    ['/api/v1/task/dag/abc', 400, 'Task.GenericID.Invalid'],
  ])('%s → %i %s', async (path, status, errCode) => {
    const reply = await fx.client.call('GET', path, { lang: 'zh-CN' });
    expect(reply.status).toBe(status);
    expect(reply.envelope.error?.errCode).toBe(errCode);
  });

  it('logs of an unknown sub-task → 200 {contents: []}', async () => {
    for (const id of ['1999', '2001']) {
      const reply = await fx.client.call<{ contents: unknown[] }>(
        'GET',
        `/api/v1/task/sub_task/${id}/logs`,
      );
      expect(reply.status).toBe(200);
      expect(reply.data.contents).toEqual([]);
    }
  });
});
