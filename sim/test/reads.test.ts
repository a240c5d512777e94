import { describe, expect, it } from 'vitest';
import { simClock } from '../control-client';
import { control } from './support/test-client';
import { simPerFile } from './support/sim-per-file';

/** Reads of contract §4/§8 and the archive-log switch of §6, with the control scenarios. */
const PASSWORD = 'pw';
const fx = simPerFile(PASSWORD, { clock: 'manual' });

interface SimTenant {
  name: string;
  log_mode: string;
  log_archive_status: string | null;
  parameters: Record<string, string>;
}
async function tenants(): Promise<SimTenant[]> {
  return (await control<{ tenants: SimTenant[] }>(fx.sim.url, 'GET', 'state')).tenants;
}
async function archiveLog(status: unknown, path = '/api/v1/obcluster/backup/log', lang = 'en') {
  return fx.client.call(
    'PATCH',
    path,
    status === undefined ? { lang } : { body: { status }, lang },
  );
}
const statuses = async () => (await tenants()).map((t) => t.log_archive_status);

describe('GET /tenant/:name/backup/config/storage', () => {
  it('renders the destinations without credentials, with /<cluster>/<tenant>/clog|data', async () => {
    const patch = await fx.client.call<{ id: string }>('PATCH', '/api/v1/obcluster/backup/config', {
      body: {
        backup_base_uri:
          'cos://bkt/base/?host=cos.example.com&appid=12&access_id=AK&access_key=SK&x=1',
      },
    });
    await simClock.runUntil(fx.sim.url, { dag_id: patch.data.id, state: 'SUCCEED' });
    const reply = await fx.client.call('GET', '/api/v1/tenant/app_tenant/backup/config/storage');
    expect(reply.data).toEqual({
      tenant_id: 1002,
      archive_base_uri: 'cos://bkt/base/1700000001/1002/clog?host=cos.example.com&appid=12',
      data_base_uri: 'cos://bkt/base/1700000001/1002/data?host=cos.example.com&appid=12',
    });
  });

  it('data null only when a rendered URI still contains access_id/access_key (e.g. in its path)', async () => {
    const patch = await fx.client.call<{ id: string }>('PATCH', '/api/v1/obcluster/backup/config', {
      body: { backup_base_uri: 'file:///backup/access_key_dir' },
    });
    await simClock.runUntil(fx.sim.url, { dag_id: patch.data.id, state: 'SUCCEED' });
    const reply = await fx.client.call('GET', '/api/v1/tenant/app_tenant/backup/config/storage');
    expect(reply.status).toBe(200);
    expect(reply.envelope.data).toBeUndefined();
  });

  it('sys → 400 SysOperationNotAllowed; unknown → 400 NotExist (en + zh)', async () => {
    const sys = await fx.client.call('GET', '/api/v1/tenant/sys/backup/config/storage', {
      lang: 'zh',
    });
    expect(sys.status).toBe(400);
    expect(sys.envelope.error).toMatchObject({
      errCode: 'OB.Tenant.SysOperationNotAllowed',
      message: '不允许对系统租户执行此操作',
    });
    const unknown = await fx.client.call('GET', '/api/v1/tenant/nope/backup/config/storage');
    expect(unknown.envelope.error).toMatchObject({
      errCode: 'OB.Tenant.NotExist',
      message: "Tenant 'nope' does not exist.",
    });
  });

  it('a non-cluster agent → Agent.Identify.NotSupportOperation with obshell text', async () => {
    await control(fx.sim.url, 'POST', 'reset', { rootPassword: PASSWORD, identity: 'SINGLE' });
    const reply = await fx.client.call('GET', '/api/v1/tenant/app_tenant/backup/config/storage');
    expect(reply.envelope.error?.message).toBe(
      "'127.0.0.1:2886' is 'SINGLE', instead of 'CLUSTER AGENT', does not support this operation",
    );
  });
});

