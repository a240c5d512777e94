import { test as base, expect } from '@playwright/test';
import { startSimulator, type SimulatorHandle } from '../sim/start';
import { INSECURE_HOST, startDevApp, startProductionApp } from './support/app-servers';
import {
  callSimControl,
  simClock,
  type RunUntilSpec,
  type SimStepAnswer,
} from '../sim/control-client';

export const ROOT_PASSWORD = 'e2e-root-pw';

export { INSECURE_HOST };

export interface Stack {
  sim: SimulatorHandle;
  /** The dashboard (production build or Vite's dev server) with `/api` proxied to `sim`. */
  appUrl: string;
  appPort: number;
}

/** Talks to the simulator's loopback-only control API (`/__sim/...`). */
export class SimControl {
  constructor(private readonly simUrl: string) {}

  call<T = unknown>(method: 'GET' | 'POST', route: string, body?: unknown): Promise<T> {
    return callSimControl<T>(this.simUrl, method, route, body);
  }

  reset(options: Record<string, unknown> = {}) {
    return this.call('POST', 'reset', { rootPassword: ROOT_PASSWORD, ...options });
  }

  /**
   * Manual clock: every DAG step waits until the test releases it, so a spec pins a DAG in the
   * state it needs (TEAM.md) instead of racing the simulator's wall clock.
   */
  manualClock() {
    return simClock.mode(this.simUrl, 'manual');
  }

  /** Releases the next `count` pending DAG steps and waits until the engine settled. */
  step(count = 1): Promise<SimStepAnswer> {
    return simClock.step(this.simUrl, count);
  }

  /** Steps until the DAG (default: newest) or its named node is in `state`; throws on 409. */
  runUntil(spec: RunUntilSpec): Promise<SimStepAnswer> {
    return simClock.runUntil(this.simUrl, spec);
  }

  /** Puts the cluster in a state a test needs (tenant status, archive state, degraded info). */
  scenario(body: Record<string, unknown>) {
    return this.call('POST', 'scenario', body);
  }
}

type AppKind = 'production' | 'dev';

function withStack(kind: AppKind) {
  return base.extend<{ simControl: SimControl }, { stack: Stack }>({
    stack: [
      async ({}, use, workerInfo) => {
        const sim = await startSimulator({ port: 0, rootPassword: ROOT_PASSWORD });
        const app =
          kind === 'production'
            ? await startProductionApp(sim.url)
            : await startDevApp(sim.url, workerInfo.parallelIndex);
        await use({ sim, appUrl: app.appUrl, appPort: app.appPort });
        await app.close();
        await sim.close();
      },
      // The first worker of a run builds the app (about a minute on a busy 2-core machine).
      { scope: 'worker', timeout: 240_000 },
    ],
    simControl: [
      async ({ stack }, use) => {
        const control = new SimControl(stack.sim.url);
        await control.reset();
        await use(control);
      },
      { auto: true },
    ],
    baseURL: async ({ stack }, use) => {
      await use(stack.appUrl);
    },
  });
}

/** The production build behind the production server (what users run), proxying to a simulator. */
export const test = withStack('production');

/** `npm run dev` (Vite's dev server and its `/api` proxy), for the specs about that path. */
export const devTest = withStack('dev');

export { expect };
