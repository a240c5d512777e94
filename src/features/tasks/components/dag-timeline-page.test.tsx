import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ObshellError } from '../../../lib/obshell/envelope';
import { renderWithApp } from '../../../testing/render';
import { fakeClient, makeDag, makeNode } from '../testing/dag-fixtures';
import { DagTimelinePage } from './dag-timeline-page';
import type { Dag } from '../../../lib/obshell/dag';

function renderTimeline(handler: Parameters<typeof fakeClient>[0], id = '11') {
  const fake = fakeClient(handler);
  const view = renderWithApp(
    <Routes>
      <Route path="/tasks/:id" element={<DagTimelinePage />} />
      <Route path="/tasks" element={<p>Tasks list</p>} />
    </Routes>,
    { route: `/tasks/${id}`, connection: { client: fake.client } },
  );
  return { ...view, calls: fake.calls };
}

const failedDag = makeDag('FAILED', [
  makeNode('Check backup config', 'SUCCEED'),
  makeNode('Set backup config', 'FAILED'),
]);

describe('DagTimelinePage', () => {
  it('shows every step with its state as text, the agent and the actions a failed DAG allows', async () => {
    renderTimeline((req) => (req.method === 'GET' ? failedDag : undefined));
    expect(
      await screen.findByRole('heading', { name: 'Set obcluster backup config', level: 2 }),
    ).toBeInTheDocument();
    expect(screen.getByText('Stage 2 / 2')).toBeInTheDocument();
    const steps = screen.getAllByRole('listitem').filter((li) => li.id.startsWith('dag-step-'));
    expect(steps).toHaveLength(2);
    expect(within(steps[0]!).getAllByText('Succeeded').length).toBeGreaterThan(0);
    expect(within(steps[1]!).getAllByText('Failed').length).toBeGreaterThan(0);
    expect(within(steps[1]!).getByText('127.0.0.1:2886')).toBeInTheDocument();
    expect(within(steps[1]!).getByText('Run 2 times')).toBeInTheDocument();
    const actions = screen.getByRole('group', { name: 'Actions' });
    expect(
      within(actions)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Retry', 'Pass (skip)']);
    expect(screen.getByRole('button', { name: 'Jump to failed step' })).toBeInTheDocument();
  });

  it('confirms, then sends exactly one operator request even on a double click', async () => {
    const user = userEvent.setup();
    const { calls } = renderTimeline((req) => (req.method === 'GET' ? failedDag : undefined));
    await user.click(await screen.findByRole('button', { name: 'Retry' }));
    const dialog = await screen.findByRole('dialog', { name: 'Retry?' });
    expect(within(dialog).getByText(/runs the failed step again/)).toBeInTheDocument();
    const confirm = within(dialog).getByRole('button', { name: 'Yes, retry' });
    await user.dblClick(confirm);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ path: '/api/v1/task/dag/11', body: { operator: 'RETRY' } });
    expect(screen.getByText('Retry sent. Following the task…')).toBeInTheDocument();
  });

  it("shows obshell's refusal as its message", async () => {
    const user = userEvent.setup();
    const failedCheck = makeDag('FAILED', [
      makeNode('Check backup config', 'FAILED'),
      makeNode('Set backup config', 'PENDING'),
    ]);
    renderTimeline((req) => {
      if (req.method === 'GET') return failedCheck;
      throw new ObshellError({
        kind: 'server',
        status: 400,
        errCode: 'Task.Dag.Operator.NotSupport',
        message: 'Rollback is not supported for <b>this</b> DAG',
      });
    });
    await user.click(await screen.findByRole('button', { name: 'Roll back' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Yes, roll back' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('obshell refused:');
    // Rendered as text, never as markup.
    expect(alert).toHaveTextContent('Rollback is not supported for <b>this</b> DAG');
  });

  it('offers no action once the DAG succeeded, and offers to switch log archiving back on', async () => {
    const done = makeDag('SUCCEED', [
      makeNode('Check backup config', 'SUCCEED'),
      makeNode('Set backup config', 'SUCCEED'),
    ]);
    renderTimeline((req) => (req.method === 'GET' ? done : undefined));
    expect(await screen.findByText(/Final state/)).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Actions' })).not.toBeInTheDocument();
    expect(screen.getByText('Log archiving may now be off')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Switch log archiving back on' }),
    ).toBeInTheDocument();
    expect(document.title).toBe('Succeeded · Set obcluster backup config');
  });

  it('announces state changes to screen readers', async () => {
    let current: Dag = makeDag('RUNNING', [
      makeNode('Check backup config', 'SUCCEED'),
      makeNode('Set backup config', 'RUNNING'),
    ]);
    const { queryClient } = renderTimeline(() => current);
    await screen.findByRole('heading', { name: 'Set obcluster backup config', level: 2 });
    current = makeDag('SUCCEED', [
      makeNode('Check backup config', 'SUCCEED'),
      makeNode('Set backup config', 'SUCCEED'),
    ]);
    queryClient.setQueryData(['obshell', 'test', 'dag', 'detail', '11'], current);
    await waitFor(() =>
      expect(screen.getByTestId('dag-announcer')).toHaveTextContent(
        'Step 2, Set backup config: Succeeded. Task Set obcluster backup config: Succeeded',
      ),
    );
  });

  it('says clearly when the task does not exist', async () => {
    renderTimeline(() => {
      throw new ObshellError({
        kind: 'server',
        status: 404,
        errCode: 'Task.NotFound',
        message: 'Task not found',
      });
    }, '999');
    expect(await screen.findByRole('heading', { name: 'Task not found' })).toBeInTheDocument();
    expect(screen.getByText(/no task with id "999"/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to tasks' })).toHaveAttribute('href', '/tasks');
  });

  it('renders in Chinese', async () => {
    const fake = fakeClient(() => failedDag);
    renderWithApp(
      <Routes>
        <Route path="/tasks/:id" element={<DagTimelinePage />} />
      </Routes>,
      { route: '/tasks/11', locale: 'zh', connection: { client: fake.client } },
    );
    expect(await screen.findByRole('button', { name: '重试' })).toBeInTheDocument();
    expect(screen.getByText('阶段 2 / 2')).toBeInTheDocument();
    expect(screen.getAllByText('失败').length).toBeGreaterThan(0);
  });
});