describe('parameters', () => {
  it('tenant not NORMAL → 400 StatusNotNormal; sys accepted; contents null when none match', async () => {
    await control(fx.sim.url, 'POST', 'scenario', { tenant: 'report_tenant', status: 'CREATING' });
    const bad = await fx.client.call('GET', '/api/v1/tenant/report_tenant/parameters');
    expect(bad.status).toBe(400);
    expect(bad.envelope.error).toMatchObject({
      errCode: 'OB.Tenant.StatusNotNormal',
      message: "Tenant 'report_tenant' status is 'CREATING'.",
    });
    const one = await fx.client.call(
      'GET',
      '/api/v1/tenant/report_tenant/parameter/ha_low_thread_score',
    );
    expect(one.envelope.error?.errCode).toBe('OB.Tenant.StatusNotNormal');
    const sys = await fx.client.call<{ contents: { name: string }[] }>(
      'GET',
      '/api/v1/tenant/sys/parameters?filter=ha%25',
    );
    expect(sys.data.contents.map((p) => p.name)).toEqual(['ha_low_thread_score']);
    const none = await fx.client.call<{ contents: null }>(
      'GET',
      '/api/v1/tenant/app_tenant/parameters?filter=zzz',
    );
    expect(none.data.contents).toBeNull();
    const empty = await fx.client.call<{ contents: unknown[] }>(
      'GET',
      '/api/v1/tenant/app_tenant/parameters?filter=',
    );
    expect(empty.data.contents.length).toBeGreaterThan(3);
  });

  it('GET /tenant/:name/parameter/:parameter → one object or 400 Parameter.NotExist', async () => {
    const one = await fx.client.call(
      'GET',
      '/api/v1/tenant/app_tenant/parameter/archive_lag_target',
    );
    expect(one.data).toMatchObject({ name: 'archive_lag_target', value: '2m', data_type: 'TIME' });
    const missing = await fx.client.call('GET', '/api/v1/tenant/app_tenant/parameter/nope', {
      lang: 'zh',
    });
    expect(missing.envelope.error).toMatchObject({
      errCode: 'OB.Tenant.Parameter.NotExist',
      message: "租户参数 'nope' 不存在",
    });
  });
});

describe('GET /api/v1/obcluster/info', () => {
  it('lists sys and non-NORMAL tenants with status and locked, not those in the recycle bin', async () => {
    await control(fx.sim.url, 'POST', 'scenario', {
      tenant: 'app_tenant',
      status: 'RESTORE',
      locked: true,
    });
    await control(fx.sim.url, 'POST', 'scenario', { tenant: 'report_tenant', in_recyclebin: true });
    const reply = await fx.client.call<{ tenants: Record<string, unknown>[] }>(
      'GET',
      '/api/v1/obcluster/info',
    );
    expect(reply.data.tenants).toEqual([
      expect.objectContaining({ tenant_name: 'sys', tenant_id: 1, status: 'NORMAL', locked: 'NO' }),
      expect.objectContaining({
        tenant_name: 'app_tenant',
        status: 'RESTORE',
        locked: 'YES',
        in_recyclebin: 'NO',
      }),
    ]);
  });

  it('degraded: tenants null', async () => {
    await control(fx.sim.url, 'POST', 'scenario', { degraded: true });
    const reply = await fx.client.call<{ tenants: null; cluster_name: string }>(
      'GET',
      '/api/v1/obcluster/info',
    );
    expect(reply.status).toBe(200);
    expect(reply.data.tenants).toBeNull();
    expect(reply.data.cluster_name).toBe('obdemo');
  });

  it('many tenants: reset {tenantCount: 200}', async () => {
    await control(fx.sim.url, 'POST', 'reset', { rootPassword: PASSWORD, tenantCount: 200 });
    const reply = await fx.client.call<{ tenants: { tenant_name: string }[] }>(
      'GET',
      '/api/v1/obcluster/info',
    );
    expect(reply.data.tenants).toHaveLength(201);
    expect(reply.data.tenants[200]?.tenant_name).toBe('tenant_0200');
  });
});

