import type { Dag } from '../../../lib/obshell/dag';
import { toDisplayState, type DisplayState } from './display-state';

export type DagChange =
  | { kind: 'dag'; name: string; to: DisplayState }
  | { kind: 'node'; index: number; name: string; to: DisplayState };

/**
 * What changed between two polls of the same DAG, in reading order (steps first, the DAG last),
 * so screen readers hear "step 2 running" rather than nothing while the page silently updates.
 */
export function dagChanges(prev: Dag | undefined, next: Dag): DagChange[] {
  if (prev?.id !== next.id) return [];
  const changes: DagChange[] = [];
  const before = new Map(
    (prev.nodes ?? []).map((n) => [n.id, toDisplayState(n.state, n.operator)]),
  );
  (next.nodes ?? []).forEach((node, index) => {
    const to = toDisplayState(node.state, node.operator);
    const from = before.get(node.id);
    if (from !== undefined && from !== to)
      changes.push({ kind: 'node', index, name: node.name, to });
  });
  const dagTo = toDisplayState(next.state, next.operator);
  if (toDisplayState(prev.state, prev.operator) !== dagTo) {
    changes.push({ kind: 'dag', name: next.name, to: dagTo });
  }
  return changes;
}

/** A DAG that now needs nobody (terminal) or needs a decision (failed): worth a title/notification. */
export function isOutcome(state: DisplayState): boolean {
  return (
    state === 'succeeded' ||
    state === 'passed' ||
    state === 'rolledBack' ||
    state === 'cancelled' ||
    state === 'failed'
  );
}
