import { dagSchema } from '../src/lib/obshell/dag';
import { test, expect, ROOT_PASSWORD, type SimControl } from './fixtures';
import { obshellNodeClient } from './support/obshell-node-client';
import {
  expectNoSeriousA11yViolations,
  openUnlockedIn,
  useLocaleAndScheme,
} from './support/quality';
import { simRequests } from './support/sim-log';
import { openUnlocked } from './support/unlock';

/**
 * Tenant scope of the backup form (contract §7) against the simulator, manual clock: the link
 * opens one tenant's own values, the decrypted body obshell receives holds only the changed fields
 * under their tenant-level names, and the tenant lock is warned about, explained and shown.
 */
const TENANT_PATH = '/api/v1/tenant/app_tenant/backup/config';
const OWN = {
  archive_base_uri: 'file:///data/app_clog',
  data_base_uri: 'file:///data/app_data',
  log_archive_concurrency: 6,
};

function tenantDag(simUrl: string, body: Record<string, unknown>) {
  return obshellNodeClient(simUrl).request({
    method: 'PATCH',
    path: TENANT_PATH,
    body,
    schema: dagSchema,
  });
}

async function tenantPatches(simControl: SimControl) {
  return (await simRequests(simControl, TENANT_PATH)).filter((r) => r.method === 'PATCH');
}

test.beforeEach(async ({ simControl }) => {
  await simControl.reset({ clock: 'manual' });
});

test('a ?tenant= link opens its own values; only the changed archive URI is sent', async ({
  page,
  stack,
  simControl,
}) => {
  const setup = await tenantDag(stack.sim.url, OWN);
  await simControl.runUntil({ dag_id: setup.id, state: 'SUCCEED' });

  await openUnlocked(page, '/backup?tenant=app_tenant');
  await expect(
    page.getByRole('heading', { name: 'Backup configuration of tenant app_tenant' }),
  ).toBeVisible();
  const archive = page.getByRole('group', { name: 'Archive log destination (archive_base_uri)' });
  const data = page.getByRole('group', { name: 'Data backup destination (data_base_uri)' });
  await expect(archive.getByLabel('Directory', { exact: true })).toHaveValue('/data/app_clog');
  await expect(data.getByLabel('Directory', { exact: true })).toHaveValue('/data/app_data');
  await expect(page.getByLabel('Log archive concurrency (log_archive_concurrency)')).toHaveValue(
    '6',
  );
  await expect(archive).toContainText('no cluster or tenant suffix');
  await expect(page.getByText(/backup_base_uri/)).toHaveCount(0);

  await archive.getByLabel('Directory', { exact: true }).fill('/data/app_clog2');
  await page.getByRole('button', { name: 'Review 1 change' }).click();
  const dialog = page.getByRole('dialog', { name: 'Review the change' });
  await expect(dialog.getByRole('table', { name: 'What will change' })).toContainText(
    'file:///data/app_clog → file:///data/app_clog2',
  );
  await expect(dialog).toContainText('client.v1.patch_tenant_backup_config(');
  await expect(dialog).toContainText('tenant_name="app_tenant"');
  await expect(dialog).toContainText('switched OFF for tenant app_tenant');
  const state = await simControl.call<{ cluster: { name: string } }>('GET', 'state');
  await dialog.getByLabel(/Type the cluster name/).fill(state.cluster.name);
  await dialog.getByRole('button', { name: 'Apply change' }).click();
  await expect(page).toHaveURL(/\/tasks\/\d+$/);

  const received = await tenantPatches(simControl);
  expect(received.map((r) => r.body)).toEqual([
    OWN,
    { archive_base_uri: 'file:///data/app_clog2' },
  ]);
  expect(received[1]?.status).toBe(200);
});

test('zh: a task holding the tenant is warned about; the refusal is explained, entries kept', async ({
  page,
  stack,
}) => {
  // Manual clock: the holder stays unfinished, so it keeps the tenant lock.
  const holder = await tenantDag(stack.sim.url, { ha_low_thread_score: 10 });
  await useLocaleAndScheme(page, 'zh', 'light');
  await openUnlockedIn(page, '/backup?tenant=app_tenant', 'zh', ROOT_PASSWORD);
  await expect(page.getByTestId('tenant-lock-warning')).toContainText(
    `任务 ${holder.id} 仍占用租户 app_tenant`,
  );
  const ha = page.getByLabel('高可用低优先级线程数（ha_low_thread_score）');
  await ha.fill('20');
  await page.getByRole('button', { name: '预览 1 项修改' }).click();
  const dialog = page.getByRole('dialog', { name: '确认变更' });
  await expect(dialog).toContainText(`任务 ${holder.id} 仍占用租户 app_tenant`);
  await dialog.getByRole('button', { name: '应用变更' }).click();
  const refused = page.getByTestId('tenant-lock-refused');
  await expect(refused).toContainText('另一个任务占用着租户 app_tenant');
  // obshell's own words, as text (the simulator answers in the request's language).
  await expect(refused).toContainText("'app_tenant'");
  await expect(ha).toHaveValue('20');
  await expect(page).toHaveURL(/\/backup\?tenant=app_tenant$/);
  await expectNoSeriousA11yViolations(page);
});

test('a failed tenant task keeps the lock: the timeline and the form say so', async ({
  page,
  stack,
  simControl,
}) => {
  await simControl.call('POST', 'fail', { step: 'Set backup config', mode: 'always' });
  const dag = await tenantDag(stack.sim.url, { ha_low_thread_score: 10 });
  await simControl.runUntil({ dag_id: dag.id, state: 'FAILED' });

  await openUnlocked(page, `/tasks/${dag.id}`);
  await expect(page.getByTestId('tenant-lock-held')).toContainText(
    'This failed task still holds tenant app_tenant',
  );
  await expectNoSeriousA11yViolations(page);

  // A reload forgets the password (kept in memory only): unlock again.
  await openUnlocked(page, '/backup?tenant=app_tenant');
  await expect(page.getByTestId('tenant-lock-warning')).toContainText(
    `Task ${dag.id} still holds tenant app_tenant`,
  );
});

test('an unknown tenant in the link is explained; the scope list switches tenants', async ({
  page,
}) => {
  await openUnlocked(page, '/backup?tenant=ghost');
  await expect(
    page.getByRole('alert').filter({ hasText: '“ghost” is not a user tenant' }),
  ).toBeVisible();
  const scope = page.getByRole('textbox', { name: 'What to configure' });
  await scope.click();
  await expect(page.getByRole('option', { name: 'sys', exact: true })).toHaveCount(0);
  await scope.fill('report');
  await page.getByRole('option', { name: 'report_tenant' }).click();
  await expect(page).toHaveURL(/\/backup\?tenant=report_tenant$/);
  await expect(
    page.getByRole('heading', { name: 'Backup configuration of tenant report_tenant' }),
  ).toBeVisible();
  await expect(
    page.getByRole('group', { name: 'Data backup destination (data_base_uri)' }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
