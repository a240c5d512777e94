import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { publicKeyPem } from './lib/crypto';
import {
  formatZodIssues,
  simulatorOptionsSchema,
  type SimulatorInput,
  type SimulatorOptions,
} from './lib/options';
import { createHandler, installClientErrorHandler } from './lib/server';
import { SimState } from './lib/sim-state';

export type { SimulatorOptions, SimulatorInput };

export interface SimulatorHandle {
  /** http://host:port — what a client (or Vite's proxy) points at. */
  url: string;
  host: string;
  port: number;
  close(): Promise<void>;
  /**
   * Test-only escape hatches (openssl interop). Not reachable over HTTP; obshell never reveals
   * its private key.
   */
  debug: {
    privateKeyPem(): string;
    publicKeyPem(): string;
  };
}

/**
 * Starts an obshell 4.5 simulator (see sim/README.md). Importing this module has no side effects;
 * nothing listens until this is called.
 */
export async function startSimulator(
  options: Partial<SimulatorOptions> = {},
): Promise<SimulatorHandle> {
  const parsed = simulatorOptionsSchema.safeParse(options);
  if (!parsed.success)
    throw new Error(`Invalid simulator options: ${formatZodIssues(parsed.error)}`);
  const initial = parsed.data;
  const sim = new SimState(initial);
  const handler = createHandler(sim, initial);
  const server = createServer({ maxHeaderSize: 64 * 1024 }, (req, res) => {
    void handler(req, res);
  });
  installClientErrorHandler(server, sim);
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(initial.port, initial.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closed: Promise<void> | undefined;
  return {
    url: `http://${hostForUrl}:${address.port}`,
    host: address.address,
    port: address.port,
    close() {
      closed ??= new Promise<void>((resolve) => {
        sim.engine.stop();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
    debug: {
      privateKeyPem: () => sim.key.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
      publicKeyPem: () => publicKeyPem(sim.key),
    },
  };
}
