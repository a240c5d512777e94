import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ObshellError } from '../../../lib/obshell/envelope';
import { stashReapply } from '../../../lib/reapply';
import { clearSentChanges, sentChangeFor } from '../../../lib/sent-changes/sent-changes';
import { renderWithApp } from '../../../testing/render';
import { createFakeClient, defaultReads, formReady } from '../testing/backup-config-fixtures';
import { BackupConfigPage } from './backup-config-page';

vi.setConfig({ testTimeout: 30_000 });
afterEach(clearSentChanges);

function setup(route: string, onPatch?: (body: unknown) => Promise<unknown>, locale?: 'zh') {
  const fake = createFakeClient(defaultReads(), onPatch);
  const user = userEvent.setup();
  renderWithApp(
    <Routes>
      <Route path="/backup" element={<BackupConfigPage />} />
      <Route path="/tasks/:id" element={<p>timeline page</p>} />
    </Routes>,
    { route, locale: locale ?? 'en', connection: { client: fake.client } },
  );
  return { ...fake, user };
}

const HA = 'HA low-priority threads (ha_low_thread_score)';

describe('BackupConfigPage: tenant scope', () => {
  it('?tenant=sys or an unknown name is explained, no form', async () => {
    setup('/backup?tenant=sys');
    expect(await screen.findByText(/“sys” is not a user tenant/)).toBeInTheDocument();
    expect(screen.queryByLabelText(HA)).not.toBeInTheDocument();
  });

  it('PATCHes the tenant route with the changed field only; the review names the SDK method', async () => {
    const { user, calls } = setup('/backup?tenant=app_tenant');
    const ha = await screen.findByLabelText(HA);
    await formReady();
    await user.clear(ha);
    await user.type(ha, '5');
    await user.click(screen.getByRole('button', { name: /Review 1 change$/ }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/patch_tenant_backup_config/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Apply change' }));
    expect(await screen.findByText('timeline page')).toBeInTheDocument();
    const patches = calls.filter((c) => c.method === 'PATCH');
    expect(patches.map((c) => [c.path, c.body])).toEqual([
      ['/api/v1/tenant/app_tenant/backup/config', { ha_low_thread_score: 5 }],
    ]);
    // Only the cluster-level timeline has a proof panel: nothing is kept for a tenant-level DAG.
    expect(sentChangeFor('test', '11')).toBeUndefined();
  });

  it('zh: 500 OB.Tenant.UnderMaintenance is explained above the fields, entries kept', async () => {
    const refusal = new ObshellError({
      kind: 'server',
      status: 500,
      errCode: 'OB.Tenant.UnderMaintenance',
      message: "Create task 'x' failed: 租户 'app_tenant' 处于运维状态中",
    });
    const { user } = setup('/backup?tenant=app_tenant', () => Promise.reject(refusal), 'zh');
    const ha = await screen.findByLabelText('高可用低优先级线程数（ha_low_thread_score）');
    await formReady();
    // The form is editable while the tenants are read; its current value fills in once they are.
    await waitFor(() => expect(ha).toHaveValue('0'));
    await user.clear(ha);
    await user.type(ha, '5');
    await user.click(screen.getByRole('button', { name: '预览 1 项修改' }));
    await user.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: '应用变更' }),
    );
    expect(await screen.findByText(/另一个任务占用着租户 app_tenant/)).toBeInTheDocument();
    expect(ha).toHaveValue('5');
  });

  it('"Apply again" of a tenant entry fills the tenant form; the masked key must be typed again', async () => {
    stashReapply('test', 'tenant:app_tenant', [
      {
        field: 'archive_base_uri',
        new: 'oss://bkt/clog?host=oss.example.com&access_id=AK&access_key=******',
      },
      { field: 'data_base_uri', new: 'file:///data/app_tenant/data' },
      { field: 'ha_low_thread_score', new: 7 },
    ]);
    setup('/backup?tenant=app_tenant');
    expect(await screen.findByLabelText(HA)).toHaveValue('7');
    const archive = screen.getByRole('group', {
      name: 'Archive log destination (archive_base_uri)',
    });
    expect(within(archive).getByLabelText('Bucket and path')).toHaveValue('bkt/clog');
    expect(within(archive).getByLabelText('Access ID (access_id)')).toHaveValue('AK');
    expect(within(archive).getByLabelText(/^Access key/)).toHaveValue('');
    const data = screen.getByRole('group', { name: 'Data backup destination (data_base_uri)' });
    expect(within(data).getByLabelText('Directory')).toHaveValue('/data/app_tenant/data');
  });
});
