import {
  checkDestinationSteps,
  openArchiveSteps,
  startBackupSteps,
  waitBackupSteps,
  type BackupContext,
} from './backup-narration';
import { checkSteps } from './check-narration';
import { START_DELAY_MS, type EngineCore } from './dag-core';
import type { DagRecord, NodeRecord, SubTaskRecord } from './dag-model';
import { INJECTED, unexpectedLine, type Step } from './dag-step';
import { PHASE_WRAP, setSteps } from './set-narration';

const SYNTHETIC_MS = 1_500;

/** The run loop: READY → RUNNING, nodes in order (sub-tasks in parallel unless sequential). */
export async function runDag(core: EngineCore, dag: DagRecord, epoch: number): Promise<void> {
  const { host, clock } = core;
  await clock.sleep(START_DELAY_MS);
  if (dag.epoch !== epoch) return;
  dag.state = 'RUNNING';
  dag.start = host.now();
  dag.end = null;
  for (const [index, node] of dag.nodes.entries()) {
    if (node.state === 'SUCCEED') continue;
    dag.stage = index + 1;
    node.state = 'RUNNING';
    node.start = host.now();
    node.end = null;
    const pending = node.subTasks.filter((task) => task.state !== 'SUCCEED');
    let ok = true;
    if (node.sequential) {
      for (const task of pending) {
        ok = await execute(core, dag, epoch, node, task);
        if (!ok || dag.epoch !== epoch) break;
      }
    } else {
      const results = await Promise.all(
        pending.map((task) => execute(core, dag, epoch, node, task)),
      );
      ok = results.every(Boolean);
    }
    if (dag.epoch !== epoch) return;
    node.end = host.now();
    if (!ok) {
      node.state = 'FAILED';
      dag.state = 'FAILED';
      dag.end = host.now();
      return;
    }
    node.state = 'SUCCEED';
  }
  dag.state = 'SUCCEED';
  dag.end = host.now();
}

/** getTenantFromCtx: every user tenant, or the DAG's one tenant, read when the node runs. */
export function scopeTenants(core: EngineCore, dag: DagRecord) {
  const all = core.host.userTenants();
  return dag.tenant === null ? all : all.filter((t) => t.name === dag.tenant);
}

function stepsFor(
  core: EngineCore,
  dag: DagRecord,
  node: NodeRecord,
  task: SubTaskRecord,
): Iterable<Step> {
  const change = core.changes.get(dag.dagId) ?? {};
  const backup: BackupContext = {
    tenants: scopeTenants(core, dag),
    now: () => core.host.now(),
    sleep: (ms) => core.clock.sleep(ms),
  };
  switch (task.action.kind) {
    case 'noop':
      return checkDestinationSteps();
    case 'open-archive':
      return openArchiveSteps(backup);
    case 'start-backup': {
      const spec = core.starts.get(dag.dagId);
      return spec ? startBackupSteps(backup, spec) : [];
    }
    case 'wait-backup':
      return waitBackupSteps(backup);
    case 'check':
      return checkSteps(change, scopeTenants(core, dag), node.subTasks.indexOf(task));
    case 'set':
      return setSteps({
        change,
        tenants: scopeTenants(core, dag),
        clusterId: core.host.clusterId(),
        allTenants: dag.tenant === null,
        now: () => core.host.now(),
      });
    default:
      return [{ lines: [`${node.name}: working`], ms: SYNTHETIC_MS }];
  }
}

function injectedLine(task: SubTaskRecord, phase: number | undefined): string {
  if (task.action.kind === 'check') {
    return unexpectedLine(
      `check archive path: check write permission: permission denied ${INJECTED}`,
    );
  }
  if (task.action.kind === 'set') {
    const where = phase === undefined ? '' : `${PHASE_WRAP[phase] ?? 'set backup config'}: `;
    return unexpectedLine(
      `${where}Error 4012 (HY000): Timeout, query has reached the maximum query timeout ${INJECTED}`,
    );
  }
  return unexpectedLine(`${task.name} failed ${INJECTED}`);
}

async function execute(
  core: EngineCore,
  dag: DagRecord,
  epoch: number,
  node: NodeRecord,
  task: SubTaskRecord,
): Promise<boolean> {
  const { host, store, clock } = core;
  task.state = 'RUNNING';
  task.executeTimes++;
  task.start = host.now();
  task.end = null;
  const fail = (line: string) => {
    store.log(task, line);
    task.state = 'FAILED';
    task.end = host.now();
    return false;
  };
  let phase: number | undefined;
  let consulted = false;
  for (const step of stepsFor(core, dag, node, task)) {
    if (step.phase !== undefined && step.phase !== phase) {
      phase = step.phase;
      consulted = true;
      if (host.shouldFail(node, task, phase)) return fail(injectedLine(task, phase));
    }
    for (const line of step.lines) store.log(task, line);
    if (step.failure) return fail(step.failure);
    step.apply?.();
    await clock.sleep(step.ms);
    if (dag.epoch !== epoch) return false;
  }
  if (!consulted && host.shouldFail(node, task, undefined)) {
    return fail(injectedLine(task, undefined));
  }
  if (task.action.kind === 'synthetic') store.log(task, `${node.name} finished`);
  task.state = 'SUCCEED';
  task.end = host.now();
  return true;
}
