import { describe, expect, it } from 'vitest';
import { simClock } from '../control-client';
import { nodeLogs, type DagDto } from './support/dag-types';
import { control } from './support/test-client';
import { simPerFile } from './support/sim-per-file';

/** §6 start backup: checks in order, the four-node DAG on the manual clock, fail rules. */
const PASSWORD = 'pw';
const CLUSTER = '/api/v1/obcluster/backup';
const APP = '/api/v1/tenant/app_tenant/backup';
const fx = simPerFile(PASSWORD, { clock: 'manual' });

interface SimTenant {
  name: string;
  log_mode: string;
  log_archive_status: string | null;
  parameters: Record<string, string>;
  backup_jobs: {
    status: string;
    backup_type: string;
    plus_archivelog: boolean;
    end: number | null;
  }[];
}
async function tenant(name: string): Promise<SimTenant> {
  const state = await control<{ tenants: SimTenant[] }>(fx.sim.url, 'GET', 'state');
  const found = state.tenants.find((t) => t.name === name);
  if (!found) throw new Error(`no tenant ${name}`);
  return found;
}
async function start(path: string, body?: unknown, lang = 'en-US') {
  return fx.client.call<DagDto>('POST', path, body === undefined ? { lang } : { body, lang });
}
async function expectError(path: string, body: unknown, errCode: string, message?: string) {
  const reply = await start(path, body);
  expect(reply.envelope.error?.errCode, JSON.stringify(body)).toBe(errCode);
  expect(reply.status).toBe(400);
  if (message !== undefined) expect(reply.envelope.error?.message).toBe(message);
}
async function dag(id: string): Promise<DagDto> {
  return (await fx.client.call<DagDto>('GET', `/api/v1/task/dag/${id}`)).data;
}

describe('checks, in obshell order', () => {
  it('cluster form: agent → bind → user tenants → destinations → mode', async () => {
    await expectError(CLUSTER, { plus_archive: 'yes' }, 'Common.BindJsonFailed');
    await expectError(
      CLUSTER,
      { mode: 'Weekly' },
      'OB.Backup.Mode.Invalid',
      'Invalid backup mode: weekly, must be full or incremental',
    );
    const zh = await start(CLUSTER, { mode: 'x' }, 'zh-CN');
    expect(zh.envelope.error?.message).toBe('非法的备份模式：x，必须是 full 或 incremental');
    await control(fx.sim.url, 'POST', 'reset', {
      rootPassword: PASSWORD,
      initialBackupBaseUri: '',
    });
    await expectError(
      CLUSTER,
      { mode: 'x' },
      'OB.Backup.ArchiveDestEmpty',
      'Archive destination is empty, tenant: app_tenant(1002)',
    );
    await control(fx.sim.url, 'POST', 'reset', { rootPassword: PASSWORD, tenants: [] });
    await expectError(CLUSTER, { mode: 'x' }, 'OB.Backup.NoUserTenants');
    await control(fx.sim.url, 'POST', 'reset', { rootPassword: PASSWORD, identity: 'SINGLE' });
    await expectError(CLUSTER, { plus_archive: 'yes' }, 'Agent.Identify.NotSupportOperation');
  });

  it('tenant form: not sys → exists → bind → destinations → mode', async () => {
    await expectError('/api/v1/tenant/sys/backup', 1, 'OB.Tenant.SysOperationNotAllowed');
    await expectError('/api/v1/tenant/ghost/backup', 1, 'OB.Tenant.NotExist');
    await expectError(APP, { mode: 1 }, 'Common.BindJsonFailed');
    await control(fx.sim.url, 'POST', 'reset', {
      rootPassword: PASSWORD,
      clock: 'manual',
      initialBackupBaseUri: '',
    });
    const set = await fx.client.call<DagDto>('PATCH', `${APP}/config`, {
      body: { archive_base_uri: 'file:///arch' },
    });
    await simClock.runUntil(fx.sim.url, { dag_id: set.data.id, state: 'SUCCEED' });
    await expectError(
      APP,
      { mode: 'x' },
      'OB.Backup.DataDestEmpty',
      'Data destination is empty, tenant: app_tenant(1002)',
    );
  });
});

