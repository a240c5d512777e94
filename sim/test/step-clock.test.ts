import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callSimControl, simClock } from '../control-client';
import { StepClock } from '../lib/step-clock';
import { startSimulator, type SimulatorHandle } from '../start';
import { TestClient } from './support/test-client';

describe('StepClock (unit)', () => {
  it('manual: parks every wait; step releases them in due-time order', async () => {
    const clock = new StepClock('manual', () => 1);
    const order: string[] = [];
    void clock.sleep(300).then(() => order.push('late'));
    void clock.sleep(100).then(() => order.push('early'));
    void clock.sleep(100).then(() => order.push('early-2'));
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual([]);
    expect(clock.pending).toBe(3);
    expect(await clock.step(2)).toBe(2);
    expect(order).toEqual(['early', 'early-2']);
    expect(await clock.step(5)).toBe(1);
    expect(order).toEqual(['early', 'early-2', 'late']);
    expect(await clock.step(1)).toBe(0);
  });

  it('a wait scheduled by a released step is due after the release', async () => {
    const clock = new StepClock('manual', () => 1);
    const order: string[] = [];
    void clock.sleep(500).then(() => order.push('b'));
    void clock.sleep(100).then(async () => {
      order.push('a');
      await clock.sleep(100); // due at 200, before b (500)
      order.push('a2');
    });
    await clock.step(3);
    expect(order).toEqual(['a', 'a2', 'b']);
  });

  it('switching modes keeps parked waits; auto arms them with the time scale', async () => {
    const clock = new StepClock('manual', () => 0.01);
    let done = false;
    void clock.sleep(1000).then(() => (done = true));
    clock.setMode('auto');
    expect(clock.pending).toBe(0);
    await new Promise((r) => setTimeout(r, 60));
    expect(done).toBe(true);
    clock.setMode('manual');
    let second = false;
    void clock.sleep(1).then(() => (second = true));
    await new Promise((r) => setTimeout(r, 30));
    expect(second).toBe(false);
    await clock.step(1);
    expect(second).toBe(true);
  });

  it('stop: nothing resolves afterwards', async () => {
    const clock = new StepClock('manual', () => 1);
    let done = false;
    void clock.sleep(1).then(() => (done = true));
    clock.stop();
    expect(await clock.step(1)).toBe(0);
    expect(done).toBe(false);
  });
});

const PASSWORD = 'pw';
let sim: SimulatorHandle;
let client: TestClient;

describe('manual clock over the control API', () => {
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, rootPassword: PASSWORD });
    client = new TestClient(sim.url, PASSWORD);
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    await callSimControl(sim.url, 'POST', 'reset', { rootPassword: PASSWORD, clock: 'manual' });
  });

  async function submit(body: unknown): Promise<string> {
    const reply = await client.call<{ id: string }>('PATCH', '/api/v1/obcluster/backup/config', {
      body,
    });
    expect(reply.status).toBe(200);
    return reply.data.id;
  }

  it('reset {clock: manual}: a new DAG stays READY until stepped', async () => {
    const id = await submit({ ha_low_thread_score: 5 });
    await new Promise((r) => setTimeout(r, 50));
    const state = await callSimControl<{ cluster: { clock: string }; dags: { state: string }[] }>(
      sim.url,
      'GET',
      'state',
    );
    expect(state.cluster.clock).toBe('manual');
    expect(state.dags[0]?.state).toBe('READY');
    const answer = await simClock.step(sim.url);
    expect(answer.released).toBe(1);
    expect(answer.dags[0]).toMatchObject({ id, state: 'RUNNING', operator: 'RUN' });
    expect(answer.dags[0]?.nodes).toEqual([
      { name: 'Check backup config', state: 'RUNNING', operator: 'RUN' },
      { name: 'Set backup config', state: 'PENDING', operator: 'RUN' },
    ]);
    expect(answer.pending).toBe(3); // one wait per agent's check
  });

  it('run-until: a named node, then the DAG; default DAG is the newest', async () => {
    const id = await submit({ ha_low_thread_score: 5 });
    const atSet = await simClock.runUntil(sim.url, { node: 'Set backup config', state: 'RUNNING' });
    expect(atSet.dags[0]?.nodes[0]?.state).toBe('SUCCEED');
    const done = await simClock.runUntil(sim.url, { dag_id: id, state: 'SUCCEED' });
    expect(done.dags[0]).toMatchObject({ state: 'SUCCEED', operator: 'RUN' });
    expect(done.pending).toBe(0);
  });

  it('run-until answers 409 when no step is left before the state', async () => {
    await submit({ ha_low_thread_score: 5 });
    await expect(simClock.runUntil(sim.url, { state: 'FAILED' })).rejects.toThrow(
      /HTTP 409.*no pending step/,
    );
    await submit({ ha_low_thread_score: 6 });
    await expect(simClock.runUntil(sim.url, { state: 'SUCCEED', max_steps: 1 })).rejects.toThrow(
      /HTTP 409/,
    );
  });

  it('bad bodies → 400; unknown DAG or node → 404; step in auto mode → 409', async () => {
    await expect(callSimControl(sim.url, 'POST', 'step', { count: 0 })).rejects.toThrow(/400/);
    await expect(callSimControl(sim.url, 'POST', 'run-until', { state: 'DONE' })).rejects.toThrow(
      /400/,
    );
    await expect(simClock.runUntil(sim.url, { dag_id: '199', state: 'SUCCEED' })).rejects.toThrow(
      /404/,
    );
    await submit({});
    await expect(simClock.runUntil(sim.url, { node: 'Nope', state: 'SUCCEED' })).rejects.toThrow(
      /404/,
    );
    await expect(callSimControl(sim.url, 'POST', 'clock-mode', { mode: 'fast' })).rejects.toThrow(
      /400/,
    );
    await simClock.mode(sim.url, 'auto');
    await expect(simClock.step(sim.url)).rejects.toThrow(/409/);
  });

  it('clock-mode auto lets a parked DAG finish on its own; reset defaults to auto', async () => {
    await callSimControl(sim.url, 'POST', 'time-scale', { scale: 0.01 });
    const id = await submit({ ha_low_thread_score: 5 });
    await simClock.mode(sim.url, 'auto');
    for (let i = 0; i < 200; i++) {
      const dag = await client.call<{ state: string }>('GET', `/api/v1/task/dag/${id}`);
      if (dag.data.state === 'SUCCEED') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect((await client.call<{ state: string }>('GET', `/api/v1/task/dag/${id}`)).data.state).toBe(
      'SUCCEED',
    );
    const state = await callSimControl<{ cluster: { clock: string } }>(
      sim.url,
      'POST',
      'reset',
      {},
    );
    expect(state.cluster.clock).toBe('auto');
  });
});
