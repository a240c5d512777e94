import type { Dag, DagNode } from '../../../lib/obshell/dag';
import { createFakeObshellClient, type FakeHandler } from '../../../testing/fake-obshell-client';

const T0 = '2026-11-25T06:00:00.000000000+08:00';
const T1 = '2026-11-25T06:00:05.000000000+08:00';

export function makeNode(
  name: string,
  state: DagNode['state'],
  operator: DagNode['operator'] = 'RUN',
): DagNode {
  return {
    id: `node-${name}`,
    name,
    state,
    operator,
    start_time: T0,
    end_time: state === 'SUCCEED' || state === 'FAILED' ? T1 : T0,
    sub_tasks: [
      {
        id: `sub-${name}`,
        name: `${name} on agent`,
        state,
        operator,
        start_time: T0,
        end_time: T1,
        execute_times: state === 'FAILED' ? 2 : 1,
        execute_agent: { ip: '127.0.0.1', port: 2886 },
        task_logs: [`${name}: started`, `${name}: ${state.toLowerCase()}`],
      },
    ],
  };
}

export function makeDag(state: Dag['state'], nodes: DagNode[], overrides: Partial<Dag> = {}): Dag {
  return {
    id: '11',
    dag_id: 1,
    name: 'Set obcluster backup config',
    stage: Math.max(1, nodes.findIndex((n) => n.state !== 'SUCCEED') + 1 || nodes.length),
    max_stage: nodes.length,
    state,
    operator: 'RUN',
    start_time: T0,
    end_time: T1,
    nodes,
    ...overrides,
  };
}

/**
 * The typed fake client (`src/testing/fake-obshell-client.ts`): answers from `handler` (already
 * unwrapped data, parsed with each caller's schema) and records every request.
 */
export function fakeClient(handler: FakeHandler) {
  return createFakeObshellClient(handler);
}
