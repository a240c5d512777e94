import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ObshellError } from '../../../lib/obshell/envelope';
import { createFakeObshellClient, routeTable } from '../../../testing/fake-obshell-client';
import { renderWithApp } from '../../../testing/render';
import { StatusPage } from './status-page';

const tenants = ['ok_t', 'failed_t', 'never_t', 'off_t'];

function reads(): Record<string, unknown> {
  const routes: Record<string, unknown> = {
    'GET /api/v1/obcluster/info': {
      cluster_name: 'obdemo',
      cluster_id: 1,
      tenants: [
        { tenant_name: 'sys', tenant_id: 1, status: 'NORMAL' },
        ...tenants.map((name, i) => ({ tenant_name: name, tenant_id: 1002 + i, status: 'NORMAL' })),
      ],
    },
  };
  for (const name of tenants) {
    const p = `GET /api/v1/tenant/${name}`;
    routes[`${p}/backup/config/storage`] = {
      archive_base_uri: `oss://b/${name}/clog?host=h&access_key=SECRET`,
      data_base_uri: `file:///d/${name}/data`,
    };
    routes[`${p}/parameters`] = { contents: [{ name: 'archive_lag_target', value: '2m' }] };
    routes[`${p}/backup/log/tasks`] = {
      contents:
        name === 'off_t'
          ? []
          : [{ status: 'DOING', delay: 1.5, checkpoint: '2026-12-04T10:00:00Z' }],
    };
  }
  // One cluster-wide read: each tenant's running or latest backup task; never_t has none.
  routes['GET /api/v1/obcluster/backup/overview'] = {
    statuses: [
      { tenant_id: 1002, status: 'COMPLETED', start_timestamp: '2026-12-02T10:00:00Z' },
      { tenant_id: 1003, status: 'FAILED', result: -9081, comment: 'no space' },
      { tenant_id: 1005, status: 'COMPLETED', start_timestamp: '2026-12-02T10:00:00Z' },
    ],
  };
  return routes;
}

