import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createObshellConnection } from '../../../lib/obshell/connection';
import { useIsUnlocked, useObshell } from '../../../lib/obshell/obshell-context';
import type { RuntimeCluster } from '../../../lib/runtime-config';
import { renderWithApp } from '../../../testing/render';
import { ClustersProvider } from '../clusters-context';
import { ClusterPicker } from './cluster-picker';

const clusters: RuntimeCluster[] = [
  { id: 'sh', name: 'Shanghai', apiBase: '/clusters/sh', notes: 'primary site' },
  { id: 'hz', name: 'Hangzhou', apiBase: '/clusters/hz' },
];

function createConnection(cluster: RuntimeCluster) {
  return createObshellConnection(
    { clusterKey: cluster.id, label: cluster.name, apiBase: cluster.apiBase },
    { getLocale: () => 'en' },
  );
}

function Probe() {
  const { label, credentials } = useObshell();
  const unlocked = useIsUnlocked();
  const [draft, setDraft] = useState('');
  return (
    <div>
      <p>acting on {label}</p>
      <p>{unlocked ? 'probe: unlocked' : 'probe: locked'}</p>
      <button onClick={() => credentials.set({ rootPassword: `pw-${label}` })}>unlock</button>
      <label>
        draft
        <input value={draft} onChange={(event) => setDraft(event.target.value)} />
      </label>
    </div>
  );
}

describe('ClusterPicker', () => {
  it('switches clusters, each with its own password, and never carries a draft across', async () => {
    const user = userEvent.setup();
    const created: ReturnType<typeof createConnection>[] = [];
    const onSwitch = vi.fn();
    renderWithApp(
      <ClustersProvider
        clusters={clusters}
        createConnection={(cluster) => {
          const connection = createConnection(cluster);
          created.push(connection);
          return connection;
        }}
      >
        <ClusterPicker onSwitch={onSwitch} />
        <Probe />
      </ClustersProvider>,
    );
    expect(screen.getByText('acting on Shanghai')).toBeInTheDocument();
    expect(screen.getByText('primary site')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'unlock' }));
    await user.type(screen.getByLabelText('draft'), 'for shanghai');

    await user.click(screen.getByRole('textbox', { name: 'Cluster' }));
    expect(screen.getByRole('option', { name: /Shanghai\s*unlocked/ })).toBeInTheDocument();
    await user.click(screen.getByRole('option', { name: /Hangzhou\s*locked/ }));
    expect(await screen.findByText('acting on Hangzhou')).toBeInTheDocument();
    expect(screen.getByText('probe: locked')).toBeInTheDocument();
    expect(screen.getByLabelText('draft')).toHaveValue('');

    await user.click(screen.getByRole('textbox', { name: 'Cluster' }));
    await user.click(screen.getByRole('option', { name: /Shanghai/ }));
    expect(await screen.findByText('acting on Shanghai')).toBeInTheDocument();
    expect(screen.getByText('probe: unlocked')).toBeInTheDocument();
    // One connection per cluster, made once; passwords never shared.
    expect(created.map((c) => c.clusterKey)).toEqual(['sh', 'hz']);
    expect(created[0]?.credentials.get()).toEqual({ rootPassword: 'pw-Shanghai' });
    expect(created[1]?.credentials.get()).toBeNull();
    // The shell is told of each switch, to land on a page that means something there.
    expect(onSwitch).toHaveBeenCalledTimes(2);
  });

  it('shows nothing to pick with a single cluster', () => {
    renderWithApp(
      <ClustersProvider clusters={clusters.slice(0, 1)} createConnection={createConnection}>
        <ClusterPicker onSwitch={() => undefined} />
      </ClustersProvider>,
    );
    expect(screen.queryByRole('textbox', { name: 'Cluster' })).not.toBeInTheDocument();
  });
});
