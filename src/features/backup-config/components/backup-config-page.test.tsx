import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ObshellError } from '../../../lib/obshell/envelope';
import { clearSentChanges, sentChangeFor } from '../../../lib/sent-changes/sent-changes';
import { renderWithApp } from '../../../testing/render';
import {
  createFakeClient,
  defaultReads,
  sampleDag,
  tenantParameters,
  type FakeCall,
  formReady,
} from '../testing/backup-config-fixtures';
import { BackupConfigPage } from './backup-config-page';

// Many keystrokes per test; on a loaded shared machine the default 5 s is too tight.
vi.setConfig({ testTimeout: 30_000 });
afterEach(clearSentChanges);

function setup(options: Parameters<typeof createFakeClient> = [], locale: 'en' | 'zh' = 'en') {
  const fake = createFakeClient(...options);
  const user = userEvent.setup();
  const view = renderWithApp(
    <Routes>
      <Route path="/backup" element={<BackupConfigPage />} />
      <Route path="/tasks/:id" element={<p>timeline page</p>} />
    </Routes>,
    { route: '/backup', locale, connection: { client: fake.client } },
  );
  return { ...fake, user, view };
}

const lag = () => screen.getByLabelText('Archive lag target (archive_lag_target)');
const patches = (calls: FakeCall[]) => calls.filter((c) => c.method === 'PATCH');

describe('BackupConfigPage: loading and current values', () => {
  it('fills the form with the common values once every tenant was read', async () => {
    const { calls } = setup();
    expect(screen.getByText(/Reading the current configuration/)).toBeInTheDocument();
    // The form is editable while the tenants are read; the values come with the last answer.
    await formReady();
    expect(screen.getByLabelText('Log archive concurrency (log_archive_concurrency)')).toHaveValue(
      '0',
    );
    expect(lag()).toHaveValue('2');
    expect(screen.getByLabelText('Archive lag target (archive_lag_target) — Unit')).toHaveValue(
      'm',
    );
    expect(screen.getByLabelText('Directory')).toHaveValue('/data/ob_backup');
    expect(screen.getByRole('button', { name: /Review 0 changes/ })).toBeDisabled();
    expect(screen.getByText(/Nothing changed yet/)).toBeInTheDocument();
    const paths = calls.map((c) => c.path);
    expect(paths).toContain('/api/v1/tenant/app_tenant/parameters');
    expect(paths).not.toContain('/api/v1/tenant/sys/parameters');
  });

  it('marks values that differ between tenants and leaves that field empty', async () => {
    const reads = defaultReads({
      'GET /api/v1/tenant/report_tenant/parameters': {
        contents: [
          { name: 'log_archive_concurrency', value: '4' },
          { name: 'ha_low_thread_score', value: '0' },
          { name: 'archive_lag_target', value: '2m' },
        ],
      },
    });
    setup([reads]);
    await formReady();
    const input = screen.getByLabelText('Log archive concurrency (log_archive_concurrency)');
    expect(input).toHaveValue('');
    expect(
      screen.getAllByText('Current: differs between tenants — see the table').length,
    ).toBeGreaterThan(0);
    const table = screen.getByRole('table', { name: 'Current values per tenant' });
    expect(within(table).getByText('4')).toBeInTheDocument();
  });
});

