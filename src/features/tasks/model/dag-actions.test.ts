import { describe, expect, it } from 'vitest';
import { makeDag, makeNode } from '../testing/dag-fixtures';
import { allowedActions, passEffectAfter, passEffectBefore } from './dag-actions';

const config = (state: 'FAILED' | 'RUNNING', failed: 'Check backup config' | 'Set backup config') =>
  makeDag(
    state,
    failed === 'Check backup config'
      ? [makeNode('Check backup config', 'FAILED'), makeNode('Set backup config', 'PENDING')]
      : [makeNode('Check backup config', 'SUCCEED'), makeNode('Set backup config', 'FAILED')],
  );

const synthetic = (state: Parameters<typeof makeDag>[0], operator: 'RUN' | 'CANCEL' = 'RUN') =>
  makeDag(state, [makeNode('Step', state === 'SUCCEED' ? 'SUCCEED' : 'FAILED')], {
    name: 'Synthetic DAG',
    operator,
  });

describe('allowedActions', () => {
  it('a failed check step: retry, roll back, pass; never cancel (obshell refuses it once FAILED)', () => {
    expect(allowedActions(config('FAILED', 'Check backup config'))).toEqual([
      'RETRY',
      'ROLLBACK',
      'PASS',
    ]);
  });

  it('a failed "Set backup config": retry or pass only (it cannot be rolled back)', () => {
    expect(allowedActions(config('FAILED', 'Set backup config'))).toEqual(['RETRY', 'PASS']);
  });

  it('a cancelled DAG (FAILED + CANCEL) is not final: it can still be retried or passed', () => {
    const cancelled = { ...config('FAILED', 'Set backup config'), operator: 'CANCEL' as const };
    expect(allowedActions(cancelled)).toEqual(['RETRY', 'PASS']);
    expect(allowedActions(synthetic('FAILED', 'CANCEL'))).toEqual(['RETRY', 'ROLLBACK', 'PASS']);
  });

  it.each(['RUNNING', 'READY'] as const)('offers only CANCEL while %s', (state) => {
    expect(allowedActions(synthetic(state))).toEqual(['CANCEL']);
  });

  it('offers nothing while PENDING or once a cancel is under way', () => {
    expect(allowedActions(synthetic('PENDING'))).toEqual([]);
    expect(allowedActions(synthetic('RUNNING', 'CANCEL'))).toEqual([]);
    expect(allowedActions(synthetic('READY', 'CANCEL'))).toEqual([]);
  });

  it.each(['RUN', 'PASS', 'ROLLBACK'] as const)('offers nothing for SUCCEED + %s', (operator) => {
    expect(allowedActions({ ...synthetic('SUCCEED'), operator })).toEqual([]);
  });
});

describe('what PASS does', () => {
  it('names the effect for the DAG at hand', () => {
    expect(passEffectBefore(config('FAILED', 'Check backup config'))).toEqual({
      kind: 'nothing',
      step: 'Check backup config',
    });
    expect(passEffectBefore(config('FAILED', 'Set backup config'))).toEqual({
      kind: 'partial',
      step: 'Set backup config',
    });
    expect(passEffectBefore(synthetic('FAILED'))).toEqual({ kind: 'generic', step: 'Step' });
  });

  it('after PASS, the first passed step is the one that had failed', () => {
    const passed = makeDag(
      'SUCCEED',
      [
        makeNode('Check backup config', 'SUCCEED'),
        makeNode('Set backup config', 'SUCCEED', 'PASS'),
      ],
      { operator: 'PASS' },
    );
    expect(passEffectAfter(passed)).toEqual({ kind: 'partial', step: 'Set backup config' });
  });
});
