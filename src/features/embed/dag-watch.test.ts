import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { HostEvent } from '../../lib/host-events';
import type { Dag } from '../../lib/obshell/dag';
import { outcomeOf, watchDags } from './dag-watch';

function dag(state: Dag['state'], operator: Dag['operator'] = 'RUN'): Dag {
  return {
    id: '11700000001000',
    dag_id: 1,
    name: 'Set obcluster backup config',
    stage: 1,
    max_stage: 2,
    state,
    operator,
    nodes: [],
  };
}

function setup() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const events: HostEvent[] = [];
  const stop = watchDags(
    client,
    () => ({ id: 'a', name: 'A' }),
    (event) => events.push(event),
  );
  return { client, events, stop };
}

describe('watchDags', () => {
  it('reports a DAG started by a mutation, then its outcome once polling sees it end', async () => {
    const { client, events } = setup();
    await client
      .getMutationCache()
      .build(client, { mutationFn: () => Promise.resolve(dag('READY')) })
      .execute(undefined);
    client.setQueryData(['a', 'dag', '1'], dag('RUNNING'));
    client.setQueryData(['a', 'dag', '1'], dag('RUNNING'));
    client.setQueryData(['a', 'dag', '1'], dag('SUCCEED'));
    client.setQueryData(['a', 'dag', '1'], dag('SUCCEED'));
    expect(events.map((e) => e.type)).toEqual(['obdash:dag-started', 'obdash:dag-finished']);
    expect(events[1]).toMatchObject({
      cluster: { id: 'a', name: 'A' },
      dag: { id: '11700000001000', state: 'SUCCEED' },
      outcome: 'succeeded',
    });
  });

  it('reports failure, and a later success after RETRY, but not a DAG first seen finished', () => {
    const { client, events } = setup();
    client.setQueryData(['a', 'old'], { ...dag('SUCCEED'), id: 'old' });
    client.setQueryData(['a', 'dag'], dag('RUNNING'));
    client.setQueryData(['a', 'dag'], dag('FAILED'));
    client.setQueryData(['a', 'dag'], dag('RUNNING', 'RETRY'));
    client.setQueryData(['a', 'dag'], dag('SUCCEED', 'RETRY'));
    expect(events.map((e) => (e.type === 'obdash:dag-finished' ? e.outcome : e.type))).toEqual([
      'failed',
      'succeeded',
    ]);
  });

  it('stops when unsubscribed and ignores data that is not a DAG', () => {
    const { client, events, stop } = setup();
    client.setQueryData(['a', 'x'], { contents: [dag('RUNNING')] });
    client.setQueryData(['a', 'dag'], dag('RUNNING'));
    stop();
    client.setQueryData(['a', 'dag'], dag('SUCCEED'));
    expect(events).toEqual([]);
  });
});

describe('outcomeOf', () => {
  it.each([
    ['SUCCEED', 'RUN', 'succeeded'],
    // PASS ends the DAG without applying the passed steps: never reported as a success.
    ['SUCCEED', 'PASS', 'passed'],
    ['FAILED', 'RUN', 'failed'],
    ['FAILED', 'CANCEL', 'cancelled'],
    ['RUNNING', 'RUN', undefined],
  ] as const)('%s/%s → %s', (state, operator, outcome) => {
    expect(outcomeOf({ state, operator })).toBe(outcome);
  });
});
