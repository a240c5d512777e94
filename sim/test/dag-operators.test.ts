import { describe, expect, it } from 'vitest';
import { simClock, type SimStepAnswer, type SimTaskState } from '../control-client';
import { control, type Reply } from './support/test-client';
import { simPerFile } from './support/sim-per-file';

/** Operators on "Set obcluster backup config" (contract §5, revision 2), under the manual clock. */
const PASSWORD = 'pw';

interface SubTask {
  name: string;
  state: string;
  operator: string;
  execute_times: number;
  task_logs: string[] | null;
}
interface Dag {
  id: string;
  stage: number;
  state: string;
  operator: string;
  start_time: string;
  end_time: string;
  nodes: { name: string; state: string; operator: string; sub_tasks: SubTask[] }[];
}
interface SimTenant {
  log_mode: string;
  log_archive_status: string | null;
  archive_base_uri: string;
  parameters: Record<string, string>;
}

const fx = simPerFile(PASSWORD, { clock: 'manual' });

async function submit(body: unknown): Promise<string> {
  const reply = await fx.client.call<{ id: string }>('PATCH', '/api/v1/obcluster/backup/config', {
    body,
  });
  expect(reply.status).toBe(200);
  return reply.data.id;
}
async function getDag(id: string): Promise<Dag> {
  return (await fx.client.call<Dag>('GET', `/api/v1/task/dag/${id}`)).data;
}
async function runUntil(id: string, state: SimTaskState, node?: string): Promise<Dag> {
  await simClock.runUntil(fx.sim.url, node ? { dag_id: id, node, state } : { dag_id: id, state });
  return getDag(id);
}
async function operate(id: string, operator: string): Promise<Reply> {
  return fx.client.call('POST', `/api/v1/task/dag/${id}`, { body: { operator } });
}
async function tenants(): Promise<SimTenant[]> {
  return (await control<{ tenants: SimTenant[] }>(fx.sim.url, 'GET', 'state')).tenants;
}
const set = (dag: Dag) => dag.nodes[1]?.sub_tasks[0];
const ZERO = '0001-01-01T00:00:00Z';
const EPOCH = '1970-01-01T00:00:00.000000000Z';

const CHANGE = { backup_base_uri: 'file:///nfs/new', ha_low_thread_score: 7 };

describe('a failure mid-way and RETRY', () => {
  it('failing at phase 5 keeps phases 1–4 applied; the last log is the error', async () => {
    await control(fx.sim.url, 'POST', 'fail', {
      step: 'Set backup config',
      mode: 'once',
      phase: 5,
    });
    const id = await submit(CHANGE);
    const failed = await runUntil(id, 'FAILED');
    expect(failed).toMatchObject({ state: 'FAILED', operator: 'RUN', stage: 2 });
    expect(set(failed)?.task_logs?.at(-1)).toMatch(
      /^ERROR: \[Common\.Unexpected\]: Unexpected error: set ha low thread score: Error 4012/,
    );
    const [app] = await tenants();
    expect(app?.archive_base_uri).toBe('file:///nfs/new/1700000001/1002/clog');
    expect(app?.log_archive_status).toBe('STOP');
    expect(app?.parameters.ha_low_thread_score).toBe('0');
  });

  it('RETRY: READY + RUN with times reset, node RETRY, re-runs from phase 1, execute_times +2, logs accumulate', async () => {
    await control(fx.sim.url, 'POST', 'fail', {
      step: 'Set backup config',
      mode: 'once',
      phase: 4,
    });
    const id = await submit(CHANGE);
    const failed = await runUntil(id, 'FAILED');
    const firstLogs = set(failed)?.task_logs ?? [];
    expect((await operate(id, 'retry')).status).toBe(200);
    const ready = await getDag(id);
    expect(ready).toMatchObject({
      state: 'READY',
      operator: 'RUN',
      start_time: EPOCH,
      end_time: EPOCH,
    });
    expect(ready.nodes[1]).toMatchObject({ state: 'READY', operator: 'RETRY' });
    expect(ready.nodes[0]?.state).toBe('SUCCEED');
    const done = await runUntil(id, 'SUCCEED');
    expect(done.operator).toBe('RUN');
    expect(set(done)?.execute_times).toBe(3);
    expect(done.nodes[0]?.sub_tasks[0]?.execute_times).toBe(1);
    const logs = set(done)?.task_logs ?? [];
    expect(logs.slice(0, firstLogs.length)).toEqual(firstLogs);
    // second run starts again at phase 2's close-and-wait (tenants already NOARCHIVELOG)
    expect(logs[firstLogs.length]).toBe('Archive log has been closed for app_tenant(1002)');
    expect((await tenants()).map((t) => t.parameters.ha_low_thread_score)).toEqual(['7', '7']);
  });
});

