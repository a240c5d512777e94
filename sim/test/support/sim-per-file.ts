import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startSimulator, type SimulatorHandle } from '../../start';
import { control, TestClient } from './test-client';

export interface SimPerFile {
  /** The running simulator (only inside tests and hooks). */
  readonly sim: SimulatorHandle;
  /** A contract-level client signed with the file's root password. */
  readonly client: TestClient;
}

/**
 * One simulator for a whole test file, reset before every test with `resetWith` (for instance
 * `{clock: 'manual'}`), closed after the last. The handle and client exist only once the file's
 * tests run, hence getters rather than values.
 */
export function simPerFile(password: string, resetWith: Record<string, unknown>): SimPerFile {
  let sim: SimulatorHandle | undefined;
  let client: TestClient | undefined;
  const started = () => {
    if (!sim || !client) throw new Error('the simulator starts in beforeAll: use it inside a test');
    return { sim, client };
  };
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, rootPassword: password });
    client = new TestClient(sim.url, password);
  });
  afterAll(() => sim?.close());
  beforeEach(async () => {
    await control(started().sim.url, 'POST', 'reset', { rootPassword: password, ...resetWith });
  });
  return {
    get sim() {
      return started().sim;
    },
    get client() {
      return started().client;
    },
  };
}