describe('the DAG "Obcluster start full|increment backup"', () => {
  it('reopens archiving closed by a config change, runs a job to COMPLETED, then SUCCEEDs', async () => {
    const config = await fx.client.call<DagDto>('PATCH', '/api/v1/obcluster/backup/config', {
      body: { backup_base_uri: 'file:///data/next' },
    });
    await simClock.runUntil(fx.sim.url, { dag_id: config.data.id, state: 'SUCCEED' });
    expect((await tenant('app_tenant')).log_mode).toBe('NOARCHIVELOG');

    const reply = await start(CLUSTER, { plus_archive: true, encryption: 'secret' });
    expect(reply.status).toBe(200);
    expect(reply.data).toMatchObject({
      name: 'Obcluster start full backup',
      maintenance_type: 1,
      maintenance_key: '',
      state: 'READY',
      max_stage: 4,
    });
    const id = reply.data.id;
    await simClock.runUntil(fx.sim.url, {
      dag_id: id,
      node: 'Wait backup Finish',
      state: 'RUNNING',
    });
    const overview = await fx.client.call<{ status: { status: string } }>('GET', `${APP}/overview`);
    expect(overview.data.status.status).toBe('DOING');
    await simClock.runUntil(fx.sim.url, { dag_id: id, state: 'SUCCEED' });

    const done = await dag(id);
    expect(done.nodes?.map((n) => [n.name, n.state])).toEqual([
      ['Check destination', 'SUCCEED'],
      ['Open archive log', 'SUCCEED'],
      ['Start backup', 'SUCCEED'],
      ['Wait backup Finish', 'SUCCEED'],
    ]);
    expect(done.nodes?.[0]?.sub_tasks).toHaveLength(3); // one per agent
    const open = nodeLogs(done, 'Open archive log');
    expect(open.slice(0, 2)).toEqual([
      'Open archive log of app_tenant(1002)',
      'Open archive log of report_tenant(1004)',
    ]);
    expect(open).toContain("Archive log status of app_tenant(1002) is 'BEGINNING'");
    expect(open).toContain("Wait for app_tenant(1002) archive log to be 'DOING'");
    expect(nodeLogs(done, 'Start backup')).toEqual([
      'Start full backup of app_tenant(1002)',
      'Start full backup of report_tenant(1004)',
    ]);
    expect(nodeLogs(done, 'Wait backup Finish')).toEqual([
      'Wait app_tenant(1002) backup finish',
      'app_tenant(1002) backup finished',
      'Wait report_tenant(1004) backup finish',
      'report_tenant(1004) backup finished',
    ]);
    const app = await tenant('app_tenant');
    expect([app.log_mode, app.log_archive_status]).toEqual(['ARCHIVELOG', 'DOING']);
    const tasks = await fx.client.call<{ contents: Record<string, unknown>[] }>(
      'GET',
      `${APP}/tasks`,
    );
    expect(tasks.data.contents[0]).toMatchObject({
      status: 'COMPLETED',
      backup_type: 'FULL',
      plus_archivelog: 'ON',
    });
    const task = await fx.client.call<{ status: { encryption_mode: string } }>(
      'GET',
      `${APP}/overview`,
    );
    expect(task.data.status.encryption_mode).toBe('PASSWORD');
  });

  it('archive states: SUSPEND → ENABLE, never archived → opened, both reach DOING', async () => {
    await control(fx.sim.url, 'POST', 'scenario', { tenant: 'app_tenant', archive: 'SUSPEND' });
    await control(fx.sim.url, 'POST', 'scenario', { tenant: 'report_tenant', archive: 'none' });
    const reply = await start(CLUSTER, { mode: 'INCREMENTAL' });
    expect(reply.data.name).toBe('Obcluster start increment backup');
    await simClock.runUntil(fx.sim.url, { dag_id: reply.data.id, state: 'SUCCEED' });
    const app = await tenant('app_tenant');
    expect(app.log_archive_status).toBe('DOING');
    expect(app.parameters.log_archive_dest_state).toBe('ENABLE');
    expect((await tenant('report_tenant')).log_archive_status).toBe('DOING');
    const open = nodeLogs(await dag(reply.data.id), 'Open archive log');
    expect(open).toContain("Archive log status of app_tenant(1002) is 'SUSPEND'");
    expect(open).toContain('Open archive log of report_tenant(1004)');
  });

  it('INTERRUPTED fails "Open archive log" with obshell\'s message', async () => {
    await control(fx.sim.url, 'POST', 'scenario', {
      tenant: 'report_tenant',
      archive: 'INTERRUPTED',
    });
    const reply = await start(CLUSTER, {});
    await simClock.runUntil(fx.sim.url, { dag_id: reply.data.id, state: 'FAILED' });
    const failed = await dag(reply.data.id);
    expect(failed.nodes?.map((n) => n.state)).toEqual(['SUCCEED', 'FAILED', 'PENDING', 'PENDING']);
    expect(nodeLogs(failed, 'Open archive log').at(-1)).toBe(
      'ERROR: [Common.Unexpected]: Unexpected error: tenant report_tenant(1004) archive log interrupted',
    );
  });

  it('tenant form: "… for <tenant>", that tenant only; a fail rule by node name works', async () => {
    await control(fx.sim.url, 'POST', 'fail', { step: 'Start backup', mode: 'once' });
    const reply = await start(APP, { mode: 'incremental' });
    expect(reply.data.name).toBe('Obcluster start increment backup for app_tenant');
    await simClock.runUntil(fx.sim.url, { dag_id: reply.data.id, state: 'FAILED' });
    const failed = await dag(reply.data.id);
    expect(failed.nodes?.[2]?.state).toBe('FAILED');
    expect((await tenant('app_tenant')).backup_jobs).toHaveLength(1); // the seeded one only
    await fx.client.call('POST', `/api/v1/task/dag/${reply.data.id}`, {
      body: { operator: 'RETRY' },
    });
    await simClock.runUntil(fx.sim.url, { dag_id: reply.data.id, state: 'SUCCEED' });
    const jobs = (await tenant('app_tenant')).backup_jobs;
    expect(jobs.at(-1)).toMatchObject({ status: 'COMPLETED', backup_type: 'INC' });
    expect((await tenant('report_tenant')).backup_jobs).toHaveLength(1);
  });
});
