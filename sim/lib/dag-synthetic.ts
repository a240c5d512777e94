import type { EngineCore } from './dag-core';
import type { DagRecord, TaskState } from './dag-model';
import type { AgentSpec } from './options';

/** `/__sim/dag`: n generic steps "Step 1..n", running, or pinned to a state for rendering tests. */
export function createSynthetic(
  core: EngineCore,
  nodeCount: number,
  name: string,
  agent: AgentSpec,
  pinned?: TaskState,
): DagRecord {
  const { store } = core;
  const nodes = Array.from({ length: nodeCount }, (_, i) => {
    const node = store.newNode(`Step ${i + 1}`, false, true);
    node.subTasks = [store.newTask(`Step ${i + 1}`, agent, { kind: 'synthetic' })];
    return node;
  });
  const dag = store.newDag(name, nodes);
  if (!pinned) {
    core.launch(dag);
    return dag;
  }
  dag.frozen = true;
  pin(core, dag, pinned);
  return dag;
}

/** SUCCEED: all done; RUNNING / FAILED: first half SUCCEED, middle node so, rest PENDING. */
function pin(core: EngineCore, dag: DagRecord, state: TaskState): void {
  const now = core.host.now();
  const count = dag.nodes.length;
  const middle = Math.floor(count / 2);
  dag.nodes.forEach((node, index) => {
    let nodeState: TaskState = 'PENDING';
    if (state === 'SUCCEED' || index < middle) nodeState = 'SUCCEED';
    else if (index === middle && (state === 'RUNNING' || state === 'FAILED')) nodeState = state;
    node.state = nodeState;
    if (nodeState !== 'PENDING') node.start = now - (count - index) * 1000;
    if (nodeState === 'SUCCEED' || nodeState === 'FAILED')
      node.end = now - (count - index - 1) * 1000;
    for (const task of node.subTasks) {
      task.state = nodeState;
      task.start = node.start;
      task.end = node.end;
      if (nodeState !== 'PENDING') {
        task.executeTimes = 1;
        core.store.log(task, `${node.name}: working`);
      }
      if (nodeState === 'SUCCEED') core.store.log(task, `${node.name} finished`);
      if (nodeState === 'FAILED') {
        core.store.log(
          task,
          `ERROR: [Common.Unexpected]: Unexpected error: ${node.name} failed (synthetic DAG)`,
        );
      }
    }
    if (nodeState === 'RUNNING' || nodeState === 'FAILED') dag.stage = index + 1;
  });
  if (state === 'SUCCEED') dag.stage = count;
  dag.state = state;
  if (state !== 'PENDING' && state !== 'READY') dag.start = now - count * 1000;
  dag.end = state === 'SUCCEED' || state === 'FAILED' ? now : null;
}