describe('PASS', () => {
  it('on a failed check: both nodes SUCCEED + PASS, nothing runs, nothing applied', async () => {
    await control(fx.sim.url, 'POST', 'fail', { step: 'Check backup config', mode: 'once' });
    const id = await submit(CHANGE);
    await runUntil(id, 'FAILED');
    expect((await operate(id, 'Pass')).status).toBe(200);
    const passed = await getDag(id); // synchronous
    expect(passed).toMatchObject({ state: 'SUCCEED', operator: 'PASS', stage: 2 });
    expect(passed.end_time).not.toBe(ZERO);
    expect(passed.nodes.map((n) => [n.state, n.operator])).toEqual([
      ['SUCCEED', 'PASS'],
      ['SUCCEED', 'PASS'],
    ]);
    expect(passed.nodes[0]?.sub_tasks.map((t) => t.operator)).toEqual(['PASS', 'RUN', 'RUN']);
    expect(set(passed)).toMatchObject({ state: 'SUCCEED', operator: 'PASS', execute_times: 0 });
    const answer: SimStepAnswer = await simClock.step(fx.sim.url, 50);
    expect(answer.pending).toBe(0);
    const [app] = await tenants();
    expect(app?.archive_base_uri).toBe('file:///data/ob_backup/1700000001/1002/clog');
    expect(app?.log_archive_status).toBe('DOING');
  });

  it('on a failed Set: what ran stays applied', async () => {
    await control(fx.sim.url, 'POST', 'fail', {
      step: 'Set backup config',
      mode: 'once',
      phase: 5,
    });
    const id = await submit(CHANGE);
    await runUntil(id, 'FAILED');
    await operate(id, 'PASS');
    const passed = await getDag(id);
    expect(passed.nodes.map((n) => n.operator)).toEqual(['RUN', 'PASS']);
    expect((await tenants())[0]?.archive_base_uri).toBe('file:///nfs/new/1700000001/1002/clog');
  });
});

