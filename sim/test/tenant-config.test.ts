import { describe, expect, it } from 'vitest';
import { simClock } from '../control-client';
import { nodeLogs, type DagDto } from './support/dag-types';
import { control } from './support/test-client';
import { simPerFile } from './support/sim-per-file';

/** §7 tenant-level backup configuration: checks in order, the DAG, the tenant lock. */
const PASSWORD = 'pw';
const PATH = '/api/v1/tenant/app_tenant/backup/config';
const REPORT = '/api/v1/tenant/report_tenant/backup/config';
const fx = simPerFile(PASSWORD, { clock: 'manual' });

const uris = { data_base_uri: 'file:///data/t_data', archive_base_uri: 'file:///data/t_clog' };

async function send(method: string, body: unknown, path = PATH, lang = 'en-US') {
  return fx.client.call<DagDto>(method, path, { body, lang });
}

async function expectError(method: string, body: unknown, errCode: string, message?: string) {
  const reply = await send(method, body);
  expect(reply.envelope.error?.errCode, JSON.stringify(body)).toBe(errCode);
  expect(reply.status).toBe(400);
  if (message !== undefined) expect(reply.envelope.error?.message).toBe(message);
}

/** 200, then the DAG runs to SUCCEED so it no longer holds the tenant lock. */
async function expectDone(method: string, body: unknown) {
  const reply = await send(method, body);
  expect(reply.status, JSON.stringify(reply.envelope.error)).toBe(200);
  await simClock.runUntil(fx.sim.url, { dag_id: reply.data.id, state: 'SUCCEED' });
}

async function dag(id: string): Promise<DagDto> {
  return (await fx.client.call<DagDto>('GET', `/api/v1/task/dag/${id}`)).data;
}

describe('checks, in obshell order', () => {
  it('cluster agent → not sys → exists → body', async () => {
    const sys = await send('POST', { data_base_uri: 1 }, '/api/v1/tenant/sys/backup/config');
    expect(sys.envelope.error?.errCode).toBe('OB.Tenant.SysOperationNotAllowed');
    const ghost = await send('POST', { data_base_uri: 1 }, '/api/v1/tenant/ghost/backup/config');
    expect(ghost.envelope.error?.message).toBe("Tenant 'ghost' does not exist.");
    await expectError('POST', { data_base_uri: 1 }, 'Common.BindJsonFailed');
    await control(fx.sim.url, 'POST', 'reset', { rootPassword: PASSWORD, identity: 'SINGLE' });
    const single = await send('PATCH', {}, '/api/v1/tenant/sys/backup/config');
    expect(single.envelope.error?.errCode).toBe('Agent.Identify.NotSupportOperation');
  });

  it('POST: data_base_uri, then archive_base_uri required and non-empty', async () => {
    const data = 'data_base_uri cannot be empty';
    await expectError('POST', {}, 'OB.Backup.DataBaseUriEmpty', data);
    await expectError(
      'POST',
      { archive_base_uri: 'x', data_base_uri: '' },
      'OB.Backup.DataBaseUriEmpty',
    );
    await expectError(
      'POST',
      { data_base_uri: 'file:///d', log_archive_concurrency: 101 },
      'OB.Backup.ArchiveBaseUriEmpty',
      'archive_base_uri cannot be empty',
    );
    const zh = await send('POST', {}, PATH, 'zh-CN');
    expect(zh.envelope.error?.message).toBe('data_base_uri 不能为空');
  });

  it('PATCH: binding / piece_switch_interval need a non-empty archive_base_uri', async () => {
    const code = 'OB.Backup.ArchiveBaseUriEmpty';
    await expectError(
      'PATCH',
      { binding: 'mandatory', log_archive_concurrency: 101 },
      code,
      'archive_base_uri cannot be empty: If binding is set, archive_base_uri must be set',
    );
    await expectError(
      'PATCH',
      { archive_base_uri: '', data_base_uri: 'file:///d', piece_switch_interval: '1d' },
      code,
      'archive_base_uri cannot be empty: If piece_switch_interval is set, archive_base_uri must be set',
    );
    // "" values do not trigger the precondition.
    expect((await send('PATCH', { binding: '', piece_switch_interval: '' })).status).toBe(200);
  });

  it('then the §4 value checks in order, URIs archive before data', async () => {
    await expectError(
      'PATCH',
      { log_archive_concurrency: 101, ha_low_thread_score: 101 },
      'OB.Backup.LogArchiveConcurrency.Invalid',
    );
    await expectError('PATCH', { ha_low_thread_score: -1 }, 'OB.Backup.HaLowThreadScore.Invalid');
    await expectError(
      'PATCH',
      { ...uris, binding: 'sometimes', piece_switch_interval: '1h' },
      'OB.Backup.Binding.Invalid',
      'Invalid binding mode: SOMETIMES, must be OPTIONAL or MANDATORY',
    );
    await expectError(
      'PATCH',
      { ...uris, piece_switch_interval: '23h', delete_policy: { policy: 'x' } },
      'OB.Backup.PieceSwitchInterval.Invalid',
    );
    await expectError(
      'PATCH',
      { data_base_uri: 'ftp://x', delete_policy: { policy: 'x' } },
      'OB.Backup.DeletePolicy.Invalid',
    );
    await expectError('PATCH', { data_base_uri: 'ftp://x' }, 'OB.Storage.URI.Invalid');
    await expectError(
      'PATCH',
      { archive_base_uri: 'ftp://x', archive_lag_target: '3h' },
      'OB.Storage.URI.Invalid',
    );
  });

  it('archive_lag_target is checked only with a non-empty archive_base_uri', async () => {
    // Unchecked here; OceanBase refuses it in the Set node then.
    await control(fx.sim.url, 'POST', 'reset', { rootPassword: PASSWORD });
    expect((await send('PATCH', { archive_lag_target: '3h' })).status).toBe(200);
    expect(
      (await send('PATCH', { archive_base_uri: '', archive_lag_target: '3h' }, REPORT)).status,
    ).toBe(200);
    await control(fx.sim.url, 'POST', 'reset', { rootPassword: PASSWORD, clock: 'manual' });
    await expectError(
      'PATCH',
      { data_base_uri: 'file:///d', archive_base_uri: 'file:///a', archive_lag_target: '3H' },
      'OB.Backup.ArchiveLagTarget.Invalid',
      'archive_lag_target must be less than 2h0m0s',
    );
    await expectError(
      'PATCH',
      { archive_base_uri: 's3://b/k?host=h', archive_lag_target: '30s' },
      'OB.Backup.ArchiveLagTargetForS3.Invalid',
    );
    // The S3 rule looks at the archive URI only.
    await expectDone('PATCH', {
      archive_base_uri: 'file:///a',
      data_base_uri: 's3://b/k?host=h',
      archive_lag_target: '30s',
    });
  });
});

