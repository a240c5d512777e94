import { describe, expect, it } from 'vitest';
import { classifyUnauthorized, redactSecrets, refusedPassword } from './auth-errors';
import { ObshellError } from './envelope';

const unauthorized = (errCode: string | undefined, message: string, code = 10008) =>
  new ObshellError({ kind: 'server', status: 401, errCode, code, message });

describe('classifyUnauthorized', () => {
  it.each([
    ['Security.Authentication.Header.DecryptFailed', 'Unauthorized: decrypt header failed', 'key'],
    ['Security.Authentication.Expired', 'Unauthorized: request expired', 'expired'],
    ['Security.Authentication.IncorrectOceanbasePassword', 'Unauthorized: x', 'password'],
    ['Security.Authentication.IncorrectAgentPassword', 'Unauthorized: x', 'password'],
    ['Security.Authentication.Header.UriMismatch', 'Unauthorized: uri mismatch', 'request'],
    [undefined, 'Verification failed: incorrect root@sys password', 'password'],
    [undefined, '未授权：root@sys 密码错误', 'password'],
    [undefined, 'Unauthorized', 'unknown'],
  ] as const)('%s / %s → %s', (errCode, message, reason) => {
    expect(classifyUnauthorized(unauthorized(errCode, message))).toBe(reason);
  });

  it('treats the legacy code 1 as a decrypt failure', () => {
    expect(classifyUnauthorized(unauthorized(undefined, 'Unauthorized', 1))).toBe('key');
  });
});

describe('refusedPassword', () => {
  it('tells the root@sys and the agent password apart', () => {
    expect(
      refusedPassword(unauthorized('Security.Authentication.IncorrectOceanbasePassword', 'x')),
    ).toBe('root');
    expect(
      refusedPassword(unauthorized('Security.Authentication.IncorrectAgentPassword', 'x')),
    ).toBe('agent');
    expect(refusedPassword(unauthorized(undefined, 'Unauthorized'))).toBe('either');
    expect(
      refusedPassword(new ObshellError({ kind: 'network', status: 0, message: 'down' })),
    ).toBeNull();
    expect(
      refusedPassword(new ObshellError({ kind: 'locked', status: 401, message: 'Locked' })),
    ).toBeNull();
  });
});

describe('redactSecrets', () => {
  it('masks a password that an error text happens to contain', () => {
    const error = new ObshellError({
      kind: 'server',
      status: 400,
      message: 'bad value "hunter22" near hunter22',
      errCode: 'X',
      subErrors: [{ message: 'hunter22' }],
    });
    const redacted = redactSecrets(error, { rootPassword: 'hunter22' });
    expect(redacted).toBeInstanceOf(ObshellError);
    expect(
      JSON.stringify({
        m: (redacted as ObshellError).message,
        s: (redacted as ObshellError).subErrors,
      }),
    ).not.toContain('hunter22');
    expect((redacted as ObshellError).errCode).toBe('X');
  });

  it('leaves errors without secrets untouched', () => {
    const error = new ObshellError({ kind: 'server', status: 400, message: 'fine' });
    expect(redactSecrets(error, { rootPassword: 'hunter22' })).toBe(error);
  });
});
