import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ObshellError, unwrapEnvelope } from './envelope';

function failure(errCode: string, status: number) {
  return {
    successful: false,
    status,
    traceId: 't1',
    error: { errCode, message: `message of ${errCode}` },
  };
}

function thrown(body: unknown, httpStatus: number): ObshellError {
  try {
    unwrapEnvelope(httpStatus, body, z.unknown());
  } catch (error) {
    if (error instanceof ObshellError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('unwrapEnvelope', () => {
  it("keeps obshell's own refusals as server errors", () => {
    const error = thrown(failure('Common.IllegalArgument', 400), 400);
    expect(error.kind).toBe('server');
    expect(error.errCode).toBe('Common.IllegalArgument');
  });

  it("reads the production server's proxy answers as network failures and timeouts", () => {
    const unreachable = thrown(failure('Proxy.Unreachable', 502), 502);
    expect(unreachable.kind).toBe('network');
    expect(unreachable.message).toBe('message of Proxy.Unreachable');
    expect(unreachable.traceId).toBe('t1');
    expect(thrown(failure('Proxy.Timeout', 504), 504).kind).toBe('timeout');
    // Not every Proxy.* code is a network failure: an unknown cluster path is a real refusal.
    expect(thrown(failure('Proxy.NoSuchCluster', 404), 404).kind).toBe('server');
  });

  it('an answer that is not an envelope is a bad response', () => {
    expect(thrown('<html>', 502).kind).toBe('bad-response');
  });
});