describe('the DAG "Set obcluster backup config for <tenant>"', () => {
  it('is a tenant-maintenance DAG of two nodes working on that tenant only', async () => {
    const reply = await send('POST', uris);
    expect(reply.status).toBe(200);
    expect(reply.data).toMatchObject({
      name: 'Set obcluster backup config for app_tenant',
      maintenance_type: 3,
      maintenance_key: 'app_tenant',
      state: 'READY',
      max_stage: 2,
      nodes: null,
    });
    await simClock.runUntil(fx.sim.url, { dag_id: reply.data.id, state: 'SUCCEED' });
    const done = await dag(reply.data.id);
    expect(done.nodes?.map((n) => n.name)).toEqual(['Check backup config', 'Set backup config']);
    const check = nodeLogs(done, 'Check backup config');
    expect(check.filter((l) => l.includes('wirte permission'))).toEqual(
      Array(6).fill("Check 'app_tenant' wirte permission"),
    );
    const set = nodeLogs(done, 'Set backup config');
    expect(set).toContain("URI is 'file:///data/t_clog/'");
    expect(set).toContain("URI is 'file:///data/t_data/'");
    expect(set.some((l) => l.includes('report_tenant'))).toBe(false);
  });

  it('storage reads show the URIs as stored (given plus "/"); other tenants keep theirs', async () => {
    const before = await fx.client.call(
      'GET',
      '/api/v1/tenant/report_tenant/backup/config/storage',
    );
    const reply = await send('POST', {
      archive_base_uri: 'oss://bkt/arch/?host=oss.example.com&access_id=AK&access_key=SK&x=1',
      data_base_uri: 'file:///data/t_data',
    });
    await simClock.runUntil(fx.sim.url, { dag_id: reply.data.id, state: 'SUCCEED' });
    const storage = await fx.client.call('GET', '/api/v1/tenant/app_tenant/backup/config/storage');
    // The read re-parses the stored URI: an object key loses its trailing '/' (storage.go).
    expect(storage.data).toEqual({
      tenant_id: 1002,
      archive_base_uri: 'oss://bkt/arch?host=oss.example.com',
      data_base_uri: 'file:///data/t_data/',
    });
    const state = await control<{ tenants: { name: string; archive_base_uri: string }[] }>(
      fx.sim.url,
      'GET',
      'state',
    );
    expect(state.tenants.find((t) => t.name === 'app_tenant')?.archive_base_uri).toBe(
      'oss://bkt/arch/?host=oss.example.com&access_id=AK&access_key=SK',
    );
    const after = await fx.client.call('GET', '/api/v1/tenant/report_tenant/backup/config/storage');
    expect(after.data).toEqual(before.data);
  });

  it('PATCH with one URI leaves the other destination unchanged', async () => {
    const reply = await send('PATCH', { data_base_uri: 'file:///only/data' });
    await simClock.runUntil(fx.sim.url, { dag_id: reply.data.id, state: 'SUCCEED' });
    const storage = await fx.client.call<{ archive_base_uri: string; data_base_uri: string }>(
      'GET',
      '/api/v1/tenant/app_tenant/backup/config/storage',
    );
    expect(storage.data.data_base_uri).toBe('file:///only/data/');
    expect(storage.data.archive_base_uri).toBe('file:///data/ob_backup/1700000001/1002/clog');
  });
});

