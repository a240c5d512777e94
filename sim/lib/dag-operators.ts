import { OPERATOR_STEP_MS, START_DELAY_MS, type EngineCore } from './dag-core';
import { isFinished, RESET_TIME, type DagRecord, type NodeRecord } from './dag-model';
import { errors } from './errors';

/** `POST /api/v1/task/dag/:id {operator}` (contract §5), operator in any case. */
export function operate(core: EngineCore, dag: DagRecord, rawOperator: string): void {
  switch (rawOperator.toUpperCase()) {
    case 'RETRY':
      return retry(core, dag);
    case 'ROLLBACK':
      return rollback(core, dag);
    case 'CANCEL':
      return cancel(core, dag);
    case 'PASS':
      return pass(core, dag);
    default:
      throw errors.operatorNotSupport(rawOperator);
  }
}

function failedIndex(dag: DagRecord): number {
  const index = dag.nodes.findIndex((node) => node.state === 'FAILED');
  return index >= 0 ? index : dag.nodes.findIndex((node) => node.state !== 'SUCCEED');
}

function resetTimes(dag: DagRecord): void {
  dag.start = RESET_TIME;
  dag.end = RESET_TIME;
}

/** READY + RUN, times reset; the failed node runs again (its failed sub-tasks from scratch). */
function retry(core: EngineCore, dag: DagRecord): void {
  if (dag.state !== 'FAILED') throw errors.retryNotFailed();
  const node = dag.nodes[failedIndex(dag)];
  if (node) {
    node.state = 'READY';
    node.operator = 'RETRY';
    for (const task of node.subTasks) {
      if (task.state !== 'FAILED') continue;
      // obshell runs a no-op rollback pass first: execute_times +1 here, +1 when it runs.
      task.executeTimes++;
      task.state = 'READY';
    }
  }
  dag.state = 'READY';
  dag.operator = 'RUN';
  resetTimes(dag);
  dag.frozen = false;
  core.launch(dag);
}

/** Synchronous: the failed node and every later node SUCCEED + PASS; nothing after it runs. */
function pass(core: EngineCore, dag: DagRecord): void {
  if (dag.state !== 'FAILED') throw errors.passNotFailed();
  dag.epoch++;
  const now = core.host.now();
  const from = Math.max(0, failedIndex(dag));
  for (const node of dag.nodes.slice(from)) {
    node.state = 'SUCCEED';
    node.operator = 'PASS';
    node.end = now;
    for (const task of node.subTasks) {
      if (task.state === 'SUCCEED') continue;
      task.state = 'SUCCEED';
      task.operator = 'PASS';
      task.end = now;
    }
  }
  dag.stage = dag.nodes.length;
  dag.state = 'SUCCEED';
  dag.operator = 'PASS';
  dag.end = now;
}

/** Only when every node up to the failed one can roll back (here: a failed check). */
function rollback(core: EngineCore, dag: DagRecord): void {
  if (dag.state !== 'FAILED') throw errors.rollbackNotFailed();
  const index = failedIndex(dag);
  const touched = dag.nodes.slice(0, index + 1);
  const blocker = touched.find((node) => !node.canRollback);
  if (blocker) throw errors.rollbackNotAllowed(blocker.name);
  restartAs(core, dag, 'ROLLBACK', START_DELAY_MS, (now) => {
    for (const node of touched.reverse()) {
      node.state = 'SUCCEED';
      node.operator = 'ROLLBACK';
      node.end = now;
      for (const task of node.subTasks) {
        if (task.executeTimes === 0) continue;
        task.state = 'SUCCEED';
        task.operator = 'ROLLBACK';
        task.end = now;
      }
    }
    return 'SUCCEED';
  });
}

/** Asynchronous: READY + CANCEL (times reset) → RUNNING → FAILED + CANCEL. */
function cancel(core: EngineCore, dag: DagRecord): void {
  if (isFinished(dag)) throw errors.cancelFinished();
  const node = currentNode(dag);
  restartAs(core, dag, 'CANCEL', OPERATOR_STEP_MS, (now) => {
    if (node) {
      node.state = 'FAILED';
      node.operator = 'CANCEL';
      node.start ??= now;
      node.end = now;
      for (const task of node.subTasks) {
        if (task.state !== 'RUNNING' && task.state !== 'READY') continue;
        task.state = 'FAILED';
        task.end = now;
        core.store.log(task, 'sub task cancelled');
      }
    }
    return 'FAILED';
  });
}

/**
 * How obshell runs ROLLBACK and CANCEL: the DAG goes back to READY with the operator (times
 * reset), RUNNING after `firstDelayMs`, then ends one step later in the state `finish` returns.
 * Another operator started meanwhile (a new epoch) abandons this one.
 */
function restartAs(
  core: EngineCore,
  dag: DagRecord,
  operator: 'ROLLBACK' | 'CANCEL',
  firstDelayMs: number,
  finish: (now: number) => 'SUCCEED' | 'FAILED',
): void {
  const epoch = ++dag.epoch;
  dag.state = 'READY';
  dag.operator = operator;
  resetTimes(dag);
  dag.frozen = false;
  void (async () => {
    await core.clock.sleep(firstDelayMs);
    if (dag.epoch !== epoch) return;
    dag.state = 'RUNNING';
    dag.start = core.host.now();
    await core.clock.sleep(OPERATOR_STEP_MS);
    if (dag.epoch !== epoch) return;
    const now = core.host.now();
    dag.state = finish(now);
    dag.end = now;
  })();
}

function currentNode(dag: DagRecord): NodeRecord | undefined {
  return (
    dag.nodes.find((n) => n.state === 'RUNNING' || n.state === 'READY') ??
    dag.nodes.find((n) => n.state !== 'SUCCEED')
  );
}
