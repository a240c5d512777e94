import { describe, expect, it } from 'vitest';
import { simClock } from '../control-client';
import type { DagDto } from './support/dag-types';
import { control } from './support/test-client';
import { simPerFile } from './support/sim-per-file';

/** §6 cancel backup: `PATCH …/backup {status}` → CANCEL BACKUP where jobs run; no data. */
const PASSWORD = 'pw';
const CLUSTER = '/api/v1/obcluster/backup';
const APP = '/api/v1/tenant/app_tenant/backup';
const fx = simPerFile(PASSWORD, { clock: 'manual' });

interface Job {
  status: string;
  end_timestamp?: string;
}
async function jobs(name: string): Promise<Job[]> {
  const reply = await fx.client.call<{ contents: Job[] }>(
    'GET',
    `/api/v1/tenant/${name}/backup/tasks`,
  );
  return reply.data.contents;
}
async function cancel(path: string, body?: unknown, lang = 'en-US') {
  return fx.client.call('PATCH', path, body === undefined ? { lang } : { body, lang });
}

describe('PATCH …/backup {status}', () => {
  it('"" or missing = canceled, any case; anything else OB.Backup.Status.Invalid', async () => {
    for (const body of [undefined, {}, { status: '' }, { status: 'CANCELED' }, { status: null }]) {
      const reply = await cancel(CLUSTER, body);
      expect(reply.status, JSON.stringify(body)).toBe(200);
      expect(reply.envelope.data).toBeUndefined();
    }
    const bad = await cancel(APP, { status: 'Done' });
    expect(bad.status).toBe(400);
    expect(bad.envelope.error?.errCode).toBe('OB.Backup.Status.Invalid');
    expect(bad.envelope.error?.message).toBe("Invalid backup status: 'done', must be 'canceled'");
    const zh = await cancel(CLUSTER, { status: 'x' }, 'zh-CN');
    expect(zh.envelope.error?.message).toBe("非法的备份状态：'x'，必须是 'canceled'");
    expect((await cancel(CLUSTER, { status: 1 })).envelope.error?.errCode).toBe(
      'Common.BindJsonFailed',
    );
    expect((await cancel('/api/v1/tenant/sys/backup', {})).envelope.error?.errCode).toBe(
      'OB.Tenant.SysOperationNotAllowed',
    );
  });

  it('no user tenants → 200 (no check)', async () => {
    await control(fx.sim.url, 'POST', 'reset', { rootPassword: PASSWORD, tenants: [] });
    expect((await cancel(CLUSTER, {})).status).toBe(200);
  });

  it('tenant form cancels that tenant only: CANCELING, then CANCELED in history', async () => {
    await control(fx.sim.url, 'POST', 'scenario', { tenant: 'app_tenant', backup: 'running' });
    await control(fx.sim.url, 'POST', 'scenario', { tenant: 'report_tenant', backup: 'running' });
    expect((await cancel(APP, { status: 'canceled' })).status).toBe(200);
    expect((await jobs('app_tenant'))[0]?.status).toBe('CANCELING');
    await simClock.step(fx.sim.url, 1);
    const [latest] = await jobs('app_tenant');
    expect(latest?.status).toBe('CANCELED');
    expect(latest?.end_timestamp).toBeDefined();
    expect((await jobs('report_tenant'))[0]?.status).toBe('DOING');
  });

  it('cancelling the job of a start-backup DAG ends it CANCELED; the DAG then SUCCEEDs', async () => {
    const started = await fx.client.call<DagDto>('POST', CLUSTER, { body: {} });
    await simClock.runUntil(fx.sim.url, {
      dag_id: started.data.id,
      node: 'Wait backup Finish',
      state: 'RUNNING',
    });
    expect((await cancel(CLUSTER)).status).toBe(200);
    await simClock.runUntil(fx.sim.url, { dag_id: started.data.id, state: 'SUCCEED' });
    for (const name of ['app_tenant', 'report_tenant']) {
      expect((await jobs(name))[0]?.status, name).toBe('CANCELED');
    }
  });
});
