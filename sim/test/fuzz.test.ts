import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type SimulatorHandle } from '../start';
import { TestClient } from './support/test-client';

/** Whatever arrives, the answer is an obshell envelope with a deliberate status — never a crash. */
let sim: SimulatorHandle;
let client: TestClient;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, rootPassword: 'pw', timeScale: 1000 });
  client = new TestClient(sim.url, 'pw');
  await client.refreshKey();
});
afterAll(() => sim.close());

const INTERNAL = 'Unexpected error: internal simulator error';

describe('fuzzing over HTTP', () => {
  it('any JSON body on PATCH backup config → 200 or 400, never an internal error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.json(),
          fc
            .record(
              {
                backup_base_uri: fc.oneof(
                  fc.string(),
                  fc.constantFrom('file:///x', 's3://b?host=h'),
                ),
                log_archive_concurrency: fc.oneof(
                  fc.integer({ min: -5, max: 105 }),
                  fc.double(),
                  fc.string(),
                ),
                ha_low_thread_score: fc.oneof(fc.integer({ min: -5, max: 105 }), fc.constant(null)),
                binding: fc.oneof(fc.string(), fc.constantFrom('optional', 'MANDATORY')),
                piece_switch_interval: fc.oneof(fc.string(), fc.constantFrom('1d', '7d', '8d')),
                archive_lag_target: fc.oneof(fc.string(), fc.constantFrom('1m', '2h', '0s')),
                delete_policy: fc.oneof(
                  fc.object(),
                  fc.record({ policy: fc.string(), recovery_window: fc.string() }),
                ),
              },
              { requiredKeys: [] },
            )
            .map((body) => JSON.stringify(body)),
        ),
        async (text) => {
          const reply = await client.call('PATCH', '/api/v1/obcluster/backup/config', {
            bodyText: text,
          });
          expect([200, 400]).toContain(reply.status);
          expect(reply.envelope.status).toBe(reply.status);
          if (reply.status === 400)
            expect(reply.envelope.error?.errCode).toMatch(/^[A-Z][A-Za-z]*(\.[A-Za-z0-9]+)+$/);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('any X-OCS-Header string → 400/401 envelope', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary-ascii', maxLength: 600 }), async (header) => {
        // fetch itself refuses control characters in headers (the raw-socket test covers bytes).
        const safe = header.replace(/[^\x21-\x7e]/g, '');
        const reply = await client.call('GET', '/api/v1/obcluster/info', { rawHeader: safe });
        expect([400, 401]).toContain(reply.status);
        expect(reply.envelope.error?.message).not.toBe(INTERNAL);
      }),
      { numRuns: 150 },
    );
  });

  it('any path under /api/v1 → an envelope, never an internal error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.stringMatching(/^[A-Za-z0-9_%.~-]{0,12}$/), { minLength: 1, maxLength: 5 }),
        async (segments) => {
          const path = `/api/v1/${segments.join('/')}`;
          const reply = await client.call('GET', path);
          expect(reply.envelope.error?.message ?? '').not.toBe(INTERNAL);
          expect(reply.status).toBe(reply.envelope.status);
        },
      ),
      { numRuns: 150 },
    );
  });
});
