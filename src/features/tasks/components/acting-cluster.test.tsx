import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ObshellError } from '../../../lib/obshell/envelope';
import { renderWithApp } from '../../../testing/render';
import { fakeClient, makeDag, makeNode } from '../testing/dag-fixtures';
import { DagTimelinePage } from './dag-timeline-page';
import { TasksPage } from './tasks-page';

const info = { cluster_name: 'obdemo', cluster_id: 1700000001, tenants: [] };
const dag = makeDag('RUNNING', [makeNode('Set backup config', 'RUNNING')]);

function renderAt(route: string, label: string, answerInfo: boolean, locale: 'en' | 'zh' = 'en') {
  const fake = fakeClient((req) => {
    if (req.path === '/api/v1/obcluster/info') {
      if (answerInfo) return info;
      throw new ObshellError({ kind: 'network', status: 0, message: 'down' });
    }
    if (req.path === '/api/v1/task/dag/unfinish') return { contents: [dag] };
    if (req.path.endsWith('/999')) {
      throw new ObshellError({
        kind: 'server',
        status: 404,
        errCode: 'Task.NotFound',
        message: 'Task not found',
      });
    }
    return dag;
  });
  renderWithApp(
    <Routes>
      <Route path="/tasks" element={<TasksPage />} />
      <Route path="/tasks/:id" element={<DagTimelinePage />} />
    </Routes>,
    { route, locale, connection: { client: fake.client, label } },
  );
}

describe('the cluster the user acts on', () => {
  it('is named on the timeline, real name first and the configured target beside it', async () => {
    renderAt('/tasks/11', 'prod-east', true);
    expect(await screen.findByText('(target “prod-east”)')).toBeInTheDocument();
    expect(screen.getByTestId('acting-cluster')).toHaveTextContent(
      'Cluster: obdemo (target “prod-east”)',
    );
  });

  it('falls back to the configured target name while obcluster/info is not known', async () => {
    renderAt('/tasks/11', 'prod-east', false);
    await screen.findByRole('heading', { level: 2, name: 'Set obcluster backup config' });
    expect(screen.getByTestId('acting-cluster')).toHaveTextContent(/^Cluster:\s*prod-east$/);
  });

  it('names it once when both agree, in Chinese', async () => {
    renderAt('/tasks/11', 'obdemo', true, 'zh');
    await screen.findByRole('heading', { level: 2, name: 'Set obcluster backup config' });
    expect(await screen.findByTestId('acting-cluster')).toHaveTextContent(/^集群:\s*obdemo$/);
  });

  it('is named on the tasks page', async () => {
    renderAt('/tasks', 'prod-east', true);
    expect(await screen.findByText('(target “prod-east”)')).toBeInTheDocument();
  });

  it('is named when a task is not found on this cluster', async () => {
    renderAt('/tasks/999', 'prod-east', true);
    await screen.findByRole('heading', { name: 'Task not found' });
    expect(await screen.findByText('(target “prod-east”)')).toBeInTheDocument();
  });
});