describe('PATCH …/backup/log (contract §6)', () => {
  it('"" or missing = STOP, case-insensitive; DOING only reopens tenants with a row', async () => {
    await control(fx.sim.url, 'POST', 'scenario', { tenant: 'report_tenant', archive: 'none' });
    expect((await archiveLog('')).status).toBe(200);
    expect(await statuses()).toEqual(['STOPPING', null]);
    await simClock.step(fx.sim.url, 5);
    expect(await statuses()).toEqual(['STOP', null]);
    const doing = await archiveLog('doing');
    expect(doing.envelope.data).toBeUndefined();
    expect(await statuses()).toEqual(['BEGINNING', null]);
    await simClock.step(fx.sim.url, 5);
    expect(await statuses()).toEqual(['DOING', null]);
    expect((await tenants())[0]?.log_mode).toBe('ARCHIVELOG');
    expect((await archiveLog(undefined)).status).toBe(200); // empty body = STOP
    expect(await statuses()).toEqual(['STOPPING', null]);
  });

  it('SUSPEND: DEFER for every tenant; DOING on SUSPEND only ENABLEs', async () => {
    await archiveLog('SUSPEND');
    await simClock.step(fx.sim.url, 5);
    const state = await tenants();
    expect(state.map((t) => t.log_archive_status)).toEqual(['SUSPEND', 'SUSPEND']);
    expect(state.map((t) => t.parameters.log_archive_dest_state)).toEqual(['DEFER', 'DEFER']);
    await archiveLog('DOING');
    expect((await tenants())[0]?.parameters.log_archive_dest_state).toBe('ENABLE');
    await simClock.step(fx.sim.url, 5);
    expect(await statuses()).toEqual(['DOING', 'DOING']);
  });

  it('INTERRUPTED → 500 that stops the loop: earlier tenants keep their change, later ones untouched', async () => {
    await control(fx.sim.url, 'POST', 'scenario', {
      tenant: 'report_tenant',
      archive: 'INTERRUPTED',
    });
    await control(fx.sim.url, 'POST', 'scenario', { tenant: 'app_tenant', archive: 'STOP' });
    const reply = await archiveLog('DOING', undefined, 'zh');
    expect(reply.status).toBe(500);
    expect(reply.envelope.error).toMatchObject({
      errCode: 'Common.Unexpected',
      message: '非预期错误：tenant report_tenant archive log is interrupted',
    });
    expect(await statuses()).toEqual(['BEGINNING', 'INTERRUPTED']);
    // INTERRUPTED first: nothing after it runs
    await control(fx.sim.url, 'POST', 'reset', {
      rootPassword: PASSWORD,
      clock: 'manual',
      tenants: [
        { name: 'a', id: 1002 },
        { name: 'b', id: 1004 },
      ],
    });
    await control(fx.sim.url, 'POST', 'scenario', { tenant: 'a', archive: 'INTERRUPTED' });
    expect((await archiveLog('STOP')).status).toBe(500);
    expect(await statuses()).toEqual(['INTERRUPTED', 'DOING']);
  });

  it('bad status → 400 ArchiveLogStatus.Invalid naming STOP and DOING; zero tenants → 200', async () => {
    const bad = await archiveLog('on', undefined, 'zh');
    expect(bad.envelope.error).toMatchObject({
      errCode: 'OB.Backup.ArchiveLogStatus.Invalid',
      message: "非法的归档日志状态：'ON'，必须是 'STOP' 或 'DOING'",
    });
    const typed = await archiveLog(1);
    expect(typed.envelope.error?.errCode).toBe('Common.BindJsonFailed');
    await control(fx.sim.url, 'POST', 'reset', { rootPassword: PASSWORD, tenants: [] });
    expect((await archiveLog('DOING')).status).toBe(200);
  });

  it('tenant form: one tenant; sys → 400', async () => {
    await archiveLog('STOP', '/api/v1/tenant/report_tenant/backup/log');
    expect(await statuses()).toEqual(['DOING', 'STOPPING']);
    const sys = await archiveLog('STOP', '/api/v1/tenant/sys/backup/log');
    expect(sys.envelope.error?.errCode).toBe('OB.Tenant.SysOperationNotAllowed');
  });
});

