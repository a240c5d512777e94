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
  it('masks an access_key that obshell echoes in its message', () => {
    const server = new ObshellError({
      kind: 'server',
      status: 400,
      message: "Invalid storage URI 'oss://b/p?host=h&access_id=i&access_key=SECRET'",
    });
    const reason = failureReason(server, taskMessages.en);
    // The rest of the line goes too: a key may hold a quote or a space.
    expect(reason).toBe(
      "HTTP 400: Invalid storage URI 'oss://b/p?host=h&access_id=i&access_key=******",
    );
    expect(failureReason(new Error('access_key=SECRET'), taskMessages.en)).toBe(
      'access_key=******',
    );
  });
});
