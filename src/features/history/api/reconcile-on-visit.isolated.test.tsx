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
import { ReconcileOnVisit } from './reconcile-on-visit';

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

describe('ReconcileOnVisit', () => {
  it('reconciles every unlocked cluster of the tab, each with its own task list; never a locked one', async () => {
    const prod = connection('prod', true, '11');
    const dr = connection('dr', true, '12');
    const lab = connection('lab', false, '13');
    renderWithApp(
      <ObshellConnectionsProvider value={[prod, dr, lab]}>
        <ObshellProvider value={prod}>
          <ReconcileOnVisit enabled />
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

  it('reads no task list until the page has its first rows (enabled), then reads it once idle', async () => {
    reconcileDags.mockClear();
    const credentials = createCredentialStore();
    credentials.set({ rootPassword: 'pw' });
    const { client, calls } = createFakeObshellClient(() => ({ contents: [dag('21')] }));
    const prod: ObshellConnection = { clusterKey: 'prod', label: 'prod', client, credentials };
    const page = (enabled: boolean) => (
      <ObshellProvider value={prod}>
        <ReconcileOnVisit enabled={enabled} />
      </ObshellProvider>
    );
    const { rerender } = renderWithApp(page(false));
    // Longer than the idle wait's fallback (50 ms): still nothing asked.
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(calls).toHaveLength(0);
    rerender(page(true));
    await waitFor(() => expect(reconcileDags).toHaveBeenCalledTimes(1));
    expect(calls.map((call) => call.path)).toEqual(['/api/v1/task/dags/ob']);
  });
});
