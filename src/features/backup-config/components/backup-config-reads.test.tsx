/** Contract revision 2 in the page: what obshell really answers to the form's reads (issue 10). */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { ObshellError } from '../../../lib/obshell/envelope';
import { renderWithApp } from '../../../testing/render';
import {
  createFakeClient,
  defaultReads,
  formReady,
  storageReads,
} from '../testing/backup-config-fixtures';
import { BackupConfigPage } from './backup-config-page';

vi.setConfig({ testTimeout: 30_000 });

function setup(reads: Record<string, unknown>) {
  const fake = createFakeClient(reads);
  const user = userEvent.setup();
  renderWithApp(
    <Routes>
      <Route path="/backup" element={<BackupConfigPage />} />
    </Routes>,
    { route: '/backup', connection: { client: fake.client } },
  );
  return { ...fake, user };
}

const info = (tenants: unknown) => ({
  'GET /api/v1/obcluster/info': { cluster_name: 'obdemo', cluster_id: 1700000001, tenants },
});
const notNormal = (tenant: string, status: string) =>
  new ObshellError({
    kind: 'server',
    status: 400,
    errCode: 'OB.Tenant.StatusNotNormal',
    message: `Tenant '${tenant}' status is '${status}'.`,
  });

describe('reads (contract rev. 2)', () => {
  it('never reads sys: obcluster/info lists it, its storage read would be refused', async () => {
    const { calls } = setup(defaultReads());
    await screen.findByLabelText('Directory');
    expect(calls.map((c) => c.path).filter((p) => p.includes('/tenant/sys/'))).toEqual([]);
  });

  it('a tenant that is not NORMAL (400 on parameters): the form loads and says why', async () => {
    setup(
      defaultReads({
        'GET /api/v1/tenant/report_tenant/parameters': notNormal('report_tenant', 'RESTORE'),
      }),
    );
    await formReady();
    expect(screen.getByLabelText('Directory')).toHaveValue('/data/ob_backup');
    const table = screen.getByRole('table', { name: 'Current values per tenant' });
    const row = within(table).getByRole('row', { name: /report_tenant/ });
    expect(within(row).getAllByText('unknown (status RESTORE)').length).toBeGreaterThan(0);
  });

  it('a tenant obcluster/info lists as not NORMAL is not asked for parameters', async () => {
    const { calls } = setup(
      defaultReads(
        info([
          { tenant_name: 'sys', tenant_id: 1, status: 'NORMAL' },
          { tenant_name: 'app_tenant', tenant_id: 1002, status: 'NORMAL' },
          { tenant_name: 'report_tenant', tenant_id: 1004, status: 'CREATING' },
        ]),
      ),
    );
    await formReady();
    expect(calls.map((c) => c.path)).not.toContain('/api/v1/tenant/report_tenant/parameters');
    expect(screen.getAllByText('unknown (status CREATING)').length).toBeGreaterThan(0);
  });

  it('degraded cluster info (tenants: null) is explained, not taken for "no tenants"', async () => {
    setup(defaultReads(info(null)));
    expect(await screen.findByText('obshell could not list the tenants')).toBeInTheDocument();
    expect(screen.queryByText(/has no user tenant/)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('a rendered object-storage destination (no credentials) is pre-filled and unchanged', async () => {
    const rendered = (id: number, dir: string) =>
      `oss://ob-bucket/backup/1700000001/${id}/${dir}?host=oss.example.com`;
    setup(defaultReads(storageReads(rendered)));
    expect(await screen.findByLabelText('Bucket and path')).toHaveValue('ob-bucket/backup');
    expect(screen.getByLabelText('Endpoint (host)')).toHaveValue('oss.example.com');
    expect(screen.getByText(/Nothing changed yet/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Review 0 changes/ })).toBeDisabled();
  });
});

describe('destination rules of the check step, caught before any request', () => {
  it('a relative directory is refused with the reason; nothing is sent', async () => {
    const { user, calls } = setup(defaultReads());
    const dir = await screen.findByLabelText('Directory');
    await formReady();
    await user.clear(dir);
    await user.type(dir, 'data/new');
    expect(await screen.findByText(/Write an absolute path starting with “\/”/)).toBeVisible();
    expect(screen.getByRole('button', { name: /Review 1 change/ })).toBeDisabled();
    expect(calls.filter((c) => c.method === 'PATCH')).toEqual([]);
  });

  it('a parameter obshell drops is named before submit', async () => {
    const { user } = setup(defaultReads());
    await user.selectOptions(await screen.findByLabelText('Storage type'), 's3');
    await formReady();
    await user.clear(screen.getByLabelText('Bucket and path'));
    await user.type(screen.getByLabelText('Bucket and path'), 'b/k?force_path_style=true');
    expect(await screen.findByText(/obshell drops force_path_style/)).toBeVisible();
  });

  it('s3 without a region is accepted', async () => {
    const { user } = setup(defaultReads());
    await user.selectOptions(await screen.findByLabelText('Storage type'), 's3');
    await formReady();
    await user.clear(screen.getByLabelText('Bucket and path'));
    await user.type(screen.getByLabelText('Bucket and path'), 'b/k');
    await user.type(screen.getByLabelText('Endpoint (host)'), 's3.example.com');
    await user.type(screen.getByLabelText('Access ID (access_id)'), 'id');
    await user.type(screen.getByLabelText('Access key (access_key)'), 'key');
    expect(screen.getByRole('button', { name: /Review 1 change$/ })).toBeEnabled();
    expect(
      screen.getByText('s3://b/k?host=s3.example.com&access_id=id&access_key=******'),
    ).toBeInTheDocument();
  });
});
