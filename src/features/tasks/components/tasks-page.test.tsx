import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../../testing/render';
import { fakeClient, makeDag, makeNode } from '../testing/dag-fixtures';
import { TasksPage } from './tasks-page';

const nodes = () => [
  makeNode('Check backup config', 'SUCCEED'),
  makeNode('Set backup config', 'FAILED'),
];

describe('TasksPage', () => {
  it('lists unfinished DAGs with state, stage and a link to the timeline', async () => {
    const dag = makeDag(
      'RUNNING',
      [makeNode('Check backup config', 'RUNNING'), makeNode('Set backup config', 'PENDING')],
      { id: '1-42', name: 'Obcluster start full backup' },
    );
    const { client, calls } = fakeClient((req) =>
      req.path === '/api/v1/task/dag/unfinish' ? { contents: [dag] } : { contents: [] },
    );
    renderWithApp(<TasksPage />, { connection: { client } });
    const table = await screen.findByRole('table', { name: 'Unfinished tasks' });
    const link = within(table).getByRole('link', { name: 'Obcluster start full backup' });
    expect(link).toHaveAttribute('href', '/tasks/1-42');
    expect(within(table).getByText('Running')).toBeInTheDocument();
    expect(within(table).getByText('1 / 2')).toBeInTheDocument();
    expect(calls).toContainEqual(
      expect.objectContaining({ method: 'GET', path: '/api/v1/task/dag/unfinish' }),
    );
  });

  it('a failed task waiting for a decision is listed although /task/dag/unfinish leaves it out', async () => {
    const failed = makeDag('FAILED', nodes(), { id: '17', dag_id: 7 });
    const older = makeDag('SUCCEED', nodes(), { id: '16', dag_id: 6, operator: 'PASS' });
    const { client, calls } = fakeClient((req) =>
      req.path === '/api/v1/task/dags/ob' ? { contents: [older, failed] } : { contents: null },
    );
    renderWithApp(<TasksPage />, { connection: { client } });
    const open = await screen.findByRole('table', { name: 'Unfinished tasks' });
    expect(within(open).getByRole('link')).toHaveAttribute('href', '/tasks/17');
    expect(within(open).getByText('Failed')).toBeInTheDocument();
    // Recent backup-configuration tasks, newest first, each with its state.
    const recent = screen.getByRole('table', { name: 'Recent backup configuration tasks' });
    const rows = within(recent).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[4]?.textContent)).toEqual([
      '17',
      '16',
    ]);
    expect(within(rows[1]!).getByText('Passed (not applied)')).toBeInTheDocument();
    expect(calls).toContainEqual(
      expect.objectContaining({ method: 'GET', path: '/api/v1/task/dags/ob' }),
    );
  });

  it('has an empty state when obshell sends `contents: null` or no data', async () => {
    const { client } = fakeClient((req) =>
      req.path === '/api/v1/task/dags/ob' ? { contents: null } : undefined,
    );
    renderWithApp(<TasksPage />, { connection: { client } });
    expect(await screen.findByText(/No unfinished tasks/)).toBeInTheDocument();
    expect(screen.getByText(/no backup configuration task/)).toBeInTheDocument();
  });
});
