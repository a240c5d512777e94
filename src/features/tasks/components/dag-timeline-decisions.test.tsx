import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Dag, DagNode } from '../../../lib/obshell/dag';
import { renderWithApp } from '../../../testing/render';
import { fakeClient, makeDag, makeNode } from '../testing/dag-fixtures';
import { DagTimelinePage } from './dag-timeline-page';

/** Contract revision 2, §5: what each decision does, shown before and after it. */
function renderTimeline(dag: Dag, locale: 'en' | 'zh' = 'en') {
  const fake = fakeClient((req) => (req.method === 'GET' ? dag : undefined));
  renderWithApp(
    <Routes>
      <Route path="/tasks/:id" element={<DagTimelinePage />} />
    </Routes>,
    { route: '/tasks/11', locale, connection: { client: fake.client } },
  );
  return fake.calls;
}

const check = (state: DagNode['state'], operator: DagNode['operator'] = 'RUN') =>
  makeNode('Check backup config', state, operator);
const set = (state: DagNode['state'], operator: DagNode['operator'] = 'RUN') =>
  makeNode('Set backup config', state, operator);

const actionNames = () =>
  within(screen.getByRole('group', { name: 'Actions' }))
    .getAllByRole('button')
    .map((b) => b.textContent);

describe('PASS says what it does for this DAG, before and after', () => {
  it('a failed check: nothing will be applied', async () => {
    const user = userEvent.setup();
    renderTimeline(makeDag('FAILED', [check('FAILED'), set('PENDING')]));
    expect(await screen.findByRole('button', { name: 'Roll back' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Pass (skip)' }));
    const dialog = await screen.findByRole('dialog', { name: 'Pass (skip)?' });
    expect(within(dialog).getByTestId('pass-effect')).toHaveTextContent(
      /^Nothing of this configuration will be applied: “Check backup config” failed/,
    );
  });

  it('a failed "Set backup config": partly applied, what ran is in its log', async () => {
    const user = userEvent.setup();
    renderTimeline(makeDag('FAILED', [check('SUCCEED'), set('FAILED')]));
    await user.click(await screen.findByRole('button', { name: 'Pass (skip)' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByTestId('pass-effect')).toHaveTextContent(
      /^The configuration stays partly applied: “Set backup config” failed part-way\. What it did before failing stays applied \(its log lists each change\)/,
    );
  });

  it('after PASS of "Set backup config": "ended without applying …", archiving may be off', async () => {
    renderTimeline(
      makeDag('SUCCEED', [check('SUCCEED'), set('SUCCEED', 'PASS')], { operator: 'PASS' }),
    );
    const outcome = await screen.findByTestId('passed-outcome');
    expect(outcome).toHaveTextContent('Ended without applying');
    expect(outcome).toHaveTextContent(/Ended without applying all of the configuration/);
    expect(screen.getAllByText('Passed (not applied)').length).toBeGreaterThan(0);
    expect(document.title).toBe('Ended without applying · Set obcluster backup config');
    expect(screen.getByText('Log archiving may now be off')).toBeInTheDocument();
  });

  it('after PASS of the check: nothing was set, no archiving follow-up', async () => {
    renderTimeline(
      makeDag('SUCCEED', [check('SUCCEED', 'PASS'), set('SUCCEED', 'PASS')], { operator: 'PASS' }),
    );
    expect(await screen.findByTestId('passed-outcome')).toHaveTextContent(
      /the configuration: “Check backup config” failed and was passed, so nothing was set/,
    );
    expect(screen.queryByText('Log archiving may now be off')).not.toBeInTheDocument();
  });

  it('in Chinese too', async () => {
    renderTimeline(
      makeDag('SUCCEED', [check('SUCCEED'), set('SUCCEED', 'PASS')], { operator: 'PASS' }),
      'zh',
    );
    expect(await screen.findByTestId('passed-outcome')).toHaveTextContent('已结束，未应用');
    expect(document.title).toBe('已结束，未应用 · Set obcluster backup config');
  });
});

describe('CANCEL: only while READY/RUNNING, each phase shown, not final', () => {
  it('READY + CANCEL: "Cancel requested", nothing more to offer', async () => {
    renderTimeline(
      makeDag('READY', [check('READY', 'CANCEL'), set('PENDING')], { operator: 'CANCEL' }),
    );
    expect((await screen.findAllByText('Cancel requested')).length).toBeGreaterThan(0);
    expect(document.title).toBe('Cancel requested · Set obcluster backup config');
    expect(screen.queryByRole('group', { name: 'Actions' })).not.toBeInTheDocument();
  });

  it('RUNNING + CANCEL: "Cancelling"', async () => {
    renderTimeline(
      makeDag('RUNNING', [check('RUNNING', 'CANCEL'), set('PENDING')], { operator: 'CANCEL' }),
    );
    expect((await screen.findAllByText('Cancelling')).length).toBeGreaterThan(0);
    expect(document.title).toBe('Cancelling · Set obcluster backup config');
  });

  it('FAILED + CANCEL: cancelled, and still offers Retry and Pass (no Cancel)', async () => {
    renderTimeline(
      makeDag('FAILED', [check('SUCCEED'), set('FAILED', 'CANCEL')], { operator: 'CANCEL' }),
    );
    expect(
      await screen.findByText(
        'This task was cancelled. It is not final: you can still retry it or pass it.',
      ),
    ).toBeInTheDocument();
    expect(actionNames()).toEqual(['Retry', 'Pass (skip)']);
    expect(screen.queryByText(/Final state/)).not.toBeInTheDocument();
  });

  it('a running task offers only Cancel', async () => {
    renderTimeline(makeDag('RUNNING', [check('RUNNING'), set('PENDING')]));
    await screen.findByRole('group', { name: 'Actions' });
    expect(actionNames()).toEqual(['Cancel task']);
  });
});

describe('RETRY', () => {
  it('a re-queued step keeps its times and shows the new execute count, never "Not started"', async () => {
    const requeued = set('READY', 'RETRY');
    requeued.sub_tasks = [
      { ...requeued.sub_tasks![0]!, state: 'READY', operator: 'RETRY', execute_times: 3 },
    ];
    // obshell resets the DAG's times (Unix epoch) until it runs again.
    const epoch = '1970-01-01T00:00:00Z';
    renderTimeline(
      makeDag('READY', [check('SUCCEED'), requeued], { start_time: epoch, end_time: epoch }),
    );
    const step = await screen.findByRole('listitem', { name: /^Step 2 of 2/ });
    expect(screen.getByText('Restarting…')).toBeInTheDocument();
    expect(screen.queryByText('Not started')).not.toBeInTheDocument();
    expect(within(step).getAllByText('Retrying').length).toBeGreaterThan(0);
    expect(within(step).getByText('Run 3 times')).toBeInTheDocument();
    expect(within(step).queryByText('Not started')).not.toBeInTheDocument();
  });
});

describe('"Set backup config" shows its running phase from its log', () => {
  it('names the phase and the tenant', async () => {
    const running = set('RUNNING');
    running.sub_tasks = [
      {
        ...running.sub_tasks![0]!,
        task_logs: [
          'Close archive log for t(1002)',
          'Archive log has been closed for t(1002)',
          "URI is 'oss://b/k/1/1002/clog?host=h'",
          'Set log archive dest for t(1002)',
        ],
      },
    ];
    renderTimeline(makeDag('RUNNING', [check('SUCCEED'), running]));
    expect(await screen.findByTestId('set-config-phase')).toHaveTextContent(
      'Now: setting the archive log destination (tenant t(1002))',
    );
  });
});
