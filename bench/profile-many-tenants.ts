/**
 * Where the many-tenants time goes (not a figure: a diagnosis aid for bench/measure-many-tenants.ts).
 * `flock /tmp/heavy.lock npx tsx bench/profile-many-tenants.ts [tenants] [backup|status]` builds the
 * app unminified, resets the simulator to that many tenants, unlocks on the page with Chromium's
 * CPU profiler running and prints, from the Unlock click to the read count gone: the wall time,
 * the Node process's CPU (simulator + production server run in it), the page's requests, and the
 * main thread's self time by file and function.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { callSimControl } from '../sim/control-client';
import { launchBrowser, newContext } from './browser';
import {
  buildForProfiling,
  inclusiveTime,
  largest,
  selfTime,
  type CpuProfile,
} from './cpu-profile';
import { labels } from './labels';
import { BENCH_ROOT_PASSWORD, startStack } from './stack';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The page's CPU profile as text: self time by function and by file, inclusive by function. */
function topSelf(profile: CpuProfile, top = 150) {
  const { byFunction, byFile } = selfTime(profile);
  const lines = (totals: Map<string, number>) =>
    largest(totals, top).map(([k, v]) => `${v.toFixed(0).padStart(6)} ${k}`);
  return {
    functions: lines(byFunction),
    files: lines(byFile),
    inclusive: lines(inclusiveTime(profile)),
  };
}

async function main() {
  const tenants = Number(process.argv[2] ?? 200);
  const where = process.argv[3] === 'status' ? 'status' : 'backup';
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
    page.on('request', (r) => {
      if (r.url().includes('/api/')) requests += 1;
    });
    await page.goto(`/${where}`);
    await page.getByLabel(new RegExp(labels.password, 'i')).fill(BENCH_ROOT_PASSWORD);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    const cpu = process.cpuUsage();
    const started = Date.now();
    await page.getByRole('button', { name: new RegExp(labels.unlock, 'i') }).click();
    const count = where === 'status' ? 'status-read-count' : 'current-config-progress';
    await page.getByTestId(count).waitFor({ timeout: 60_000 });
    await page.getByTestId(count).waitFor({ state: 'detached', timeout: 120_000 });
    const wall = Date.now() - started;
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
          };
        }),
    );
    const used = process.cpuUsage(cpu);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    const top = topSelf(profile);
    if (process.env.PROFILE_OUT)
      (await import('node:fs')).writeFileSync(process.env.PROFILE_OUT, JSON.stringify(profile));
    console.log(`${tenants} tenants on /${where}: ${wall} ms wall, ${requests} API requests`);
    console.log(
      `node (production server + Playwright driver; the simulator is its own process) CPU: ${((used.user + used.system) / 1000).toFixed(0)} ms`,
    );
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const spans = timing.map((t) => t.end - t.start);
    console.log(
      `requests: ${timing.length}, median total ${med(spans).toFixed(1)} ms, server wait ${med(timing.map((t) => t.wait)).toFixed(1)} ms, browser queue ${med(timing.map((t) => t.queued)).toFixed(1)} ms; first start ${Math.min(...timing.map((t) => t.start)).toFixed(0)}, last end ${Math.max(...timing.map((t) => t.end)).toFixed(0)}`,
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
