import { describe, expect, it } from 'vitest';
import { allSettled, archivePollMs, explainArchive } from './archive-state';

describe('explainArchive', () => {
  it('reads the listed rounds first', () => {
    expect(explainArchive({ rounds: ['DOING'], hasCheckpoint: true })).toBe('doing');
    expect(explainArchive({ rounds: ['beginning'] })).toBe('starting');
    expect(explainArchive({ rounds: ['PREPARE'] })).toBe('starting');
    expect(explainArchive({ rounds: ['STOPPING'] })).toBe('stopping');
    expect(explainArchive({ rounds: ['SUSPEND'] })).toBe('suspended');
  });

  it('tells "switched off" from "never archived" by the checkpoint in backup/info', () => {
    expect(explainArchive({ rounds: [], hasCheckpoint: true })).toBe('off');
    expect(explainArchive({ rounds: [], hasCheckpoint: false })).toBe('never');
    expect(explainArchive({ rounds: [] })).toBe('unknown');
    expect(explainArchive({})).toBe('unknown');
  });

  it('INTERRUPTED comes from the switch’s answer, whatever the reads say', () => {
    expect(explainArchive({ rounds: [], hasCheckpoint: true, interrupted: true })).toBe(
      'interrupted',
    );
  });
});

describe('following tenants after the switch', () => {
  it('follows off and starting tenants until DOING; never-archived and INTERRUPTED need no wait', () => {
    expect(archivePollMs('off', true)).toBe(2_000);
    expect(archivePollMs('starting', true)).toBe(2_000);
    expect(archivePollMs('doing', true)).toBe(false);
    expect(archivePollMs('never', true)).toBe(false);
    expect(archivePollMs('interrupted', true)).toBe(false);
    expect(allSettled(['doing', 'never', 'interrupted'], true)).toBe(true);
    expect(allSettled(['doing', 'starting'], true)).toBe(false);
  });

  it('before the switch, shows the state live but slowly', () => {
    expect(archivePollMs('off', false)).toBe(15_000);
    expect(archivePollMs('stopping', false)).toBe(2_000);
    expect(allSettled(['off', 'never'], false)).toBe(true);
  });
});
