import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ObshellError } from '../../../lib/obshell/envelope';
import { renderWithApp } from '../../../testing/render';
import { fakeClient } from '../testing/dag-fixtures';
import { LogArchiveFollowUp } from './log-archive-follow-up';

const clusterInfo = {
  cluster_name: 'obdemo',
  cluster_id: 1,
  tenants: [
    { tenant_name: 'sys', tenant_id: 1 },
    { tenant_name: 't1', tenant_id: 1002 },
    { tenant_name: 't2', tenant_id: 1004 },
    { tenant_name: 't3', tenant_id: 1006 },
  ],
};

const round = (status: string) => ({
  contents: [{ tenant_id: 1002, tenant_name: '', round_id: 3, status }],
});
let rounds: Record<string, unknown> = {};
/** t1 and t2 archived before (a checkpoint in backup/info); t3 never did. */
const infos: Record<string, unknown> = {
  t1: { tenant_id: 1002, lastest_archive_log_checkpoint: '2026-12-04T10:00:00Z' },
  t2: { tenant_id: 1004, lastest_archive_log_checkpoint: '2026-12-04T10:00:00Z' },
  t3: { tenant_id: 1006 },
};

function renderFollowUp(patch: () => unknown) {
  rounds = { t1: round('DOING'), t2: { contents: [] }, t3: { contents: null } };
  const fake = fakeClient((req) => {
    if (req.method === 'PATCH') return patch();
    const info = /^\/api\/v1\/tenant\/([^/]+)\/backup\/info$/.exec(req.path)?.[1];
    if (info) return infos[info];
    if (req.path === '/api/v1/obcluster/info') return clusterInfo;
    const tenant = /^\/api\/v1\/tenant\/([^/]+)\/backup\/log\/tasks$/.exec(req.path)?.[1];
    if (tenant) return rounds[tenant];
    throw new Error(`unexpected ${req.method} ${req.path}`);
  });
  renderWithApp(<LogArchiveFollowUp />, { connection: { client: fake.client } });
  return { calls: fake.calls };
}

const report = () => screen.findByRole('list', { name: /Log archiving per tenant/ });

describe('LogArchiveFollowUp', () => {
  it('after the switch, reports per tenant what obshell says, not an assumed success', async () => {
    const user = userEvent.setup();
    const { calls } = renderFollowUp(() => undefined);
    // Live before the switch: switched off vs never archived, told apart by backup/info.
    const before = await report();
    expect(await within(before).findByText(/^t2: off: no archive round/)).toBeInTheDocument();
    expect(
      await within(before).findByText(/^t3: never archived: .*only a backup starts it/),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Switch log archiving back on' }));
    rounds.t2 = round('BEGINNING');
    const list = await report();
    expect(await within(list).findByText('t1: archiving on (DOING)')).toBeInTheDocument();
    expect(await within(list).findByText(/^t2: starting \(BEGINNING\)/)).toBeInTheDocument();
    // Followed (refetchInterval) until DOING, without a click.
    rounds.t2 = round('DOING');
    expect(await within(list).findByText('t2: archiving on (DOING)')).toBeInTheDocument();
    expect(screen.getByTestId('archive-summary')).toHaveTextContent(
      'Log archiving is on (DOING) for every tenant that can archive.',
    );
    expect(within(list).getByText(/^t3: never archived/)).toBeInTheDocument();
    expect(within(list).queryByText(/^sys:/)).not.toBeInTheDocument();
    expect(
      screen.queryByText(/being switched back on for every user tenant/),
    ).not.toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'PATCH')).toEqual([
      expect.objectContaining({ path: '/api/v1/obcluster/backup/log', body: { status: 'DOING' } }),
    ]);
    // Switched once: no second button to press.
    expect(
      screen.queryByRole('button', { name: 'Switch log archiving back on' }),
    ).not.toBeInTheDocument();
  });

  it('an INTERRUPTED tenant: explains that obshell stopped there, others keep their state', async () => {
    const user = userEvent.setup();
    renderFollowUp(() => {
      throw new ObshellError({
        kind: 'server',
        status: 500,
        errCode: 'Common.Unexpected',
        message: 'Unexpected error: tenant t2 archive log is interrupted',
      });
    });
    await user.click(screen.getByRole('button', { name: 'Switch log archiving back on' }));
    const alert = await screen.findByRole('alert', { name: /Stopped at tenant t2/ });
    expect(alert).toHaveTextContent('Stopped at tenant t2: its log archive is INTERRUPTED');
    expect(alert).toHaveTextContent(
      'those before t2 kept their change, those after it were not touched',
    );
    const list = await report();
    expect(await within(list).findByText('t1: archiving on (DOING)')).toBeInTheDocument();
    expect(
      await within(list).findByText(/^t2: INTERRUPTED: .*ALTER SYSTEM NOARCHIVELOG/),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('archive-summary')).not.toBeInTheDocument();
  });
});
