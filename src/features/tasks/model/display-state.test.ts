import { describe, expect, it } from 'vitest';
import { taskOperatorSchema, taskStateSchema } from '../../../lib/obshell/dag';
import { stateAppearance, toDisplayState, type DisplayState } from './display-state';
import { taskMessages } from '../messages';

describe('toDisplayState', () => {
  it.each([
    ['PENDING', 'RUN', 'pending'],
    ['READY', 'RUN', 'ready'],
    ['RUNNING', 'RUN', 'running'],
    ['RUNNING', 'RETRY', 'retrying'],
    ['RUNNING', 'ROLLBACK', 'rollingBack'],
    ['RUNNING', 'CANCEL', 'cancelling'],
    // CANCEL is asynchronous: queued (READY/PENDING + CANCEL), stopping, then FAILED + CANCEL.
    ['PENDING', 'CANCEL', 'cancelRequested'],
    ['READY', 'CANCEL', 'cancelRequested'],
    ['PENDING', 'RETRY', 'retrying'],
    ['READY', 'RETRY', 'retrying'],
    ['READY', 'PASS', 'ready'],
    ['FAILED', 'RUN', 'failed'],
    ['FAILED', 'RETRY', 'failed'],
    ['FAILED', 'CANCEL', 'cancelled'],
    ['SUCCEED', 'RUN', 'succeeded'],
    ['SUCCEED', 'RETRY', 'succeeded'],
    ['SUCCEED', 'PASS', 'passed'],
    ['SUCCEED', 'ROLLBACK', 'rolledBack'],
  ] as const)('%s + %s → %s', (state, operator, expected) => {
    expect(toDisplayState(state, operator)).toBe(expected);
  });

  it('gives every (state, operator) pair an icon and a label in both languages', () => {
    for (const state of taskStateSchema.options) {
      for (const operator of taskOperatorSchema.options) {
        const display: DisplayState = toDisplayState(state, operator);
        expect(stateAppearance(display).icon).not.toBe('');
        expect(taskMessages.en.state(display)).toMatch(/\w/);
        expect(taskMessages.zh.state(display)).not.toBe(taskMessages.en.state(display));
      }
    }
  });

  it('never tells outcomes apart by colour alone: distinct outcomes have distinct labels', () => {
    const outcomes: DisplayState[] = ['failed', 'cancelled', 'succeeded', 'passed', 'rolledBack'];
    const labels = outcomes.map((s) => taskMessages.en.state(s));
    expect(new Set(labels).size).toBe(outcomes.length);
  });

  it('PASS never reads as a success: the outcome says nothing more was applied', () => {
    expect(taskMessages.en.state('passed')).not.toMatch(/succe/i);
    expect(taskMessages.en.outcome('passed')).toBe('Ended without applying');
    expect(taskMessages.zh.outcome('passed')).toBe('已结束，未应用');
    expect(taskMessages.zh.state('passed')).not.toMatch(/成功/);
  });

  it('only moving states tick', () => {
    expect(stateAppearance('running').active).toBe(true);
    expect(stateAppearance('failed').active).toBe(false);
    expect(stateAppearance('succeeded').active).toBe(false);
    expect(stateAppearance('pending').active).toBe(false);
  });
});
