import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Dag } from '../../../lib/obshell/dag';
import { ObshellError } from '../../../lib/obshell/envelope';
import { renderWithApp } from '../../../testing/render';
import { fakeClient, makeDag, makeNode } from '../testing/dag-fixtures';
import { DagTimelinePage } from './dag-timeline-page';
import { TasksPage } from './tasks-page';

/** obshell quotes the storage URI it checks in logs, names and error messages, key and all. */
const KEY = 'AKsecret-7f3e9d1c';
const URI = `oss://ob-bucket/backup?host=oss.example.com&access_id=AKID-public&access_key=${KEY}`;

function withSecrets(): Dag {
  const node = makeNode(`Check ${URI}`, 'FAILED');
  const sub = node.sub_tasks![0]!;
  node.sub_tasks = [
    {
      ...sub,
      name: `Check ${URI}`,
      task_logs: [`check storage ${URI}`, `Invalid storage URI '${URI}'`],
    },
  ];
  return makeDag('FAILED', [makeNode('Prepare', 'SUCCEED'), node], { name: `Backup to ${URI}` });
}

function renderTimeline(handler: Parameters<typeof fakeClient>[0]) {
  const fake = fakeClient(handler);
  renderWithApp(
    <Routes>
      <Route path="/tasks/:id" element={<DagTimelinePage />} />
    </Routes>,
    { route: '/tasks/11', connection: { client: fake.client } },
  );
  return fake.calls;
}

describe('timeline secrets', () => {
  it('masks access_key in names, the failure line, task logs and full logs', async () => {
    const user = userEvent.setup();
    renderTimeline((req) => {
      if (req.path.includes('/sub_task/')) {
        return {
          contents: [
            { id: 1, execute_times: 1, log_content: `checking ${URI}` },
            { id: 2, execute_times: 2, log_content: `ACCESS_KEY=${KEY} refused` },
          ],
        };
      }
      return withSecrets();
    });
    await screen.findByRole('heading', { level: 2, name: /Backup to oss:\/\/ob-bucket/ });
    const body = document.body;
    expect(body).toHaveTextContent('access_id=AKID-public&access_key=******');
    expect(body).not.toHaveTextContent(KEY);

    const failedStep = screen.getByRole('listitem', { name: /^Step 2 of 2/ });
    await user.click(within(failedStep).getByRole('button', { name: /Show logs/ }));
    expect(within(failedStep).getByText(/check storage oss:\/\/ob-bucket/)).toHaveTextContent(
      'access_key=******',
    );
    await user.click(within(failedStep).getByRole('button', { name: 'Load full logs' }));
    const full = await within(failedStep).findByRole('group', { name: 'Full logs' });
    expect(full).toHaveTextContent('checking oss://ob-bucket');
    // Any case, and the rest of the line with it: a key may hold a space.
    expect(full).toHaveTextContent(/ACCESS_KEY=\*{6}$/);
    expect(body).not.toHaveTextContent(KEY);

    // The confirmation dialog repeats the DAG name.
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('dialog')).toHaveTextContent('access_key=******');
    expect(body).not.toHaveTextContent(KEY);
  });

  it("masks access_key in obshell's refusal of an action", async () => {
    const user = userEvent.setup();
    renderTimeline((req) => {
      if (req.method === 'GET') return withSecrets();
      throw new ObshellError({
        kind: 'server',
        status: 400,
        errCode: 'Common.IllegalArgument',
        message: `Invalid storage URI '${URI}'`,
      });
    });
    await user.click(await screen.findByRole('button', { name: 'Retry' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Yes, retry' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent("Invalid storage URI 'oss://ob-bucket/backup");
    expect(alert).toHaveTextContent('access_key=******');
    expect(document.body).not.toHaveTextContent(KEY);
  });

  it('masks access_key when the timeline cannot load and on the tasks page', async () => {
    renderTimeline(() => {
      throw new ObshellError({ kind: 'server', status: 400, message: `bad id ${URI}` });
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('access_key=******');
    expect(document.body).not.toHaveTextContent(KEY);
  });

  it('masks access_key in unfinished task names', async () => {
    const fake = fakeClient(() => ({ contents: [withSecrets()] }));
    renderWithApp(<TasksPage />, { route: '/tasks', connection: { client: fake.client } });
    expect(await screen.findByRole('link', { name: /Backup to oss/ })).toHaveTextContent(
      'access_key=******',
    );
    expect(document.body).not.toHaveTextContent(KEY);
  });
});
