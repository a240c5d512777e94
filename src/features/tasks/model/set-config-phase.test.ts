import { describe, expect, it } from 'vitest';
import { currentSetConfigPhase } from './set-config-phase';

describe('currentSetConfigPhase', () => {
  it.each([
    ['Close archive log for t(1002)', 'closeArchive', 't(1002)'],
    ["Wait for t(1002) archive log to be 'STOP'", 'closeArchive', 't(1002)'],
    ['Archive log has been closed for t(1002)', 'closeArchive', 't(1002)'],
    ["Set log archive concurrency to '4' for t(1002)", 'concurrency', 't(1002)'],
    ['Set log archive dest binding to MANDATORY', 'archiveDest', undefined],
    ['Set log archive dest piece switch interval to 24h', 'archiveDest', undefined],
    ["URI is 'oss://b/k/1/1002/clog?host=h'", 'archiveDest', undefined],
    ['Set log archive dest for t(1002)', 'archiveDest', 't(1002)'],
    ['Set archive lag target to 1m', 'lagTarget', undefined],
    ['Wait t(1002) backup finish', 'waitBackup', 't(1002)'],
    ['t(1002) backup finished', 'waitBackup', 't(1002)'],
    ['Set data backup dest for t(1002)', 'dataDest', 't(1002)'],
    ['Set ha low thread score for t(1002) to 8', 'haScore', 't(1002)'],
    ["Drop delete policy 'default' for t(1002)", 'deletePolicy', 't(1002)'],
    ["Set delete policy to 'default' for t(1002)", 'deletePolicy', 't(1002)'],
  ])('%s → %s', (line, phase, tenant) => {
    expect(currentSetConfigPhase(['start', line])).toEqual(tenant ? { phase, tenant } : { phase });
  });

  it('the last line that names a phase wins, also after a RETRY re-ran from phase 1', () => {
    const lines = [
      'Set log archive dest for t(1002)',
      'ERROR: [X]: boom',
      // run 2
      'Close archive log for t(1002)',
      'some unrelated line',
    ];
    expect(currentSetConfigPhase(lines)).toEqual({ phase: 'closeArchive', tenant: 't(1002)' });
  });

  it('looks past a time/level prefix and says nothing without a phase line', () => {
    expect(
      currentSetConfigPhase(['2026-12-03 10:00:00 INFO Set data backup dest for t(1004)']),
    ).toEqual({
      phase: 'dataDest',
      tenant: 't(1004)',
    });
    expect(currentSetConfigPhase([])).toBeUndefined();
    expect(currentSetConfigPhase(['start sub task'])).toBeUndefined();
  });
});
