import { describe, expect, it } from 'vitest';
import { allowedActions } from './dag-actions';

describe('allowedActions', () => {
  it('offers every decision for a failed DAG', () => {
    expect(allowedActions({ state: 'FAILED', operator: 'RUN' })).toEqual([
      'RETRY',
      'ROLLBACK',
      'PASS',
      'CANCEL',
    ]);
    // A retry that failed again waits for a decision again.
    expect(allowedActions({ state: 'FAILED', operator: 'RETRY' })).toHaveLength(4);
  });

  it.each(['RUNNING', 'READY', 'PENDING'] as const)('offers only CANCEL while %s', (state) => {
    expect(allowedActions({ state, operator: 'RUN' })).toEqual(['CANCEL']);
  });

  it('offers nothing once a cancel is already under way', () => {
    expect(allowedActions({ state: 'RUNNING', operator: 'CANCEL' })).toEqual([]);
  });

  it.each([
    ['SUCCEED', 'RUN'],
    ['SUCCEED', 'PASS'],
    ['SUCCEED', 'ROLLBACK'],
    ['FAILED', 'CANCEL'],
  ] as const)('offers nothing for terminal %s + %s', (state, operator) => {
    expect(allowedActions({ state, operator })).toEqual([]);
  });
});
