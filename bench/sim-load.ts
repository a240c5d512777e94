/**
 * Load benchmark of the obshell simulator: N clients each poll one running DAG
 * (`GET /api/v1/task/dag/:id?show_details=true`, fully signed: RSA header + AES keys) once a
 * second for S seconds, like N dashboards watching a config change. Prints p50/p99 latency and
 * errors. The simulator runs in a child process so the clients' own crypto does not queue on the
 * server's event loop.
 *
 *   npx tsx bench/sim-load.ts [--clients 200] [--seconds 30]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { TestClient } from '../sim/test/support/test-client';
import { startChildSimulator } from './child-simulator';

export interface SimLoadOptions {
  clients: number;
  seconds: number;
  /** Poll an already running simulator instead of starting one (its root password: `password`). */
  url?: string;
  password?: string;
}

export interface SimLoadResult {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  requests: number;
  /**
   * CPU the simulator process spent per polled request (Linux /proc; undefined elsewhere or with
   * `url`). Unlike latency it does not depend on how busy the machine is.
   */
  serverCpuMsPerRequest?: number | undefined;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PASSWORD = 'bench-root-pw';

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? NaN;
}

/** utime + stime of a process in ms, from /proc/<pid>/stat (clock ticks of 10 ms). */
function cpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

async function untilRunning(client: TestClient, uri: string): Promise<void> {
  const until = Date.now() + 10_000;
  while (Date.now() < until) {
    const reply = await client.call<{ state: string }>('GET', uri);
    if (reply.data.state === 'RUNNING') return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the polled DAG never started running');
}

export async function runSimLoad(options: SimLoadOptions): Promise<SimLoadResult> {
  const started = options.url ? undefined : await startChildSimulator(root, PASSWORD);
  const url = options.url ?? started?.url ?? '';
  const password = options.url ? (options.password ?? '') : PASSWORD;
  try {
    const setup = new TestClient(url, password);
    const created = await setup.call<{ id: string }>('PATCH', '/api/v1/obcluster/backup/config', {
      body: { log_archive_concurrency: 4, ha_low_thread_score: 8 },
    });
    if (created.status !== 200) throw new Error(`cannot create a DAG: HTTP ${created.status}`);
    const dagUri = `/api/v1/task/dag/${created.data.id}?show_details=true`;
    await untilRunning(setup, dagUri);
    if (started) {
      // Manual clock from now on: the polled DAG stays RUNNING for the whole run.
      await fetch(`${url}/__sim/clock-mode`, { method: 'POST', body: '{"mode":"manual"}' });
    }
    const clients = Array.from({ length: options.clients }, () => new TestClient(url, password));
    await Promise.all(clients.map((client) => client.refreshKey()));

    const latencies: number[] = [];
    const cpuBefore = cpuMs(started?.pid);
    let errors = 0;
    const deadline = Date.now() + options.seconds * 1000;
    await Promise.all(
      clients.map(async (client, index) => {
        // Spread the clients over the first second, then tick at 1 Hz.
        let next = Date.now() + (index / options.clients) * 1000;
        while (next < deadline) {
          await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - Date.now())));
          const t0 = performance.now();
          try {
            const reply = await client.call<{ state: string }>('GET', dagUri);
            if (reply.status !== 200 || typeof reply.data.state !== 'string') errors++;
          } catch {
            errors++;
          }
          latencies.push(performance.now() - t0);
          next += 1000;
        }
      }),
    );
    latencies.sort((a, b) => a - b);
    const cpuAfter = cpuMs(started?.pid);
    const serverCpuMsPerRequest =
      cpuBefore !== undefined && cpuAfter !== undefined && latencies.length > 0
        ? (cpuAfter - cpuBefore) / latencies.length
        : undefined;
    return {
      serverCpuMsPerRequest,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      maxMs: latencies.at(-1) ?? NaN,
      errors,
      requests: latencies.length,
    };
  } finally {
    await started?.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      clients: { type: 'string', default: '200' },
      seconds: { type: 'string', default: '30' },
    },
  });
  const clients = Number(values.clients);
  const seconds = Number(values.seconds);
  if (!Number.isInteger(clients) || clients < 1 || !(seconds > 0)) {
    console.error('sim-load: --clients must be a positive integer and --seconds a positive number');
    process.exit(2);
  }
  const result = await runSimLoad({ clients, seconds });
  const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
  console.log(
    `sim load: ${clients} clients × 1 Hz × ${seconds} s → ${result.requests} requests, ` +
      `p50 ${fmt(result.p50Ms)}, p99 ${fmt(result.p99Ms)}, max ${fmt(result.maxMs)}, errors ${result.errors}` +
      (result.serverCpuMsPerRequest === undefined
        ? ''
        : `; simulator CPU ${result.serverCpuMsPerRequest.toFixed(2)} ms/request`),
  );
}