describe('CANCEL', () => {
  it('asynchronous: READY+CANCEL (times reset) → RUNNING → FAILED+CANCEL; "sub task cancelled"', async () => {
    const id = await submit(CHANGE);
    await runUntil(id, 'RUNNING', 'Set backup config');
    expect((await operate(id, 'cancel')).status).toBe(200);
    const ready = await getDag(id);
    expect(ready).toMatchObject({ state: 'READY', operator: 'CANCEL', start_time: EPOCH });
    const running = await runUntil(id, 'RUNNING');
    expect(running.operator).toBe('CANCEL');
    const cancelled = await runUntil(id, 'FAILED');
    expect(cancelled.operator).toBe('CANCEL');
    expect(cancelled.nodes[1]).toMatchObject({ state: 'FAILED', operator: 'CANCEL' });
    expect(set(cancelled)?.state).toBe('FAILED');
    expect(set(cancelled)?.task_logs?.at(-1)).toBe('sub task cancelled');
    // a finished (FAILED) DAG cannot be cancelled again, but can be retried
    const again = await operate(id, 'CANCEL');
    expect(again.status).toBe(400);
    expect(again.envelope.error).toMatchObject({
      errCode: 'Task.Dag.Operator.CancelFinishedDag',
      message: 'Failed to cancel DAG: DAG is finished',
    });
    expect((await operate(id, 'RETRY')).status).toBe(200);
    const done = await runUntil(id, 'SUCCEED');
    expect(done.operator).toBe('RUN');
  });

  it('a cancelled DAG can be passed; a READY one can be cancelled before it runs', async () => {
    const id = await submit(CHANGE);
    expect((await operate(id, 'CANCEL')).status).toBe(200);
    const cancelled = await runUntil(id, 'FAILED');
    expect(cancelled.nodes[0]).toMatchObject({ state: 'FAILED', operator: 'CANCEL' });
    expect((await operate(id, 'PASS')).status).toBe(200);
    expect((await getDag(id)).operator).toBe('PASS');
  });

  it('on a SUCCEED DAG → CancelFinishedDag (zh too)', async () => {
    const id = await submit({ ha_low_thread_score: 1 });
    await runUntil(id, 'SUCCEED');
    const reply = await fx.client.call('POST', `/api/v1/task/dag/${id}`, {
      body: { operator: 'cancel' },
      lang: 'zh-CN',
    });
    expect(reply.envelope.error?.message).toBe('取消 DAG 失败：DAG 已执行完成');
  });
});

describe('ROLLBACK', () => {
  it('a failed check → SUCCEED + ROLLBACK, nothing applied', async () => {
    await control(fx.sim.url, 'POST', 'fail', { step: 'Check backup config', mode: 'once' });
    const id = await submit(CHANGE);
    await runUntil(id, 'FAILED');
    expect((await operate(id, 'ROLLBACK')).status).toBe(200);
    expect((await getDag(id)).operator).toBe('ROLLBACK');
    const rolled = await runUntil(id, 'SUCCEED');
    expect(rolled.operator).toBe('ROLLBACK');
    expect((await tenants())[0]?.log_archive_status).toBe('DOING');
  });

  it('a failed (or cancelled) Set cannot roll back', async () => {
    await control(fx.sim.url, 'POST', 'fail', { step: 'Set backup config', mode: 'once' });
    const id = await submit(CHANGE);
    await runUntil(id, 'FAILED');
    const reply = await operate(id, 'ROLLBACK');
    expect(reply.status).toBe(400);
    expect(reply.envelope.error).toMatchObject({
      errCode: 'Task.Dag.Operator.RollbackNotAllowed',
      message: 'Failed to set DAG rollback: node Set backup config cannot rollback',
    });
  });
});

describe('state rules', () => {
  it('RETRY / ROLLBACK / PASS need FAILED; unknown operator; missing operator → BindJsonFailed', async () => {
    const id = await submit({ ha_low_thread_score: 2 });
    for (const [op, code] of [
      ['RETRY', 'Task.Dag.Operator.RetryNotFailedDag'],
      ['ROLLBACK', 'Task.Dag.Operator.RollbackNotFailedDag'],
      ['PASS', 'Task.Dag.Operator.PassNotFailedDag'],
      ['JUMP', 'Task.Dag.Operator.NotSupport'],
    ] as const) {
      const reply = await operate(id, op);
      expect(reply.status, op).toBe(400);
      expect(reply.envelope.error?.errCode, op).toBe(code);
    }
    const missing = await fx.client.call('POST', `/api/v1/task/dag/${id}`, { body: {} });
    expect(missing.envelope.error?.errCode).toBe('Common.BindJsonFailed');
    await runUntil(id, 'SUCCEED');
    expect((await operate(id, 'PASS')).envelope.error?.errCode).toBe(
      'Task.Dag.Operator.PassNotFailedDag',
    );
  });

  it('maintenance never blocks this DAG', async () => {
    await control(fx.sim.url, 'POST', 'maintenance', { on: true });
    const id = await submit({ ha_low_thread_score: 2 });
    const second = await submit({ ha_low_thread_score: 3 });
    expect(id).not.toBe(second);
  });
});