describe('the tenant lock', () => {
  const lockMessage =
    "Create task 'Set obcluster backup config for app_tenant' failed: Tenant 'app_tenant' is under maintenance, please try again later.";

  it('refuses a second tenant DAG while one holds the tenant; others are not affected', async () => {
    expect((await send('PATCH', { ha_low_thread_score: 1 })).status).toBe(200);
    const second = await send('PATCH', { ha_low_thread_score: 2 });
    expect(second.status).toBe(500);
    expect(second.envelope.error?.errCode).toBe('OB.Tenant.UnderMaintenance');
    expect(second.envelope.error?.message).toBe(lockMessage);
    const zh = await send('PATCH', {}, PATH, 'zh-CN');
    expect(zh.envelope.error?.message).toBe(
      "创建任务 'Set obcluster backup config for app_tenant' 失败: 租户 'app_tenant' 处于运维状态中",
    );
    const other = await send('PATCH', {}, REPORT);
    expect(other.status).toBe(200);
    const cluster = await send(
      'PATCH',
      { ha_low_thread_score: 3 },
      '/api/v1/obcluster/backup/config',
    );
    expect(cluster.status).toBe(200);
    // Body checks come first: a bad body still answers 400.
    await expectError('PATCH', { ha_low_thread_score: 101 }, 'OB.Backup.HaLowThreadScore.Invalid');
  });

  it('during a global maintenance: OB.Cluster.UnderMaintenance(WithDag)', async () => {
    await control(fx.sim.url, 'POST', 'maintenance', { on: true });
    const plain = await send('PATCH', {});
    expect(plain.status).toBe(500);
    expect(plain.envelope.error?.errCode).toBe('OB.Cluster.UnderMaintenance');
    expect(plain.envelope.error?.message).toBe(
      "Create task 'Set obcluster backup config for app_tenant' failed: OceanBase cluster is under maintenance, please try again later",
    );
    await control(fx.sim.url, 'POST', 'maintenance', { on: true, dag: 'Upgrade agent' });
    const withDag = await send('PATCH', {});
    expect(withDag.envelope.error?.errCode).toBe('OB.Cluster.UnderMaintenanceWithDag');
    expect(withDag.envelope.error?.message).toContain(
      'OceanBase cluster is under maintenance by DAG: Upgrade agent, please try again later',
    );
    await control(fx.sim.url, 'POST', 'maintenance', { on: false });
    expect((await send('PATCH', {})).status).toBe(200);
  });

  it('a failed tenant DAG keeps the lock and stays unfinished until it ends SUCCEED', async () => {
    await control(fx.sim.url, 'POST', 'fail', { step: 'Set backup config', mode: 'once' });
    const first = await send('PATCH', { ha_low_thread_score: 1 });
    await simClock.runUntil(fx.sim.url, { dag_id: first.data.id, state: 'FAILED' });
    const unfinished = await fx.client.call<{ contents: DagDto[] | null }>(
      'GET',
      '/api/v1/task/dag/unfinish',
    );
    expect(unfinished.data.contents?.map((d) => [d.id, d.state])).toEqual([
      [first.data.id, 'FAILED'],
    ]);
    expect((await send('PATCH', {})).envelope.error?.errCode).toBe('OB.Tenant.UnderMaintenance');
    await fx.client.call('POST', `/api/v1/task/dag/${first.data.id}`, {
      body: { operator: 'RETRY' },
    });
    await simClock.runUntil(fx.sim.url, { dag_id: first.data.id, state: 'SUCCEED' });
    const after = await fx.client.call<{ contents: DagDto[] | null }>(
      'GET',
      '/api/v1/task/dag/unfinish',
    );
    expect(after.data.contents).toBeNull();
    expect((await send('PATCH', {})).status).toBe(200);
  });

  it('PASS of a failed tenant DAG releases the lock; a failed cluster DAG is not listed', async () => {
    await control(fx.sim.url, 'POST', 'fail', { step: 'Check backup config', mode: 'always' });
    const cluster = await send(
      'PATCH',
      { ha_low_thread_score: 1 },
      '/api/v1/obcluster/backup/config',
    );
    const tenant = await send('PATCH', { ha_low_thread_score: 1 });
    await simClock.runUntil(fx.sim.url, { dag_id: cluster.data.id, state: 'FAILED' });
    await simClock.runUntil(fx.sim.url, { dag_id: tenant.data.id, state: 'FAILED' });
    const listed = await fx.client.call<{ contents: DagDto[] | null }>(
      'GET',
      '/api/v1/task/dag/unfinish?show_details=false',
    );
    expect(listed.data.contents?.map((d) => d.id)).toEqual([tenant.data.id]);
    await fx.client.call('POST', `/api/v1/task/dag/${tenant.data.id}`, {
      body: { operator: 'pass' },
    });
    expect((await send('PATCH', {})).status).toBe(200);
  });
});
