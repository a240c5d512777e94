/**
 * Where the many-tenants time goes (not a figure: a diagnosis aid for bench/measure-many-tenants.ts).
 * `flock /tmp/heavy.lock npx tsx bench/profile-many-tenants.ts [tenants] [backup|status]` builds the
 * app unminified, resets the simulator to that many tenants, unlocks on the page with Chromium's
 * CPU profiler running and prints, from the Unlock click to the read count gone (UNTIL=form: to the
 * enabled form field, the "form usable" wait): the wall time,
 * the Node process's CPU (simulator + production server run in it), the page's requests, and the
 * main thread's self time by file and function.
 *
 * Per process (Linux /proc): CPU of Chromium (all its processes), of the simulator, and of this
 * Node process (production server + Playwright driver), whose own profile says which files spent
 * it. NODE_PROFILE_OUT / PROFILE_OUT: write this process's / the page's profile as .cpuprofile;
 * SIM_CPU_PROF_DIR: the simulator writes its own (child-simulator.ts).
 */
import { rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { callSimControl } from '../sim/control-client';
import { launchBrowser, newContext } from './browser';
import { buildForProfiling, profileSummary, type CpuProfile } from './cpu-profile';
import { labels } from './labels';
import { MANY_TENANTS_PROBE } from './measure-many-tenants';
import { waitForMark } from './page-helpers';
import { installProbe } from './probe';
import { descendantCpuByType, processCpuMs, treeCpuMs } from './proc-cpu';
import { BENCH_ROOT_PASSWORD, startStack } from './stack';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main() {
  const tenants = Number(process.argv[2] ?? 200);
  const where = process.argv[3] === 'status' ? 'status' : 'backup';
  // UNTIL=form: profile only up to the enabled form field (the "form usable" wait).
  const until = where === 'status' ? 'status' : process.env.UNTIL === 'form' ? 'form' : 'values';
  const outDir = await buildForProfiling(root, 'tenants');
  const stack = await startStack(outDir, root);
  const browser = await launchBrowser();
  try {
    await callSimControl(stack.sim.url, 'POST', 'reset', {
      rootPassword: BENCH_ROOT_PASSWORD,
      tenantCount: tenants,
    });
    const context = await newContext(browser, stack.appUrl);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    let requests = 0;
    let batches = 0;
    page.on('request', (r) => {
      if (r.url().includes('/api/')) requests += 1;
      if (r.url().endsWith('/obshell-batch')) batches += 1;
    });
    // Room for every request's Resource Timing entry (the default buffer holds 250).
    await page.addInitScript(() => performance.setResourceTimingBufferSize(100_000));
    // The bench's own page-clock marks (Playwright's polling adds its own delay).
    await page.addInitScript(installProbe, MANY_TENANTS_PROBE);
    await page.goto(`/${where}`);
    await page.getByLabel(new RegExp(labels.password, 'i')).fill(BENCH_ROOT_PASSWORD);
    await cdp.send('Profiler.enable');
    // PROFILE_INTERVAL_US=100000: profilers that barely sample, for CPU figures close to a bench run.
    const interval = Number(process.env.PROFILE_INTERVAL_US ?? 200);
    await cdp.send('Profiler.setSamplingInterval', { interval });
    await cdp.send('Profiler.start');
    const node = new Session();
    node.connect();
    await node.post('Profiler.enable');
    await node.post('Profiler.setSamplingInterval', { interval });
    await node.post('Profiler.start');
    const simPid = stack.sim.pid ?? -1;
    const typesBefore = descendantCpuByType(process.pid, [simPid]);
    const before = {
      sim: treeCpuMs(simPid),
      chromium: treeCpuMs(process.pid, [simPid]) - (processCpuMs(process.pid) ?? 0),
    };
    const cpu = process.cpuUsage();
    // TRACE_OUT=file: a Chromium trace (all processes' threads) of the same span, for about://tracing.
    if (process.env.TRACE_OUT)
      await browser.startTracing(page, {
        path: process.env.TRACE_OUT,
        categories: ['devtools.timeline', 'toplevel', 'blink', 'v8', 'loading', 'netlog', 'cc'],
      });
    const started = Date.now();
    await page.getByRole('button', { name: new RegExp(labels.unlock, 'i') }).click();
    const shownAt = await waitForMark(page, until, 120_000);
    const wall = Date.now() - started;
    if (process.env.TRACE_OUT) await browser.stopTracing();
    // Resource Timing of the API requests: where a request's time goes, and the gaps between them.
    const timing = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes('/api/'))
        .map((e) => {
          const r = e as PerformanceResourceTiming;
          return {
            start: r.startTime,
            end: r.responseEnd,
            wait: r.responseStart - r.requestStart,
            queued: r.requestStart - r.startTime,
            url: r.name,
          };
        }),
    );
    const used = process.cpuUsage(cpu);
    if (process.env.TIMING_OUT) writeFileSync(process.env.TIMING_OUT, JSON.stringify(timing));
    const typesAfter = descendantCpuByType(process.pid, [simPid]);
    const after = {
      sim: treeCpuMs(simPid),
      chromium: treeCpuMs(process.pid, [simPid]) - (processCpuMs(process.pid) ?? 0),
    };
    const { profile: nodeProfile } = (await node.post('Profiler.stop')) as unknown as {
      profile: CpuProfile;
    };
    node.disconnect();
    if (process.env.NODE_PROFILE_OUT)
      writeFileSync(process.env.NODE_PROFILE_OUT, JSON.stringify(nodeProfile));
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    const top = profileSummary(profile, 150);
    if (process.env.PROFILE_OUT) writeFileSync(process.env.PROFILE_OUT, JSON.stringify(profile));
    console.log(
      `${tenants} tenants on /${where}: ${wall} ms wall, ${requests} API requests, ${batches} read batches`,
    );
    console.log(
      `node (production server + Playwright driver; the simulator is its own process) CPU: ${((used.user + used.system) / 1000).toFixed(0)} ms`,
    );
    console.log(
      `CPU per process (ms): chromium ${(after.chromium - before.chromium).toFixed(0)}, simulator ${(after.sim - before.sim).toFixed(0)}`,
    );
    console.log(
      `chromium CPU by process type (ms): ${[...typesAfter]
        .map(([type, ms]) => `${type} ${(ms - (typesBefore.get(type) ?? 0)).toFixed(0)}`)
        .join(', ')}`,
    );
    const nodeTop = profileSummary(nodeProfile, 40);
    console.log('node self time by file (ms):\n' + nodeTop.files.join('\n'));
    console.log('node self time by function (ms):\n' + nodeTop.functions.join('\n'));
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const spans = timing.map((t) => t.end - t.start);
    console.log(
      `requests: ${timing.length}, median total ${med(spans).toFixed(1)} ms, server wait ${med(timing.map((t) => t.wait)).toFixed(1)} ms, browser queue ${med(timing.map((t) => t.queued)).toFixed(1)} ms; first start ${Math.min(...timing.map((t) => t.start)).toFixed(0)}, last end ${Math.max(...timing.map((t) => t.end)).toFixed(0)}, ${until} by ${shownAt.toFixed(0)} (page clock)`,
    );
    console.log('page self time by file (ms):\n' + top.files.join('\n'));
    console.log('page self time by function (ms):\n' + top.functions.join('\n'));
    console.log('page inclusive time by function (ms):\n' + top.inclusive.join('\n'));
    await context.close();
  } finally {
    await browser.close();
    await stack.close();
    if (process.env.KEEP_BUILD) console.log('build kept in', outDir);
    else rmSync(outDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
