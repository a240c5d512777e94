import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../../testing/render';
import { fakeClient, makeDag, makeNode } from '../testing/dag-fixtures';
import { TasksPage } from './tasks-page';

describe('TasksPage', () => {
  it('lists unfinished DAGs with state, stage and a link to the timeline', async () => {
    const dag = makeDag(
      'RUNNING',
      [makeNode('Check backup config', 'RUNNING'), makeNode('Set backup config', 'PENDING')],
      {
        id: '1-42',
      },
    );
    const { client, calls } = fakeClient(() => ({ contents: [dag] }));
    renderWithApp(<TasksPage />, { connection: { client } });
    const link = await screen.findByRole('link', { name: 'Set obcluster backup config' });
    expect(link).toHaveAttribute('href', '/tasks/1-42');
    expect(screen.getByText('Running')).toBeInTheDocument();
    expect(screen.getByText('1 / 2')).toBeInTheDocument();
    // The page also names the cluster (obcluster/info), so look for the list request among the calls.
    expect(calls).toContainEqual(
      expect.objectContaining({ method: 'GET', path: '/api/v1/task/dag/unfinish' }),
    );
  });

  it('has an empty state when obshell omits the data of an empty list', async () => {
    const { client } = fakeClient(() => undefined);
    renderWithApp(<TasksPage />, { connection: { client } });
    expect(await screen.findByText(/No unfinished tasks/)).toBeInTheDocument();
  });
});