describe('archive reads (contract §8)', () => {
  interface LogTask {
    tenant_id: number;
    tenant_name: string;
    round_id: number;
    status: string;
    path: string;
    delay: number;
    checkpoint: string;
    start_time: string;
  }
  it('log/tasks: the running round with checkpoint and delay; [] once stopped or never archived', async () => {
    await control(fx.sim.url, 'POST', 'scenario', { tenant: 'app_tenant', archive_delay_s: 9000 });
    const running = await fx.client.call<{ contents: LogTask[] }>(
      'GET',
      '/api/v1/tenant/app_tenant/backup/log/tasks',
    );
    const [task] = running.data.contents;
    expect(task).toMatchObject({
      tenant_id: 1002,
      tenant_name: '',
      round_id: 1,
      status: 'DOING',
      path: 'file:///data/ob_backup/1700000001/1002/clog',
    });
    expect(task?.delay).toBeGreaterThanOrEqual(9000);
    expect(Date.now() - Date.parse(task?.checkpoint ?? '')).toBeGreaterThanOrEqual(8_999_000);
    const info = await fx.client.call<Record<string, unknown>>(
      'GET',
      '/api/v1/tenant/app_tenant/backup/info',
    );
    expect(info.data.tenant_id).toBe(1002);
    const checkpoint = Date.parse(String(info.data.lastest_archive_log_checkpoint));
    expect(Math.abs(checkpoint - Date.parse(task?.checkpoint ?? ''))).toBeLessThan(2000);
    expect(info.data.archive_log_delay).toBeGreaterThanOrEqual(9000);

    await archiveLog('STOP');
    await simClock.step(fx.sim.url, 5);
    const stopped = await fx.client.call<{ contents: LogTask[] }>(
      'GET',
      '/api/v1/tenant/app_tenant/backup/log/tasks',
    );
    expect(stopped.data.contents).toEqual([]);
    const after = await fx.client.call<Record<string, unknown>>(
      'GET',
      '/api/v1/tenant/app_tenant/backup/info',
    );
    expect(after.data.lastest_archive_log_checkpoint).toBeDefined(); // the latest round stays

    await archiveLog('DOING');
    const reopened = await fx.client.call<{ contents: LogTask[] }>(
      'GET',
      '/api/v1/tenant/app_tenant/backup/log/tasks',
    );
    expect(reopened.data.contents[0]).toMatchObject({ round_id: 2, status: 'BEGINNING' });

    await control(fx.sim.url, 'POST', 'scenario', { tenant: 'report_tenant', archive: 'none' });
    const never = await fx.client.call<Record<string, unknown>>(
      'GET',
      '/api/v1/tenant/report_tenant/backup/info',
    );
    expect(never.data.lastest_archive_log_checkpoint).toBeUndefined();
    expect(never.data.archive_log_delay).toBeUndefined();
  });

  it('scenario input is checked', async () => {
    await expect(
      control(fx.sim.url, 'POST', 'scenario', { tenant: 'nope', status: 'CREATING' }),
    ).rejects.toThrow(/400/);
    await expect(control(fx.sim.url, 'POST', 'scenario', { status: 'CREATING' })).rejects.toThrow(
      /400/,
    );
    await expect(
      control(fx.sim.url, 'POST', 'scenario', { tenant: 'app_tenant', archive: 'ON' }),
    ).rejects.toThrow(/400/);
  });
});