describe('StatusPage', () => {
  it('a row per user tenant, problems first, summary, secrets masked, sys not read', async () => {
    const { client, calls } = createFakeObshellClient(routeTable(reads()));
    renderWithApp(<StatusPage />, { connection: { client } });
    expect(await screen.findByText('3 of 4 tenants need attention')).toBeInTheDocument();
    const rows = screen.getAllByTestId('status-row');
    const nth = (i: number) => {
      const row = rows[i];
      if (!row) throw new Error(`no row ${i}`);
      return row;
    };
    expect(rows.map((r) => r.dataset.tenant)).toEqual(['failed_t', 'never_t', 'off_t', 'ok_t']);
    expect(within(nth(0)).getByText('Last backup failed')).toBeInTheDocument();
    expect(within(nth(0)).getByText('result -9081 — no space')).toBeInTheDocument();
    expect(within(nth(1)).getAllByText('Never backed up')).toHaveLength(2);
    expect(within(nth(2)).getByText(/INTERRUPTED/)).toBeInTheDocument();
    expect(screen.queryByText(/SECRET/)).toBeNull();
    expect(calls.some((c) => c.path.includes('/tenant/sys/'))).toBe(false);
  });

  it('reads 3 per tenant plus one cluster-wide backup overview (no per-tenant backup reads)', async () => {
    const { client, calls } = createFakeObshellClient(routeTable(reads()));
    renderWithApp(<StatusPage />, { connection: { client } });
    await screen.findByText('3 of 4 tenants need attention');
    await waitFor(() => expect(screen.queryByTestId('status-read-count')).toBeNull());
    const paths = calls.map((c) => c.path);
    expect(paths.filter((p) => p === '/api/v1/obcluster/backup/overview')).toHaveLength(1);
    for (const name of tenants) {
      expect(paths.filter((p) => p.startsWith(`/api/v1/tenant/${name}/`)).sort()).toEqual([
        `/api/v1/tenant/${name}/backup/config/storage`,
        `/api/v1/tenant/${name}/backup/log/tasks`,
        `/api/v1/tenant/${name}/parameters`,
      ]);
    }
  });

  it("the overview's 404 means no tenant was ever backed up (not an error)", async () => {
    const routes = reads();
    routes['GET /api/v1/obcluster/backup/overview'] = new ObshellError({
      kind: 'server',
      status: 404,
      errCode: 'Common.NotFound',
      message: 'Element not found: backup task',
    });
    const { client } = createFakeObshellClient(routeTable(routes));
    renderWithApp(<StatusPage />, { connection: { client } });
    expect(await screen.findByText('4 of 4 tenants need attention')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId('status-read-count')).toBeNull());
    expect(screen.queryByText('The last refresh failed; retrying less often.')).toBeNull();
    for (const row of screen.getAllByTestId('status-row'))
      expect(within(row).getAllByText('Never backed up').length).toBeGreaterThan(0);
  });

  it('zh', async () => {
    const { client } = createFakeObshellClient(routeTable(reads()));
    renderWithApp(<StatusPage />, { connection: { client }, locale: 'zh' });
    expect(await screen.findByText('4 个租户中有 3 个需要关注')).toBeInTheDocument();
  });

  it('a read that fails leaves the other rows and says so', async () => {
    const routes = reads();
    routes['GET /api/v1/tenant/ok_t/backup/log/tasks'] = new ObshellError({
      kind: 'server',
      status: 500,
      message: 'Unexpected error',
    });
    const { client } = createFakeObshellClient(routeTable(routes));
    renderWithApp(<StatusPage />, { connection: { client } });
    expect(
      await screen.findByText('The last refresh failed; retrying less often.'),
    ).toBeInTheDocument();
    expect(screen.getAllByTestId('status-row')).toHaveLength(4);
  });

  // The filters, table and pager are memoized components fed by callbacks: they must still act.
  it('filters by name and by "needs attention", each back to page 1', async () => {
    const user = userEvent.setup();
    const { client } = createFakeObshellClient(routeTable(reads()));
    renderWithApp(<StatusPage />, { connection: { client } });
    expect(await screen.findByText('3 of 4 tenants need attention')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Filter by tenant name'), 'fail');
    expect(screen.getAllByTestId('status-row').map((r) => r.dataset.tenant)).toEqual(['failed_t']);
    await user.clear(screen.getByLabelText('Filter by tenant name'));
    await user.click(screen.getByLabelText('Only tenants that need attention'));
    expect(screen.getAllByTestId('status-row').map((r) => r.dataset.tenant)).toEqual([
      'failed_t',
      'never_t',
      'off_t',
    ]);
    await user.type(screen.getByLabelText('Filter by tenant name'), 'nothing');
    expect(screen.getByText('No tenant matches the filter.')).toBeInTheDocument();
  });

  it('pages through more tenants than fit on one page', async () => {
    const user = userEvent.setup();
    const many = Array.from({ length: 60 }, (_, i) => `t_${String(i).padStart(2, '0')}`);
    const routes: Record<string, unknown> = {
      'GET /api/v1/obcluster/info': {
        cluster_name: 'obdemo',
        cluster_id: 1,
        tenants: many.map((name, i) => ({
          tenant_name: name,
          tenant_id: 1002 + i,
          status: 'NORMAL',
        })),
      },
      'GET /api/v1/obcluster/backup/overview': { statuses: [] },
    };
    for (const name of many) {
      const p = `GET /api/v1/tenant/${name}`;
      routes[`${p}/backup/config/storage`] = { archive_base_uri: '', data_base_uri: '' };
      routes[`${p}/parameters`] = { contents: [] };
      routes[`${p}/backup/log/tasks`] = { contents: [] };
    }
    const { client } = createFakeObshellClient(routeTable(routes));
    renderWithApp(<StatusPage />, { connection: { client } });
    expect(await screen.findByText('60 of 60 tenants need attention')).toBeInTheDocument();
    expect(screen.getAllByTestId('status-row')).toHaveLength(50);
    await user.click(screen.getByRole('button', { name: /2/ }));
    await waitFor(() => expect(screen.getAllByTestId('status-row')).toHaveLength(10));
    expect(screen.getAllByTestId('status-row')[0]?.dataset.tenant).toBe('t_50');
  });
});
