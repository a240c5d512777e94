import { describe, expect, it } from 'vitest';
import type { Dag } from '../../../lib/obshell/dag';
import { dagChanges } from './dag-changes';

function dag(
  state: Dag['state'],
  nodes: [string, Dag['state']][],
  operator: Dag['operator'] = 'RUN',
): Dag {
  return {
    id: '11',
    dag_id: 1,
    name: 'Set obcluster backup config',
    stage: 1,
    max_stage: nodes.length,
    state,
    operator,
    nodes: nodes.map(([name, s]) => ({ id: name, name, state: s, operator: 'RUN' })),
  };
}

describe('dagChanges', () => {
  it('lists the steps that changed, then the DAG', () => {
    const before = dag('RUNNING', [
      ['Check', 'RUNNING'],
      ['Set', 'PENDING'],
    ]);
    const after = dag('SUCCEED', [
      ['Check', 'SUCCEED'],
      ['Set', 'SUCCEED'],
    ]);
    expect(dagChanges(before, after)).toEqual([
      { kind: 'node', index: 0, name: 'Check', to: 'succeeded' },
      { kind: 'node', index: 1, name: 'Set', to: 'succeeded' },
      { kind: 'dag', name: 'Set obcluster backup config', to: 'succeeded' },
    ]);
  });
  it('says nothing on the first poll or when nothing changed', () => {
    const one = dag('RUNNING', [['Check', 'RUNNING']]);
    expect(dagChanges(undefined, one)).toEqual([]);
    expect(dagChanges(one, { ...one, nodes: [...(one.nodes ?? [])] })).toEqual([]);
  });
  it('notices an operator-only change (cancelled)', () => {
    const failed = dag('FAILED', [['Set', 'FAILED']]);
    const cancelled = dag('FAILED', [['Set', 'FAILED']], 'CANCEL');
    expect(dagChanges(failed, cancelled)).toEqual([
      { kind: 'dag', name: 'Set obcluster backup config', to: 'cancelled' },
    ]);
  });
});
