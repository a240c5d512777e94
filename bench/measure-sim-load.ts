import { existsSync } from 'node:fs';
import { z } from 'zod';
import { failed, notBuilt, type Figure } from './figures';
import { round } from './stats';

const P50 = { id: 'sim.p50', label: 'simulator p50 (200 clients × 1 Hz)' };
const P99 = { id: 'sim.p99', label: 'simulator p99 (200 clients × 1 Hz)' };
const ERRORS = { id: 'sim.errors', label: 'simulator errors under load' };

const loadResultSchema = z.object({
  p50Ms: z.number(),
  p99Ms: z.number(),
  errors: z.number(),
  requests: z.number(),
});

/**
 * The simulator's own load driver (bench/sim-load.ts, owned by the simulator engineer), run with
 * the figures: 200 clients polling at 1 Hz for 30 s. Loaded by path so the bench keeps
 * working (with "n/a") before that file exists.
 */
export async function measureSimLoad(clients: number, seconds: number): Promise<Figure[]> {
  const file = new URL('./sim-load.ts', import.meta.url);
  if (!existsSync(file)) {
    return [
      notBuilt(P50.id, P50.label, 'ms', 'bench/sim-load.ts'),
      notBuilt(P99.id, P99.label, 'ms', 'bench/sim-load.ts', 50),
      notBuilt(ERRORS.id, ERRORS.label, 'errors', 'bench/sim-load.ts', 0),
    ];
  }
  try {
    const module = (await import(file.href)) as {
      runSimLoad?: (options: { clients: number; seconds: number }) => Promise<unknown>;
    };
    if (typeof module.runSimLoad !== 'function')
      throw new Error('sim-load.ts exports no runSimLoad');
    const result = loadResultSchema.parse(await module.runSimLoad({ clients, seconds }));
    const note = `${result.requests} requests, ${clients} clients, ${seconds} s`;
    return [
      { ...P50, unit: 'ms', value: round(result.p50Ms, 2), note },
      { ...P99, unit: 'ms', value: round(result.p99Ms, 2), budget: 50, note },
      { ...ERRORS, unit: 'errors', value: result.errors, budget: 0, note },
    ];
  } catch (error) {
    return [
      failed(P50.id, P50.label, 'ms', error),
      failed(P99.id, P99.label, 'ms', error, 50),
      failed(ERRORS.id, ERRORS.label, 'errors', error, 0),
    ];
  }
}