describe('BackupConfigPage: editable while the tenants are read', () => {
  /** report_tenant's parameters answer only when the test releases them. */
  function held() {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const reads = defaultReads({
      'GET /api/v1/tenant/report_tenant/parameters': async () => {
        await gate;
        return tenantParameters(1004);
      },
    });
    return { reads, release: () => act(() => release()) };
  }

  it('accepts typing before every tenant is read; Review waits and says why; nothing typed is lost', async () => {
    const { reads, release } = held();
    const { user, calls } = setup([reads]);
    const concurrency = await screen.findByLabelText(
      'Log archive concurrency (log_archive_concurrency)',
    );
    await waitFor(() =>
      expect(screen.getByTestId('review-waits-for-reads')).toHaveTextContent(
        'reading 1 of 2 tenants',
      ),
    );
    expect(concurrency).toHaveValue('');
    expect(screen.getAllByText('Current: still reading the tenants…').length).toBeGreaterThan(0);
    await user.type(concurrency, '8');
    expect(screen.getByRole('button', { name: /Review/ })).toBeDisabled();
    // Enter in a field submits the form: still no review from half the picture.
    await user.type(concurrency, '{Enter}');
    expect(screen.queryByRole('dialog')).toBeNull();

    release();
    await waitFor(() => expect(screen.queryByTestId('review-waits-for-reads')).toBeNull());
    expect(concurrency).toHaveValue('8');
    // Untouched fields take the complete read's common values.
    expect(lag()).toHaveValue('2');
    expect(screen.getByLabelText('Directory')).toHaveValue('/data/ob_backup');
    const review = screen.getByRole('button', { name: /Review 1 change/ });
    expect(review).toBeEnabled();
    await user.click(review);
    expect(await screen.findByRole('dialog')).toBeInTheDocument();
    expect(patches(calls)).toHaveLength(0);
  });

  it('the field being typed in is not filled under the caret when the read completes', async () => {
    const { reads, release } = held();
    const { user } = setup([reads]);
    const concurrency = await screen.findByLabelText(
      'Log archive concurrency (log_archive_concurrency)',
    );
    await user.click(concurrency);
    release();
    await waitFor(() => expect(screen.queryByTestId('review-waits-for-reads')).toBeNull());
    // Filled, the next key would append to the current value ("4" then "8" = "48").
    expect(concurrency).toHaveValue('');
    expect(lag()).toHaveValue('2');
    await user.keyboard('8');
    expect(concurrency).toHaveValue('8');
    expect(screen.getByRole('button', { name: /Review 1 change/ })).toBeEnabled();
  });

  it('shows each tenant as it is read, with a count', async () => {
    const { reads, release } = held();
    setup([reads]);
    await waitFor(() =>
      expect(screen.getByTestId('current-config-progress')).toHaveTextContent(
        '1 of 2 tenants read',
      ),
    );
    const table = await screen.findByRole('table', { name: 'Current values per tenant' });
    const report = within(table).getByRole('row', { name: /report_tenant/ });
    expect(within(report).getAllByText('reading…')).toHaveLength(6);
    release();
    await waitFor(() => expect(screen.queryByTestId('current-config-progress')).toBeNull());
    expect(within(report).queryByText('reading…')).toBeNull();
  });
});

describe('duration field', () => {
  it('splits a typed "2h", echoes its meaning and refuses 0, decimals and compounds with the reason', async () => {
    const { user } = setup();
    await screen.findByLabelText('Directory');
    await formReady();
    await user.clear(lag());
    await user.type(lag(), '1h');
    await user.tab();
    expect(lag()).toHaveValue('1');
    expect(screen.getByLabelText('Archive lag target (archive_lag_target) — Unit')).toHaveValue(
      'h',
    );
    expect(screen.getByText('= 1 hour')).toBeInTheDocument();

    await user.clear(lag());
    await user.type(lag(), '1h30m');
    expect(await screen.findByText(/One integer and one unit only/)).toBeInTheDocument();
    await user.clear(lag());
    await user.type(lag(), '1.5h');
    expect(await screen.findByText(/No decimals/)).toBeInTheDocument();
    await user.clear(lag());
    await user.type(lag(), '0');
    expect(await screen.findByText(/Must be more than 0/)).toBeInTheDocument();
    await user.clear(lag());
    await user.type(lag(), '3');
    expect(await screen.findByText('Too long: allowed 1ns–2h.')).toBeInTheDocument();
    await user.selectOptions(
      screen.getByLabelText('Archive lag target (archive_lag_target) — Unit'),
      'm',
    );
    await waitFor(() => expect(screen.queryByText(/Too long/)).not.toBeInTheDocument());
    expect(screen.getByText('= 3 minutes')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Review 1 change$/ })).toBeEnabled();
  });

  it('piece_switch_interval takes 1d–7d only', async () => {
    const { user } = setup();
    const piece = await screen.findByLabelText('Piece switch interval (piece_switch_interval)');
    await formReady();
    await user.clear(piece);
    await user.type(piece, '8');
    expect(await screen.findByText('Too long: allowed 1d–7d.')).toBeInTheDocument();
    await user.clear(piece);
    await user.type(piece, '23h');
    expect(await screen.findByText('Too short: allowed 1d–7d.')).toBeInTheDocument();
  });
});

