import { waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createCredentialStore } from '../../../lib/obshell/credentials';
import {
  ObshellConnectionsProvider,
  ObshellProvider,
  type ObshellConnection,
} from '../../../lib/obshell/obshell-context';
import { createFakeObshellClient } from '../../../testing/fake-obshell-client';
import { renderWithApp } from '../../../testing/render';
import { useReconcileOnVisit } from './use-reconcile-on-visit';

const reconcileDags = vi.hoisted(() => vi.fn(() => Promise.resolve(0)));
vi.mock('../../../lib/history-recorder', () => ({ reconcileDags }));

const dag = (id: string) => ({
  id,
  dag_id: Number(id),
  name: 'Set obcluster backup config',
  state: 'SUCCEED',
  operator: 'RUN',
  stage: 2,
  max_stage: 2,
  start_time: '2026-12-04T10:00:00+08:00',
  end_time: '2026-12-04T10:00:05+08:00',
  nodes: [],
});

function connection(clusterKey: string, unlocked: boolean, dagId: string): ObshellConnection {
  const credentials = createCredentialStore();
  if (unlocked) credentials.set({ rootPassword: 'pw' });
  const { client } = createFakeObshellClient(() => ({ contents: [dag(dagId)] }));
  return { clusterKey, label: clusterKey, client, credentials };
}

function Probe() {
  useReconcileOnVisit(true);
  return null;
}

describe('useReconcileOnVisit', () => {
  it('reconciles every unlocked cluster of the tab, each with its own task list; never a locked one', async () => {
    const prod = connection('prod', true, '11');
    const dr = connection('dr', true, '12');
    const lab = connection('lab', false, '13');
    renderWithApp(
      <ObshellConnectionsProvider value={[prod, dr, lab]}>
        <ObshellProvider value={prod}>
          <Probe />
        </ObshellProvider>
      </ObshellConnectionsProvider>,
    );
    await waitFor(() => expect(reconcileDags).toHaveBeenCalledTimes(2));
    const calls = reconcileDags.mock.calls as unknown as [string, { id: string }[]][];
    expect(calls.map(([key, dags]) => [key, dags.map((d) => d.id)])).toEqual([
      ['prod', ['11']],
      ['dr', ['12']],
    ]);
  });
});
