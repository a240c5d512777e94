import { describe, expect, it } from 'vitest';
import { ObshellError } from '../../../lib/obshell/envelope';
import { taskMessages } from '../messages';
import { failureReason } from './failure-reason';

describe('failureReason', () => {
  it('localizes what our client says in English', () => {
    const network = new ObshellError({
      kind: 'network',
      status: 0,
      message: 'Cannot reach obshell (network error)',
    });
    expect(failureReason(network, taskMessages.zh)).toBe('无法连接 obshell');
    expect(failureReason(network, taskMessages.en)).toBe('obshell unreachable');
  });
  it("keeps obshell's own (already localized) message with the status", () => {
    const server = new ObshellError({ kind: 'server', status: 500, message: '集群处于运维状态中' });
    expect(failureReason(server, taskMessages.zh)).toBe('HTTP 500: 集群处于运维状态中');
  });
});
