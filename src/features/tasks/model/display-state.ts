import type { TaskOperator, TaskState } from '../../../lib/obshell/dag';

/**
 * What a DAG, node or sub-task state means to a DBA. obshell reports a (state, operator) pair; the
 * operator changes the meaning: SUCCEED after PASS ended without applying the passed steps, FAILED
 * after CANCEL was cancelled (and can still be retried).
 */
export type DisplayState =
  | 'pending'
  | 'ready'
  | 'running'
  | 'retrying'
  | 'rollingBack'
  | 'cancelRequested'
  | 'cancelling'
  | 'failed'
  | 'cancelled'
  | 'succeeded'
  | 'passed'
  | 'rolledBack';

export function toDisplayState(state: TaskState, operator: TaskOperator): DisplayState {
  switch (state) {
    case 'SUCCEED':
      if (operator === 'PASS') return 'passed';
      if (operator === 'ROLLBACK') return 'rolledBack';
      return 'succeeded';
    case 'FAILED':
      return operator === 'CANCEL' ? 'cancelled' : 'failed';
    case 'RUNNING':
    case 'READY':
    case 'PENDING':
      // CANCEL is asynchronous (contract §5): READY + CANCEL (queued), RUNNING + CANCEL (stopping),
      // then FAILED + CANCEL. Each phase reads differently so the DBA sees it move on.
      if (operator === 'CANCEL') return state === 'RUNNING' ? 'cancelling' : 'cancelRequested';
      if (operator === 'ROLLBACK') return 'rollingBack';
      // After RETRY obshell re-queues the failed step (PENDING/READY + RETRY) before it runs again.
      if (operator === 'RETRY') return 'retrying';
      if (state === 'RUNNING') return 'running';
      return state === 'READY' ? 'ready' : 'pending';
  }
}

export type StateTone = 'neutral' | 'progress' | 'danger' | 'success' | 'warning';

export interface StateAppearance {
  /** A glyph next to the label: meaning never rests on colour alone. */
  icon: string;
  tone: StateTone;
  /** Still moving: its elapsed time ticks. */
  active: boolean;
}

const appearance: Record<DisplayState, StateAppearance> = {
  pending: { icon: '○', tone: 'neutral', active: false },
  ready: { icon: '◔', tone: 'neutral', active: false },
  running: { icon: '▶', tone: 'progress', active: true },
  retrying: { icon: '↻', tone: 'progress', active: true },
  rollingBack: { icon: '↺', tone: 'warning', active: true },
  cancelRequested: { icon: '⊘', tone: 'warning', active: false },
  cancelling: { icon: '⊘', tone: 'warning', active: true },
  failed: { icon: '✕', tone: 'danger', active: false },
  cancelled: { icon: '⊘', tone: 'neutral', active: false },
  succeeded: { icon: '✓', tone: 'success', active: false },
  passed: { icon: '»', tone: 'warning', active: false },
  rolledBack: { icon: '↺', tone: 'neutral', active: false },
};

export function stateAppearance(state: DisplayState): StateAppearance {
  return appearance[state];
}

/** Mantine colour per tone, for the badge background (the icon and text carry the meaning). */
export const toneColor: Record<StateTone, string> = {
  neutral: 'gray',
  progress: 'blue',
  danger: 'red',
  success: 'teal',
  warning: 'orange',
};