describe('integer fields', () => {
  it('refuses out-of-range and non-integer values with the reason', async () => {
    const { user } = setup();
    const ha = await screen.findByLabelText('HA low-priority threads (ha_low_thread_score)');
    await formReady();
    await user.clear(ha);
    await user.type(ha, '101');
    expect(await screen.findByText('Must be between 0 and 100.')).toBeInTheDocument();
    await user.clear(ha);
    await user.type(ha, '1.5');
    expect(await screen.findByText('A whole number from 0 to 100.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Review/ })).toBeDisabled();
  });
});

describe('destination and cross-field rules', () => {
  it('changing binding keeps backup_base_uri visible and sends the current one', async () => {
    const { user } = setup();
    await user.selectOptions(
      await screen.findByLabelText('Archive priority (binding)'),
      'MANDATORY',
    );
    expect(
      screen.getByText(/requires backup_base_uri in the same request when binding changes/),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Review 2 changes/ }));
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(/"backup_base_uri": "file:\/\/\/data\/ob_backup"/),
    ).toBeInTheDocument();
    expect(within(dialog).getByText(/sent again because binding changes/)).toBeInTheDocument();
  });

  it('object storage: asks for its parameters, refuses SQL-breaking characters, masks the key', async () => {
    const { user } = setup();
    await user.selectOptions(await screen.findByLabelText('Storage type'), 'oss');
    await formReady();
    const path = screen.getByLabelText('Bucket and path');
    await user.clear(path);
    await user.type(path, "bucket/it's");
    expect(await screen.findByText(/Quotes are not allowed/)).toBeInTheDocument();
    await user.clear(path);
    await user.type(path, 'bucket/dir');
    await user.type(screen.getByLabelText('Endpoint (host)'), 'oss.example.com');
    await user.type(screen.getByLabelText('Access ID (access_id)'), 'AKID');
    const key = screen.getByLabelText('Access key (access_key)');
    expect(key).toHaveAttribute('type', 'password');
    await user.type(key, 'TOPSECRET;');
    expect(await screen.findByText(/“;” is not allowed/)).toBeInTheDocument();
    await user.type(key, '{Backspace}');
    expect(
      screen.getByText('oss://bucket/dir?host=oss.example.com&access_id=AKID&access_key=******'),
    ).toBeInTheDocument();
    expect(document.body.textContent).not.toContain('TOPSECRET');
  });

  it('s3 destination raises archive_lag_target’s floor to 1m while the URI is sent', async () => {
    const { user } = setup();
    await user.selectOptions(await screen.findByLabelText('Storage type'), 's3');
    await formReady();
    const path = screen.getByLabelText('Bucket and path');
    await user.clear(path);
    await user.type(path, 'b/p');
    for (const [label, value] of [
      ['Endpoint (host)', 's3.example.com'],
      ['Access ID (access_id)', 'id'],
      ['Access key (access_key)', 'k'],
      ['Region (s3_region) — optional', 'us-east-1'],
    ] as const) {
      await user.type(screen.getByLabelText(label), value);
    }
    await user.clear(lag());
    await user.type(lag(), '30s');
    expect(await screen.findByText('Too short: allowed 1m–2h.')).toBeInTheDocument();
  });
});

describe('delete policy sub-form', () => {
  it('is untouched by default; when switched on it needs a recovery window', async () => {
    const { user } = setup();
    await screen.findByLabelText('Directory');
    await formReady();
    await user.click(screen.getByRole('switch', { name: /Replace the delete policy/ }));
    expect(screen.getByLabelText('Policy (policy)')).toHaveValue('default');
    expect(screen.getByRole('button', { name: /Review/ })).toBeDisabled();
    await user.type(screen.getByLabelText('Recovery window (recovery_window)'), '7');
    expect(screen.getByText('= 7 days')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Review 1 change$/ }));
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(/The existing delete policy will be dropped/),
    ).toBeInTheDocument();
    expect(within(dialog).queryByLabelText(/Type the cluster name/)).not.toBeInTheDocument();
  });
});

