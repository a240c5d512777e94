import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ObshellError } from '../../../lib/obshell/envelope';
import { createFakeObshellClient, routeTable } from '../../../testing/fake-obshell-client';
import { renderWithApp } from '../../../testing/render';
import type { Problem, StatusRow } from '../model/tenant-status';
import { ClusterStatusSummary, ClusterStatusSummaryView } from './cluster-status-summary';

function row(name: string, problems: Problem[] = [], complete = true): StatusRow {
  return {
    name,
    tenantId: 1002,
    tenantStatus: 'NORMAL',
    archive: complete ? 'DOING' : undefined,
    checkpoint: undefined,
    delaySeconds: undefined,
    lagTargetSeconds: undefined,
    archiveDestination: undefined,
    dataDestination: undefined,
    lastBackup: undefined,
    problems,
    complete,
  };
}

const base = { rows: [], readCount: 0, failing: false };

describe('ClusterStatusSummaryView', () => {
  it('tenants needing attention of the total, once every tenant is read', () => {
    const rows = [row('a', ['backup-failed']), row('b'), row('c', ['archive-off', 'not-normal'])];
    renderWithApp(
      <ClusterStatusSummaryView state={{ ...base, status: 'success', rows, readCount: 3 }} />,
    );
    expect(screen.getByTestId('cluster-status-summary')).toHaveTextContent(
      '2 of 3 tenants need attention',
    );
    expect(screen.queryByText(/^Read \d+ of/)).not.toBeInTheDocument();
    expect(screen.queryByTestId('cluster-status-failing')).not.toBeInTheDocument();
  });

  it('read progress while reading, and a failing refresh said plainly', () => {
    const rows = [row('a', ['never-backed-up']), row('b', [], false), row('c', [], false)];
    renderWithApp(
      <ClusterStatusSummaryView
        state={{ ...base, status: 'success', rows, readCount: 1, failing: true }}
      />,
    );
    expect(screen.getByText('1 of 3 tenants needs attention')).toBeInTheDocument();
    expect(screen.getByText('Read 1 of 3 tenants…')).toBeInTheDocument();
    expect(screen.getByTestId('cluster-status-failing')).toHaveTextContent(
      'The last refresh failed; retrying less often.',
    );
  });

  it('before the tenant list: reading', () => {
    renderWithApp(<ClusterStatusSummaryView state={{ ...base, status: 'pending' }} />);
    expect(screen.getByText('Reading…')).toBeInTheDocument();
  });

  it('a cluster that cannot be read says why', () => {
    const error = new ObshellError({ kind: 'network', status: 0, message: 'fetch failed' });
    renderWithApp(<ClusterStatusSummaryView state={{ ...base, status: 'error', error }} />);
    expect(screen.getByText('Could not read this cluster')).toBeInTheDocument();
    expect(screen.getByText(/Check that the agent is running/)).toBeInTheDocument();
  });

  it('degraded (no tenant list from obshell) and no user tenants are told apart', () => {
    const { unmount } = renderWithApp(
      <ClusterStatusSummaryView state={{ ...base, status: 'degraded' }} />,
    );
    expect(screen.getByText('obshell did not list this cluster’s tenants')).toBeInTheDocument();
    unmount();
    renderWithApp(<ClusterStatusSummaryView state={{ ...base, status: 'success' }} />);
    expect(screen.getByText('This cluster has no user tenants.')).toBeInTheDocument();
  });

  it('zh', () => {
    const rows = [row('a', ['backup-failed']), row('b', [], false)];
    renderWithApp(
      <ClusterStatusSummaryView state={{ ...base, status: 'success', rows, readCount: 1 }} />,
      { locale: 'zh' },
    );
    expect(screen.getByText('2 个租户中有 1 个需要关注')).toBeInTheDocument();
    expect(screen.getByText('已读取 1 / 2 个租户…')).toBeInTheDocument();
  });
});

describe('ClusterStatusSummary', () => {
  it('reads the cluster of the connection it is given (user tenants only)', async () => {
    const tenant = (name: string) => `GET /api/v1/tenant/${name}`;
    const reads: Record<string, unknown> = {
      'GET /api/v1/obcluster/info': {
        cluster_name: 'hz',
        cluster_id: 2,
        tenants: [
          { tenant_name: 'sys', tenant_id: 1, status: 'NORMAL' },
          { tenant_name: 'ok_t', tenant_id: 1002, status: 'NORMAL' },
          { tenant_name: 'never_t', tenant_id: 1004, status: 'NORMAL' },
        ],
      },
    };
    for (const name of ['ok_t', 'never_t']) {
      reads[`${tenant(name)}/backup/config/storage`] = { data_base_uri: `file:///d/${name}` };
      reads[`${tenant(name)}/parameters`] = { contents: [] };
      reads[`${tenant(name)}/backup/log/tasks`] = { contents: [{ status: 'DOING', delay: 1 }] };
    }
    // One cluster-wide read of every tenant's running or latest backup task; never_t has none.
    reads['GET /api/v1/obcluster/backup/overview'] = {
      statuses: [{ tenant_id: 1002, status: 'COMPLETED' }],
    };
    const { client, calls } = createFakeObshellClient(routeTable(reads));
    renderWithApp(<ClusterStatusSummary />, { connection: { client } });
    expect(await screen.findByText('1 of 2 tenants needs attention')).toBeInTheDocument();
    expect(calls.some((call) => call.path.includes('/tenant/sys/'))).toBe(false);
  });
});
