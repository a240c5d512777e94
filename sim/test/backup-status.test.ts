import { describe, expect, it } from 'vitest';
import { simClock } from '../control-client';
import { control } from './support/test-client';
import { simPerFile } from './support/sim-per-file';

/** Backup status reads of contract §8 with the backup-history scenarios. */
const PASSWORD = 'pw';
const fx = simPerFile(PASSWORD, { clock: 'manual' });

interface Job {
  job_id: number;
  status: string;
  backup_type: string;
  start_timestamp: string;
  end_timestamp?: string;
  result: number;
  comment: string;
}
interface Page {
  contents: Job[];
  page: { total_elements: number; total_pages: number; size: number; number: number };
}
const tasks = (query = '', tenant = 'app_tenant') =>
  fx.client.call<Page>('GET', `/api/v1/tenant/${tenant}/backup/tasks${query}`);

describe('backup overview', () => {
  it('cluster: running or latest task per tenant; none at all → 404 Common.NotFound', async () => {
    await control(fx.sim.url, 'POST', 'scenario', { tenant: 'app_tenant', backup: 'failed' });
    await control(fx.sim.url, 'POST', 'scenario', { tenant: 'report_tenant', backup: 'running' });
    const reply = await fx.client.call<{ statuses: Record<string, unknown>[] }>(
      'GET',
      '/api/v1/obcluster/backup/overview',
    );
    expect(reply.data.statuses.map((s) => [s.tenant_id, s.status])).toEqual([
      [1002, 'FAILED'],
      [1004, 'DOING'],
    ]);
    expect(reply.data.statuses[1]?.end_timestamp).toBe('0001-01-01T00:00:00Z');
    for (const tenant of ['app_tenant', 'report_tenant'])
      await control(fx.sim.url, 'POST', 'scenario', { tenant, backup: 'none' });
    const none = await fx.client.call('GET', '/api/v1/obcluster/backup/overview', { lang: 'zh' });
    expect(none.status).toBe(404);
    expect(none.envelope.error).toMatchObject({
      errCode: 'Common.NotFound',
      message: '未找到资源：backup task',
    });
  });

  it('tenant: {status}; never backed up → 404 Task.NotFound "no backup task"', async () => {
    const ok = await fx.client.call<{ status: { status: string } }>(
      'GET',
      '/api/v1/tenant/app_tenant/backup/overview',
    );
    expect(ok.data.status.status).toBe('COMPLETED');
    await control(fx.sim.url, 'POST', 'scenario', { tenant: 'app_tenant', backup: 'none' });
    const none = await fx.client.call('GET', '/api/v1/tenant/app_tenant/backup/overview');
    expect(none.status).toBe(404);
    expect(none.envelope.error).toMatchObject({
      errCode: 'Task.NotFound',
      message: 'Task not found: no backup task',
    });
    const info = await fx.client.call<Record<string, unknown>>(
      'GET',
      '/api/v1/tenant/app_tenant/backup/info',
    );
    expect(info.data.lastest_data_backup_time).toBeUndefined();
  });
});

describe('GET /tenant/:name/backup/tasks', () => {
  it('default: desc by start_timestamp, one page of everything; end omitted while running', async () => {
    await control(fx.sim.url, 'POST', 'scenario', { tenant: 'app_tenant', backup: 'running' });
    const reply = await tasks();
    expect(reply.data.contents.map((j) => j.status)).toEqual(['DOING', 'COMPLETED']);
    expect(reply.data.contents[0]?.end_timestamp).toBeUndefined();
    expect(reply.data.page).toEqual({
      total_elements: 2,
      total_pages: 1,
      size: 2147483647,
      number: 1,
    });
  });

  it('paging, status filter (case-insensitive), sort by end asc with nulls last, time bounds', async () => {
    await control(fx.sim.url, 'POST', 'scenario', { tenant: 'app_tenant', backup: 'running' });
    const paged = await tasks('?page=2&size=1');
    expect(paged.data.contents).toHaveLength(1);
    expect(paged.data.page).toEqual({ total_elements: 2, total_pages: 2, size: 1, number: 2 });
    expect((await tasks('?page=0&size=0')).data.page.number).toBe(1);
    const filtered = await tasks('?status=doing,failed');
    expect(filtered.data.contents.map((j) => j.status)).toEqual(['DOING']);
    const sorted = await tasks('?sort=end_timestamp,asc');
    expect(sorted.data.contents.map((j) => j.status)).toEqual(['COMPLETED', 'DOING']);
    const since = new Date(Date.now() - 3_600_000).toISOString();
    const recent = await tasks(`?start_time=${encodeURIComponent(since)}`);
    expect(recent.data.contents.map((j) => j.status)).toEqual(['DOING']);
  });

  it('unparsable query → 400 BindJsonFailed; sys → 400', async () => {
    for (const query of ['?page=x', '?size=-1', '?start_time=yesterday']) {
      const reply = await tasks(query);
      expect(reply.status, query).toBe(400);
      expect(reply.envelope.error?.errCode).toBe('Common.BindJsonFailed');
    }
    expect((await tasks('', 'sys')).envelope.error?.errCode).toBe(
      'OB.Tenant.SysOperationNotAllowed',
    );
  });

  it('a new destination cancels a running backup first (phase 4)', async () => {
    await control(fx.sim.url, 'POST', 'scenario', { tenant: 'app_tenant', backup: 'running' });
    const dag = await fx.client.call<{ id: string }>('PATCH', '/api/v1/obcluster/backup/config', {
      body: { backup_base_uri: 'file:///nfs/next' },
    });
    await simClock.runUntil(fx.sim.url, { dag_id: dag.data.id, state: 'SUCCEED' });
    const detail = await fx.client.call<{
      nodes: { sub_tasks: { task_logs: string[] }[] }[];
    }>('GET', `/api/v1/task/dag/${dag.data.id}`);
    expect(detail.data.nodes[1]?.sub_tasks[0]?.task_logs).toContain(
      'Wait app_tenant(1002) backup finish',
    );
    expect((await tasks()).data.contents[0]?.status).toBe('CANCELED');
  });
});