describe('review and submit', () => {
  async function reviewConcurrency(user: ReturnType<typeof userEvent.setup>) {
    const input = await screen.findByLabelText('Log archive concurrency (log_archive_concurrency)');
    await user.clear(input);
    await user.type(input, '8');
    await user.click(screen.getByRole('button', { name: /Review 1 change$/ }));
    return screen.findByRole('dialog');
  }

  it('shows old → new, the exact body, the SDK call and the archiving warning; needs the cluster name', async () => {
    const { user, calls } = setup();
    const dialog = await reviewConcurrency(user);
    const changes = within(dialog).getByRole('table', { name: 'What will change' });
    expect(changes).toHaveTextContent('0 → 8');
    expect(
      within(dialog).getByText('{ "log_archive_concurrency": 8 }', {
        normalizer: (s) => s.replace(/\s+/g, ' '),
      }),
    ).toBeInTheDocument();
    expect(within(dialog).getByText(/patch_cluster_backup_config/)).toHaveTextContent(
      'log_archive_concurrency=8',
    );
    expect(
      within(dialog).getByText(/switched OFF for every user tenant \(app_tenant, report_tenant\)/),
    ).toBeInTheDocument();
    const apply = within(dialog).getByRole('button', { name: 'Apply change' });
    expect(apply).toBeDisabled();
    await user.type(within(dialog).getByLabelText(/Type the cluster name/), 'obdem');
    expect(apply).toBeDisabled();
    await user.type(within(dialog).getByLabelText(/Type the cluster name/), 'o');
    expect(apply).toBeEnabled();
    expect(patches(calls)).toHaveLength(0);
  });

  it('sends exactly one PATCH for double clicks and Enter repeats, then opens the timeline', async () => {
    let release: (value: unknown) => void = () => undefined;
    const { user, calls } = setup([
      defaultReads(),
      () => new Promise((resolve) => (release = resolve)),
    ]);
    const dialog = await reviewConcurrency(user);
    const name = within(dialog).getByLabelText(/Type the cluster name/);
    await user.type(name, 'obdemo');
    await user.dblClick(within(dialog).getByRole('button', { name: 'Apply change' }));
    await user.type(name, '{Enter}{Enter}{Enter}');
    expect(patches(calls)).toHaveLength(1);
    release(sampleDag);
    expect(await screen.findByText('timeline page')).toBeInTheDocument();
    expect(patches(calls)).toHaveLength(1);
    // What the cluster-level timeline will compare each tenant with.
    expect(sentChangeFor('test', sampleDag.id)).toEqual({ logArchiveConcurrency: 8 });
  });

  it('two submits inside one render (faster than the button can disable) still send one PATCH', async () => {
    let release: (value: unknown) => void = () => undefined;
    const { user, calls } = setup([
      defaultReads(),
      () => new Promise((resolve) => (release = resolve)),
    ]);
    const dialog = await reviewConcurrency(user);
    await user.type(within(dialog).getByLabelText(/Type the cluster name/), 'obdemo');
    const form = within(dialog).getByRole<HTMLFormElement>('form', { name: 'Review the change' });
    await act(async () => {
      form.requestSubmit();
      form.requestSubmit();
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(patches(calls)).toHaveLength(1);
    expect(patches(calls)[0]?.body).toEqual({ log_archive_concurrency: 8 });
    release(sampleDag);
    // Waits on the page, not on the machine: a loaded 2-core box needs more than the default 1 s.
    expect(await screen.findByText('timeline page', {}, { timeout: 15_000 })).toBeInTheDocument();
    expect(patches(calls)).toHaveLength(1);
  });

  it('warns about a running "Set obcluster backup config" task', async () => {
    const reads = defaultReads({
      'GET /api/v1/task/dag/unfinish': { contents: [{ ...sampleDag, id: '77', state: 'RUNNING' }] },
    });
    const { user } = setup([reads]);
    const dialog = await reviewConcurrency(user);
    expect(await within(dialog).findByText(/still running \(id 77\)/)).toBeInTheDocument();
  });
});

describe('server rejections', () => {
  it('lands on its field in the current locale, and the value stays', async () => {
    const rejection = new ObshellError({
      kind: 'server',
      status: 400,
      errCode: 'OB.Backup.PieceSwitchInterval.Invalid',
      message: 'piece_switch_interval must be between 24h0m0s and 168h0m0s',
      traceId: 'abc123',
    });
    const { user } = setup([defaultReads(), () => Promise.reject(rejection)], 'zh');
    const piece = await screen.findByLabelText(
      'Piece switch interval（piece_switch_interval）'.replace(
        'Piece switch interval',
        'Piece 切换周期',
      ),
    );
    await user.clear(piece);
    await user.type(piece, '2');
    await user.click(screen.getByRole('button', { name: /预览 2 项修改/ }));
    const dialog = await screen.findByRole('dialog');
    await formReady();
    await user.type(within(dialog).getByLabelText(/输入集群名/), 'obdemo');
    await user.click(within(dialog).getByRole('button', { name: '应用变更' }));
    expect(await screen.findByText('obshell：必须在 24h 和 168h 之间。')).toBeInTheDocument();
    expect(screen.getByText(/Trace ID：abc123/)).toBeInTheDocument();
    expect(piece).toHaveValue('2');
  });

  it('legacy envelopes (integer code, message only) are mapped too', async () => {
    const rejection = new ObshellError({
      kind: 'server',
      status: 400,
      code: 1001,
      message: 'Illegal argument: ha_low_thread_score must be between 0 and 100',
    });
    const { user } = setup([defaultReads(), () => Promise.reject(rejection)]);
    const ha = await screen.findByLabelText('HA low-priority threads (ha_low_thread_score)');
    await formReady();
    await user.clear(ha);
    await user.type(ha, '5');
    await user.click(screen.getByRole('button', { name: /Review 1 change$/ }));
    await user.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Apply change' }),
    );
    expect(await screen.findByText('obshell: must be between 0 and 100.')).toBeInTheDocument();
  });

  it.each([
    [
      '500',
      new ObshellError({
        kind: 'server',
        status: 500,
        message: 'OceanBase cluster is under maintenance',
        traceId: 't500',
      }),
      /Your entries are kept; you can apply again/,
    ],
    [
      'network',
      new ObshellError({
        kind: 'network',
        status: 0,
        message: 'Cannot reach obshell (network error)',
      }),
      /Check the connection/,
    ],
    [
      '401',
      new ObshellError({
        kind: 'server',
        status: 401,
        code: 10008,
        message: 'Unauthorized: wrong password',
      }),
      /Unlock again/,
    ],
  ])(
    '%s: a form-level alert, every value kept, applying again sends again',
    async (_, error, hint) => {
      let fail = true;
      const { user, calls } = setup([
        defaultReads(),
        () => (fail ? Promise.reject(error) : Promise.resolve(sampleDag)),
      ]);
      const ha = await screen.findByLabelText('HA low-priority threads (ha_low_thread_score)');
      await user.clear(ha);
      await user.type(ha, '5');
      await user.click(screen.getByRole('button', { name: /Review 1 change$/ }));
      const dialog = await screen.findByRole('dialog');
      await user.click(within(dialog).getByRole('button', { name: 'Apply change' }));
      expect(await within(dialog).findByText(hint)).toBeInTheDocument();
      expect(within(dialog).getByText(error.message)).toBeInTheDocument();
      expect(ha).toHaveValue('5');
      fail = false;
      await user.click(within(dialog).getByRole('button', { name: 'Apply change' }));
      expect(await screen.findByText('timeline page')).toBeInTheDocument();
      expect(patches(calls)).toHaveLength(2);
    },
  );
});
