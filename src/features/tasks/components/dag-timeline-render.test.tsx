import { act, screen } from '@testing-library/react';
import { Profiler, type ProfilerOnRenderCallback } from 'react';
import { Route, Routes } from 'react-router';
import { expect, it } from 'vitest';
import type { Dag, DagNode } from '../../../lib/obshell/dag';
import { renderWithApp } from '../../../testing/render';
import { fakeClient, makeDag, makeNode } from '../testing/dag-fixtures';
import { DagTimelinePage } from './dag-timeline-page';

const NODES = 200;

/** A 200-step DAG whose step `step` is running: each call is a poll that moved one step on. */
function dagAt(step: number): Dag {
  const nodes: DagNode[] = [];
  for (let i = 0; i < NODES; i += 1) {
    nodes.push(makeNode(`Step ${i}`, i < step ? 'SUCCEED' : i === step ? 'RUNNING' : 'PENDING'));
  }
  return makeDag('RUNNING', nodes);
}

it('a poll of a 200-step DAG re-renders a small part of the timeline, not every row', async () => {
  const fake = fakeClient(() => dagAt(0));
  const updates: { actual: number; base: number }[] = [];
  const onRender: ProfilerOnRenderCallback = (_id, phase, actual, base) => {
    if (phase !== 'mount') updates.push({ actual, base });
  };
  const { queryClient } = renderWithApp(
    <Profiler id="timeline" onRender={onRender}>
      <Routes>
        <Route path="/tasks/:id" element={<DagTimelinePage />} />
      </Routes>
    </Profiler>,
    { route: '/tasks/11', connection: { client: fake.client } },
  );
  await screen.findByText(`Stage 1 / ${NODES}`);
  updates.length = 0;
  for (let step = 1; step <= 20; step += 1) {
    await act(async () => {
      // setQueryData shares structure like a real poll: unchanged nodes keep their identity.
      queryClient.setQueryData(['obshell', 'test', 'dag', 'detail', '11'], dagAt(step));
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
  expect(screen.getByText(`Stage 21 / ${NODES}`)).toBeInTheDocument();
  const actual = updates.reduce((sum, u) => sum + u.actual, 0);
  const base = updates.reduce((sum, u) => sum + u.base, 0);
  // baseDuration is what re-rendering the whole tree would cost; two changed rows of 200 plus the
  // page's own status are about 2% of it; rows that lose their memo push it to about 0.4.
  expect(actual / base).toBeLessThan(0.15);
}, 60_000);
