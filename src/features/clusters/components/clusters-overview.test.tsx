import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createObshellConnection } from '../../../lib/obshell/connection';
import { useObshell } from '../../../lib/obshell/obshell-context';
import type { RuntimeCluster } from '../../../lib/runtime-config';
import { renderWithApp } from '../../../testing/render';
import { ClustersProvider, type ClusterEntry } from '../clusters-context';
import { ClustersOverview } from './clusters-overview';

const clusters: RuntimeCluster[] = [
  { id: 'sh', name: 'Shanghai', apiBase: '/clusters/sh', notes: 'primary site' },
  { id: 'hz', name: 'Hangzhou', apiBase: '/clusters/hz' },
];

/** Stands in for a cluster's summary: says which connection it was given. */
function SummaryProbe() {
  return <p>summary of {useObshell().label}</p>;
}

function OnScreen() {
  return <p>on screen: {useObshell().label}</p>;
}

function setup(list = clusters, locale: 'en' | 'zh' = 'en') {
  const created: ClusterEntry['connection'][] = [];
  renderWithApp(
    <ClustersProvider
      clusters={list}
      createConnection={(cluster) => {
        const connection = createObshellConnection(
          { clusterKey: cluster.id, label: cluster.name, apiBase: cluster.apiBase },
          { getLocale: () => locale },
        );
        created.push(connection);
        return connection;
      }}
    >
      <ClustersOverview summary={<SummaryProbe />} />
      <OnScreen />
    </ClustersProvider>,
    { locale },
  );
  const card = (name: string) => screen.getByRole('listitem', { name });
  return { created, card, user: userEvent.setup() };
}

describe('ClustersOverview', () => {
  it('a summary for each unlocked cluster (in its own connection), locked ones say so', async () => {
    const { created, card, user } = setup();
    created[0]?.credentials.set({ rootPassword: 'pw-sh' });
    const sh = card('Shanghai');
    expect(await within(sh).findByText('summary of Shanghai')).toBeInTheDocument();
    expect(within(sh).getByText('unlocked')).toBeInTheDocument();
    expect(within(sh).getByText('on screen')).toBeInTheDocument();
    expect(within(sh).getByText('primary site')).toBeInTheDocument();
    expect(within(sh).queryByRole('button')).not.toBeInTheDocument();

    const hz = card('Hangzhou');
    expect(within(hz).getByText('locked')).toBeInTheDocument();
    expect(within(hz).getByText('Locked — switch to unlock.')).toBeInTheDocument();
    // A locked cluster is not read: no summary rendered for it, and no password asked here.
    expect(within(hz).queryByText(/summary of/)).not.toBeInTheDocument();
    expect(screen.queryByLabelText(/password/i)).not.toBeInTheDocument();

    await user.click(within(hz).getByRole('button', { name: 'Switch to Hangzhou to unlock' }));
    expect(await screen.findByText('on screen: Hangzhou')).toBeInTheDocument();
    expect(within(card('Hangzhou')).getByText('on screen')).toBeInTheDocument();
    // Shanghai, no longer on screen, keeps its password and its summary.
    expect(within(card('Shanghai')).getByText('summary of Shanghai')).toBeInTheDocument();
    expect(
      within(card('Shanghai')).getByRole('button', { name: 'Switch to Shanghai' }),
    ).toBeInTheDocument();
  });

  it('follows each cluster’s own password store: unlock, refusal, lock', async () => {
    const { created, card } = setup();
    const hz = created[1];
    if (!hz) throw new Error('no connection for Hangzhou');
    hz.credentials.set({ rootPassword: 'pw-hz' });
    expect(await within(card('Hangzhou')).findByText('summary of Hangzhou')).toBeInTheDocument();
    hz.credentials.expire();
    expect(
      await within(card('Hangzhou')).findByText(
        'Its password was refused — switch to enter it again.',
      ),
    ).toBeInTheDocument();
    expect(within(card('Hangzhou')).queryByText(/summary of/)).not.toBeInTheDocument();
    hz.credentials.set({ rootPassword: 'pw-hz-new' });
    hz.credentials.clear();
    expect(
      await within(card('Hangzhou')).findByText('Locked — switch to unlock.'),
    ).toBeInTheDocument();
  });

  it('zh', () => {
    const { card } = setup(clusters, 'zh');
    expect(screen.getByRole('heading', { name: '集群', level: 3 })).toBeInTheDocument();
    expect(within(card('Hangzhou')).getByText('已锁定 — 切换到该集群以解锁。')).toBeInTheDocument();
    expect(
      within(card('Hangzhou')).getByRole('button', { name: '切换到 Hangzhou 并解锁' }),
    ).toBeInTheDocument();
  });

  it('nothing with a single cluster', () => {
    setup(clusters.slice(0, 1));
    expect(screen.queryByTestId('clusters-overview')).not.toBeInTheDocument();
    expect(screen.getByText('on screen: Shanghai')).toBeInTheDocument();
  });
});
