import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { createFakeObshellClient, routeTable } from '../../testing/fake-obshell-client';
import { ObshellError } from './envelope';
import { TENANT_PARAMETER_FILTER, TENANT_PARAMETERS, tenantQueries } from './tenant-queries';

function setup(routes: Record<string, unknown>) {
  const { client, calls } = createFakeObshellClient(routeTable(routes));
  const conn = { clusterKey: 'c1', client };
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return { conn, calls, qc };
}

const notFound = (errCode: string, message: string) =>
  new ObshellError({ kind: 'server', status: 404, errCode, message });

describe('tenantQueries', () => {
  it('keys every read under [obshell, clusterKey, tenant, name, …]', () => {
    const { conn } = setup({});
    for (const q of [
      tenantQueries.storage(conn, 't1'),
      tenantQueries.parameters(conn, 't1'),
      tenantQueries.archiveLogTasks(conn, 't1'),
      tenantQueries.backupInfo(conn, 't1'),
      tenantQueries.backupOverview(conn, 't1'),
      tenantQueries.backupTasks(conn, 't1', { page: 1, size: 1 }),
    ]) {
      expect(q.queryKey.slice(0, 4)).toEqual(['obshell', 'c1', 'tenant', 't1']);
    }
  });

  it('a tenant never backed up (404) is data: null, not an error', async () => {
    const { conn, qc } = setup({
      'GET /api/v1/tenant/t1/backup/overview': notFound(
        'Task.NotFound',
        'Task not found: no backup task',
      ),
    });
    await expect(qc.query(tenantQueries.backupOverview(conn, 't1'))).resolves.toBeNull();
  });

  it('other overview errors stay errors', async () => {
    const { conn, qc } = setup({
      'GET /api/v1/tenant/t1/backup/overview': new ObshellError({
        kind: 'server',
        status: 500,
        message: 'Unexpected error',
      }),
    });
    await expect(qc.query(tenantQueries.backupOverview(conn, 't1'))).rejects.toThrow(
      'Unexpected error',
    );
  });

  it('parses archive rounds, info (sic "lastest") and the latest task', async () => {
    const { conn, qc } = setup({
      'GET /api/v1/tenant/t1/backup/log/tasks': {
        contents: [
          {
            tenant_id: 1002,
            tenant_name: '',
            round_id: 3,
            status: 'DOING',
            delay: 2.5,
            checkpoint: '2026-12-04T10:00:00Z',
            start_time: '2026-12-03T10:00:00Z',
            path: 'file:///b',
          },
        ],
      },
      'GET /api/v1/tenant/t1/backup/info': {
        tenant_id: 1002,
        lastest_archive_log_checkpoint: '2026-12-04T10:00:00Z',
        archive_log_delay: 2.5,
      },
      'GET /api/v1/tenant/t1/backup/overview': {
        status: {
          tenant_id: 1002,
          status: 'FAILED',
          result: -9081,
          comment: 'disk full',
          start_timestamp: '2026-12-04T09:00:00Z',
          end_timestamp: '2026-12-04T09:10:00Z',
          extra: 1,
        },
      },
    });
    const rounds = await qc.query(tenantQueries.archiveLogTasks(conn, 't1'));
    expect(rounds[0]?.status).toBe('DOING');
    const info = await qc.query(tenantQueries.backupInfo(conn, 't1'));
    expect(info.archive_log_delay).toBe(2.5);
    const task = await qc.query(tenantQueries.backupOverview(conn, 't1'));
    expect(task?.status).toBe('FAILED');
  });

  it('reads parameters with one narrow LIKE and keeps only the four it needs', async () => {
    const { conn, qc, calls } = setup({
      'GET /api/v1/tenant/t1/parameters': {
        contents: [
          { name: 'log_archive_concurrency', value: '0' },
          { name: 'large_query_threshold', value: '5s' },
          { name: 'ARCHIVE_LAG_TARGET', value: '2m' },
        ],
      },
    });
    const read = await qc.query(tenantQueries.parameters(conn, 't1'));
    expect(read).toEqual({
      readable: true,
      values: { log_archive_concurrency: '0', archive_lag_target: '2m' },
    });
    expect(calls[0]?.query).toEqual({ filter: TENANT_PARAMETER_FILTER });
  });

  it('the LIKE filter matches each needed parameter and not the unrelated ones', () => {
    // SQL LIKE: % any run, _ one character, backslash escapes.
    const source = TENANT_PARAMETER_FILTER.replace(
      /\\(.)|%|_|[.*+?^${}()|[\]]/g,
      (m, esc: string | undefined) =>
        esc !== undefined
          ? esc.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
          : m === '%'
            ? '.*'
            : m === '_'
              ? '.'
              : `\\${m}`,
    );
    const like = new RegExp(`^${source}$`, 'i');
    for (const name of TENANT_PARAMETERS) expect(like.test(name)).toBe(true);
    for (const name of ['data_backup_dest', 'cpu_count', 'log_disk_size', 'archive_lag'])
      expect(like.test(name)).toBe(false);
  });

  it('a tenant that is not NORMAL is an answer', async () => {
    const { conn, qc } = setup({
      'GET /api/v1/tenant/t1/parameters': new ObshellError({
        kind: 'server',
        status: 400,
        errCode: 'OB.Tenant.StatusNotNormal',
        message: "Tenant 't1' status is 'CREATING'.",
      }),
    });
    await expect(qc.query(tenantQueries.parameters(conn, 't1'))).resolves.toEqual({
      readable: false,
      tenantStatus: 'CREATING',
    });
  });

  it('the cluster-wide overview maps tenant_id → task; its 404 means no tenant has any', async () => {
    const task = { tenant_id: 1002, status: 'FAILED', result: -9081, start_timestamp: 'x' };
    const { conn, qc, calls } = setup({
      'GET /api/v1/obcluster/backup/overview': { statuses: [task, { status: 'DOING' }] },
    });
    const q = tenantQueries.clusterBackupOverview(conn);
    expect(q.queryKey.slice(0, 3)).toEqual(tenantQueries.all('c1'));
    await expect(qc.query(q)).resolves.toEqual({ 1002: task });
    expect(calls).toHaveLength(1);

    const none = setup({
      'GET /api/v1/obcluster/backup/overview': notFound(
        'Common.NotFound',
        'Element not found: backup task',
      ),
    });
    await expect(none.qc.query(tenantQueries.clusterBackupOverview(none.conn))).resolves.toEqual(
      {},
    );
  });

  it('paged lists read a null contents as []', async () => {
    const { conn, qc } = setup({
      'GET /api/v1/tenant/t1/backup/log/tasks': { contents: null },
      'GET /api/v1/tenant/t1/backup/tasks': { contents: null, page: { total_elements: 0 } },
    });
    await expect(qc.query(tenantQueries.archiveLogTasks(conn, 't1'))).resolves.toEqual([]);
    await expect(qc.query(tenantQueries.backupTasks(conn, 't1'))).resolves.toMatchObject({
      contents: [],
      page: { total_elements: 0 },
    });
  });
});
