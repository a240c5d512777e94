import { test as base, expect } from '@playwright/test';
import path from 'node:path';
import { createLogger, createServer, type ViteDevServer } from 'vite';
import { startSimulator, type SimulatorHandle } from '../sim/start';
import {
  callSimControl,
  simClock,
  type RunUntilSpec,
  type SimStepAnswer,
} from '../sim/control-client';

export const ROOT_PASSWORD = 'e2e-root-pw';

/** A host name Chromium resolves to 127.0.0.1 (see playwright.config.ts): a non-secure origin. */
export const INSECURE_HOST = 'obshell-dash.test';

export interface Stack {
  sim: SimulatorHandle;
  /** The dashboard, served by Vite's dev server with `/api` proxied to `sim`. */
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

/**
 * Vite's logger at "warn", minus proxy errors: fault-injection tests drop connections on purpose,
 * and a stack trace per dropped request would bury real failures in the output.
 */
function quietLogger() {
  const logger = createLogger('warn');
  const error = logger.error.bind(logger);
  logger.error = (message, options) => {
    if (!message.includes('http proxy error')) error(message, options);
  };
  return logger;
}

export const test = base.extend<{ simControl: SimControl }, { stack: Stack }>({
  stack: [
    async ({}, use, workerInfo) => {
      const sim = await startSimulator({ port: 0, rootPassword: ROOT_PASSWORD });
      process.env.OBSHELL_URL = sim.url;
      const server: ViteDevServer = await createServer({
        configFile: path.resolve('vite.config.ts'),
        // parallelIndex, not workerIndex: a worker restarted after a failure reuses its
        // predecessor's pre-bundled deps instead of optimizing from scratch.
        cacheDir: path.resolve(`node_modules/.vite-e2e-${workerInfo.parallelIndex}`),
        server: {
          port: 0,
          host: '127.0.0.1',
          strictPort: false,
          // The non-secure-origin test opens the app as http://obshell-dash.test:<port>/ (mapped
          // to 127.0.0.1 by Chromium's --host-resolver-rules); Vite refuses unknown Host headers.
          allowedHosts: [INSECURE_HOST],
          hmr: false,
        },
        customLogger: quietLogger(),
      });
      await server.listen();
      const address = server.httpServer?.address();
      if (!address || typeof address === 'string') throw new Error('vite did not listen');
      const appUrl = `http://127.0.0.1:${address.port}`;
      // Warm up: transform the entry and pre-bundle dependencies before the first test's page
      // load, so its timeouts measure the app, not Vite's first compile.
      await fetch(`${appUrl}/`).then((response) => response.text());
      await server.warmupRequest('/src/main.tsx');
      await use({ sim, appUrl, appPort: address.port });
      await server.close();
      await sim.close();
    },
    { scope: 'worker', timeout: 120_000 },
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

export { expect };
