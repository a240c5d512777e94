import { describe, expect, it } from 'vitest';
import { control } from './support/test-client';
import { simPerFile } from './support/sim-per-file';

/**
 * The scenarios the status page (issue 13) is tested with, read back through the §8 routes:
 * delay growing past the target, never backed up, failed last backup, INTERRUPTED, not NORMAL,
 * many tenants.
 */
const PASSWORD = 'pw';
const fx = simPerFile(PASSWORD, { clock: 'manual' });

interface LogTask {
  status: string;
  delay: number;
}
const logTasks = async (tenant: string) =>
  (
    await fx.client.call<{ contents: LogTask[] }>(
      'GET',
      `/api/v1/tenant/${tenant}/backup/log/tasks`,
    )
  ).data.contents;

describe('status scenarios', () => {
  it('archive_stalled: the round stays DOING and its delay grows as time passes', async () => {
    await control(fx.sim.url, 'POST', 'scenario', {
      tenant: 'app_tenant',
      archive_delay_s: 60,
      archive_stalled: true,
    });
    const [before] = await logTasks('app_tenant');
    expect(before?.status).toBe('DOING');
    expect(before?.delay).toBeGreaterThanOrEqual(60);
    expect(before?.delay).toBeLessThan(90);
    // Real time passes (a lower bound only, so machine load cannot fail it): the checkpoint
    // stays, the delay grows by at least that much.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const [after] = await logTasks('app_tenant');
    expect(after?.status).toBe('DOING');
    expect(after?.delay).toBeGreaterThanOrEqual((before?.delay ?? 0) + 1);
    const info = await fx.client.call<{ archive_log_delay?: number }>(
      'GET',
      '/api/v1/tenant/app_tenant/backup/info',
    );
    expect(info.data.archive_log_delay).toBeGreaterThanOrEqual((before?.delay ?? 0) + 1);
    // Un-stalled: back to keeping up (60 s behind now).
    await control(fx.sim.url, 'POST', 'scenario', { tenant: 'app_tenant', archive_stalled: false });
    const [caught] = await logTasks('app_tenant');
    expect(caught?.delay).toBeLessThan(90);
  });

  it('never backed up: overview 404, tasks empty; failed last backup: newest job FAILED', async () => {
    await control(fx.sim.url, 'POST', 'scenario', { tenant: 'app_tenant', backup: 'none' });
    await control(fx.sim.url, 'POST', 'scenario', { tenant: 'report_tenant', backup: 'failed' });
    const none = await fx.client.call('GET', '/api/v1/tenant/app_tenant/backup/overview');
    expect(none.status).toBe(404);
    const noJobs = await fx.client.call<{ contents: unknown[] }>(
      'GET',
      '/api/v1/tenant/app_tenant/backup/tasks?page=1&size=1',
    );
    expect(noJobs.data.contents).toEqual([]);
    const jobs = await fx.client.call<{ contents: { status: string; backup_type: string }[] }>(
      'GET',
      '/api/v1/tenant/report_tenant/backup/tasks?page=1&size=1',
    );
    expect(jobs.data.contents).toMatchObject([{ status: 'FAILED', backup_type: 'INC' }]);
  });

  it('INTERRUPTED and not NORMAL: no running round; parameters refused', async () => {
    await control(fx.sim.url, 'POST', 'scenario', { tenant: 'app_tenant', archive: 'INTERRUPTED' });
    await control(fx.sim.url, 'POST', 'scenario', { tenant: 'report_tenant', status: 'CREATING' });
    expect(await logTasks('app_tenant')).toEqual([]);
    const params = await fx.client.call('GET', '/api/v1/tenant/report_tenant/parameters');
    expect(params.status).toBe(400);
  });

  it('reset {tenantCount: 200}: 200 user tenants, each readable', async () => {
    await control(fx.sim.url, 'POST', 'reset', {
      rootPassword: PASSWORD,
      clock: 'manual',
      tenantCount: 200,
    });
    const info = await fx.client.call<{ tenants: { tenant_name: string }[] }>(
      'GET',
      '/api/v1/obcluster/info',
    );
    expect(info.data.tenants.filter((t) => t.tenant_name !== 'sys')).toHaveLength(200);
    const [round] = await logTasks('tenant_0200');
    expect(round?.status).toBe('DOING');
  });
});
