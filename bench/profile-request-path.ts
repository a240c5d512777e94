/**
 * Where one signed read's time and CPU go outside the browser (a diagnosis aid, not a figure):
 * `flock /tmp/heavy.lock npx tsx bench/profile-request-path.ts [requests]` starts the simulator
 * (its own process, 200 tenants) and the production server (in this process, as the bench does),
 * then sends the status page's per-tenant reads — signed like the app signs them — at 4 in flight,
 * first straight to the simulator, then through the production server's proxy. Prints wall time,
 * latency, and CPU per request of the simulator and of this process; the difference between the
 * two passes in this process is the proxy's own cost. NODE_PROFILE_OUT=file writes this
 * process's CPU profile of the proxied pass.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { Agent, request } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { callSimControl } from '../sim/control-client';
import { encryptHeaderJson, pkcs1PublicKey } from '../sim/test/support/test-client';
import { startChildSimulator } from './child-simulator';
import { largest, selfTime, type CpuProfile } from './cpu-profile';
import { processCpuMs } from './proc-cpu';
import { BENCH_ROOT_PASSWORD, serveBuild } from './stack';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync as write } from 'node:fs';
import { tmpdir } from 'node:os';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TENANTS = 200;
const IN_FLIGHT = 4;

function uris(count: number): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) {
    const name = `tenant_${String((i % TENANTS) + 1).padStart(4, '0')}`;
    out.push(`/api/v1/tenant/${name}/backup/log/tasks`);
    out.push(`/api/v1/tenant/${name}/backup/config/storage`);
    out.push(`/api/v1/tenant/${name}/parameters?filter=%25a%25r%25e%25%5C_%25e%25`);
  }
  return out.slice(0, count);
}

function get(agent: Agent, base: URL, uri: string, headers: Record<string, string>) {
  return new Promise<number>((resolve, reject) => {
    const req = request(
      {
        host: base.hostname,
        port: base.port,
        path: `${base.pathname.replace(/\/$/, '')}${uri}`,
        agent,
        headers,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function pass(base: URL, signed: { uri: string; header: string }[], simPid: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const simBefore = processCpuMs(simPid) ?? 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < signed.length) {
        const item = signed[next++];
        if (!item) break;
        const t0 = performance.now();
        const status = await get(agent, base, item.uri, {
          'X-OCS-Header': item.header,
          'Accept-Language': 'en-US',
        });
        if (status !== 200) failures++;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const simCpu = (processCpuMs(simPid) ?? 0) - simBefore;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const n = signed.length;
  return {
    wall,
    failures,
    p50: latencies[Math.floor(n / 2)] ?? 0,
    nodeMsPerRequest: (used.user + used.system) / 1000 / n,
    simMsPerRequest: simCpu / n,
  };
}

async function main() {
  const count = Number(process.argv[2] ?? 600);
  const sim = await startChildSimulator(root, BENCH_ROOT_PASSWORD);
  const dist = mkdtempSync(path.join(tmpdir(), 'obdash-reqpath-'));
  write(
    path.join(dist, 'index.html'),
    '<!doctype html><html><head><title>probe</title></head><body></body></html>',
  );
  let served: Awaited<ReturnType<typeof serveBuild>> | undefined;
  try {
    served = await serveBuild(root, dist, sim.url);
    await callSimControl(sim.url, 'POST', 'reset', {
      rootPassword: BENCH_ROOT_PASSWORD,
      tenantCount: TENANTS,
    });
    const secret = (await (await fetch(`${sim.url}/api/v1/secret`)).json()) as {
      data: { public_key: string };
    };
    const key = pkcs1PublicKey(secret.data.public_key);
    const sign = () =>
      uris(count).map((uri) => ({
        uri,
        header: encryptHeaderJson(
          key,
          JSON.stringify({
            auth: BENCH_ROOT_PASSWORD,
            ts: String(Math.floor(Date.now() / 1000) + 120),
            uri,
            keys: randomBytes(32).toString('base64'),
          }),
        ),
      }));
    const simPid = sim.pid ?? -1;
    // Warm-up: JIT, pooled connections.
    await pass(new URL(sim.url), sign().slice(0, 60), simPid);
    await pass(new URL(served.url), sign().slice(0, 60), simPid);
    const fmt = (label: string, r: Awaited<ReturnType<typeof pass>>) =>
      `${label}: ${count} reads in ${r.wall.toFixed(0)} ms (${(r.wall / count).toFixed(2)} ms/read), p50 ${r.p50.toFixed(2)} ms, CPU/read: simulator ${r.simMsPerRequest.toFixed(2)} ms, this process ${r.nodeMsPerRequest.toFixed(2)} ms${r.failures ? `, ${r.failures} FAILED` : ''}`;
    console.log(fmt('direct to simulator', await pass(new URL(sim.url), sign(), simPid)));
    const session = new Session();
    session.connect();
    if (process.env.NODE_PROFILE_OUT) {
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
    }
    console.log(fmt('through the proxy  ', await pass(new URL(served.url), sign(), simPid)));
    if (process.env.NODE_PROFILE_OUT) {
      const { profile } = (await session.post('Profiler.stop')) as unknown as {
        profile: CpuProfile;
      };
      writeFileSync(process.env.NODE_PROFILE_OUT, JSON.stringify(profile));
      const { byFunction } = selfTime(profile);
      console.log(
        largest(byFunction, 30)
          .map(([k, v]) => `${v.toFixed(0).padStart(6)} ${k}`)
          .join('\n'),
      );
    }
    session.disconnect();
  } finally {
    await served?.close();
    await sim.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
