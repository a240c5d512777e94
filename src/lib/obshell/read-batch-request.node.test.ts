import { describe, expect, it } from 'vitest';
import { READ_BATCH_MAX } from './read-batch-limits';
import { readBatchRequestSchema } from './read-batch-request';

const batchOf = (uri: string) => ({ reads: [{ uri, auth: 'signed' }] });
const refusal = (body: unknown) =>
  readBatchRequestSchema.safeParse(body).error?.issues.map((issue) => issue.message);

describe('readBatchRequestSchema', () => {
  it.each([
    '/api/v1/obcluster/info',
    '/api/v1/tenant/t1/parameters?filter=%25a%25',
    '/api/v1/a..b',
  ])('accepts the obshell read %s', (uri) => {
    expect(readBatchRequestSchema.safeParse(batchOf(uri)).success).toBe(true);
  });

  it.each([
    ['/__sim/reset', 'starting with /api/'],
    ['/api/v1/has space', 'starting with /api/'],
    ['/api/../__sim/reset', '".." path segments'],
    ['/api/v1/./info', '".." path segments'],
    ['/api/%2E%2e/__sim/reset', '".." path segments'],
  ])('refuses %s (%s)', (uri, reason) => {
    expect(refusal(batchOf(uri))?.join(' ')).toContain(reason);
  });

  it('refuses an empty batch, one over the limit, extra keys and a concurrency above 4', () => {
    const read = { uri: '/api/v1/x', auth: 'a' };
    expect(refusal({ reads: [] })).toBeDefined();
    expect(refusal({ reads: Array(READ_BATCH_MAX + 1).fill(read) })).toBeDefined();
    expect(refusal({ reads: [{ ...read, method: 'PATCH' }] })).toBeDefined();
    expect(refusal({ reads: [read], concurrency: 5 })).toBeDefined();
    expect(refusal({ reads: [read], concurrency: 4 })).toBeUndefined();
  });
});
