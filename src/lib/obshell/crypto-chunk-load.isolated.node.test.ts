import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ChunkLoadError, isChunkLoadError } from '../chunk-load';
import { createObshellClient } from './client';
import { ObshellError } from './envelope';

// The crypto code (node-forge) is a lazy chunk. When it cannot be fetched (dashboard redeployed,
// network gone) the failure is ours: it must not read as "obshell sent a public key that cannot
// be read".
vi.mock('node-forge', () => {
  throw new TypeError('Failed to fetch dynamically imported module: /assets/forge-123.js');
});

const secretEnvelope = JSON.stringify({
  successful: true,
  status: 200,
  timestamp: new Date().toISOString(),
  data: { public_key: 'MIIBCgKCAQEA' },
});

function clientWithSecret() {
  const fetchImpl = vi.fn(() => Promise.resolve(new Response(secretEnvelope, { status: 200 })));
  return createObshellClient({
    apiBase: 'http://obshell.invalid',
    getCredentials: () => ({ rootPassword: 'pw' }),
    getLocale: () => 'en',
    fetchImpl,
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a crypto chunk that fails to load', () => {
  it('is reported as a chunk-load failure, not as an obshell key error', async () => {
    const client = clientWithSecret();
    const result = client.request({
      method: 'GET',
      path: '/api/v1/obcluster/info',
      schema: z.unknown(),
    });
    const error: unknown = await result.then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(ChunkLoadError);
    expect(error).not.toBeInstanceOf(ObshellError);
    expect(isChunkLoadError(error)).toBe(true);
  });
});
