/**
 * How much of the many-tenants time is the bench's own harness (a diagnosis aid, not a figure):
 * `flock /tmp/heavy.lock npx tsx bench/profile-harness.ts [backup|status] [runs]` times the same
 * Unlock click → read count gone, by the page's own clock (a MutationObserver stamp), with 2 and
 * 200 tenants, driven (a) by Playwright, as the bench is, and (b) by Chromium's DevTools pipe with
 * nothing but Runtime.evaluate. Playwright always enables the Network domain, so every request
 * also costs DevTools events in Chromium and their handling in this Node process; users do not pay
 * that. CPU: the simulator's and this process's (production server, plus Playwright in (a)).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumArgs, chromiumPath } from '../playwright.config';
import { callSimControl } from '../sim/control-client';
import { launchBrowser, newContext } from './browser';
import { buildForProfiling } from './cpu-profile';
import { treeCpuMs } from './proc-cpu';
import { BENCH_ROOT_PASSWORD, startStack } from './stack';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const where = process.argv[2] === 'status' ? 'status' : 'backup';
const runs = Number(process.argv[3] ?? 3);
const countId = where === 'status' ? 'status-read-count' : 'current-config-progress';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs in the page before the app: stamps when the read count leaves the DOM. */
const stampScript = `(() => {
  globalThis.__name = (fn) => fn;
  let seen = false;
  new MutationObserver(() => {
    const there = document.querySelector('[data-testid="${countId}"]') !== null;
    if (there) seen = true;
    else if (seen && window.__countGone === undefined) window.__countGone = performance.now();
  }).observe(document, { childList: true, subtree: true });
})()`;
/** Types the password (as React sees typing) and clicks Unlock a moment later; false: not ready. */
const fillAndClick = `(() => {
  const input = document.querySelector('input[type=password]');
  const button = [...document.querySelectorAll('button')].find((b) => /^\\s*unlock\\s*$/i.test(b.textContent ?? ''));
  if (!input || !button) return false;
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, ${JSON.stringify(BENCH_ROOT_PASSWORD)});
  input.dispatchEvent(new Event('input', { bubbles: true }));
  setTimeout(() => { window.__clickAt = performance.now(); button.click(); }, 50);
  return true;
})()`;
const elapsed = `window.__countGone === undefined ? null : window.__countGone - window.__clickAt`;

type Evaluate = (expression: string) => Promise<unknown>;

async function untilDone(evaluate: Evaluate): Promise<number> {
  while ((await evaluate(fillAndClick)) !== true) await sleep(50);
  for (;;) {
    const ms = await evaluate(elapsed);
    if (typeof ms === 'number') return ms;
    await sleep(200);
  }
}

async function viaPlaywright(url: string): Promise<number> {
  const browser = await launchBrowser();
  try {
    const page = await (await newContext(browser, url)).newPage();
    await page.addInitScript({ content: stampScript });
    await page.goto(`/${where}`);
    return await untilDone((expression) => page.evaluate(expression));
  } finally {
    await browser.close();
  }
}

/** Chromium over --remote-debugging-pipe (fd 3 in, fd 4 out, NUL-separated JSON). */
async function viaDevToolsPipe(url: string): Promise<number> {
  const profile = mkdtempSync(path.join(tmpdir(), 'obdash-harness-'));
  const child = spawn(
    chromiumPath,
    [...chromiumArgs, '--headless', '--remote-debugging-pipe', `--user-data-dir=${profile}`],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const input = child.stdio[3] as NodeJS.WritableStream;
  const output = child.stdio[4] as NodeJS.ReadableStream;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const pending = new Map<number, (message: { result?: Record<string, unknown> }) => void>();
  let lastId = 0;
  let buffer = '';
  output.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    for (let end = buffer.indexOf('\0'); end >= 0; end = buffer.indexOf('\0')) {
      const message = JSON.parse(buffer.slice(0, end)) as { id?: number; result?: never };
      buffer = buffer.slice(end + 1);
      if (message.id !== undefined) pending.get(message.id)?.(message);
      if (message.id !== undefined) pending.delete(message.id);
    }
  });
  const send = (method: string, params: object = {}, sessionId?: string) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const id = ++lastId;
      pending.set(id, (message) => resolve(message.result ?? {}));
      input.write(
        `${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`,
      );
    });
  try {
    const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = (await send('Target.attachToTarget', { targetId, flatten: true })) as {
      sessionId: string;
    };
    await send('Page.enable', {}, sessionId);
    await send('Page.addScriptToEvaluateOnNewDocument', { source: stampScript }, sessionId);
    await send('Page.navigate', { url: `${url}/${where}` }, sessionId);
    return await untilDone(async (expression) => {
      const reply = await send('Runtime.evaluate', { expression, returnByValue: true }, sessionId);
      return (reply.result as { value?: unknown } | undefined)?.value;
    });
  } finally {
    await Promise.race([send('Browser.close'), sleep(2000)]);
    await Promise.race([exited, sleep(3000)]);
    rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}

async function main() {
  const outDir = await buildForProfiling(root, 'harness');
  const stack = await startStack(outDir, root);
  const simPid = stack.sim.pid ?? -1;
  try {
    for (const tenants of [2, 200]) {
      for (const [name, drive] of [
        ['Playwright', viaPlaywright],
        ['DevTools pipe', viaDevToolsPipe],
      ] as const) {
        const lines: string[] = [];
        for (let run = 0; run < runs; run++) {
          await callSimControl(stack.sim.url, 'POST', 'reset', {
            rootPassword: BENCH_ROOT_PASSWORD,
            tenantCount: tenants,
          });
          const sim = treeCpuMs(simPid);
          const node = process.cpuUsage();
          const ms = await drive(stack.appUrl);
          const used = process.cpuUsage(node);
          lines.push(
            `${ms.toFixed(0)} ms (CPU: simulator ${treeCpuMs(simPid) - sim}, this process ${((used.user + used.system) / 1000).toFixed(0)})`,
          );
        }
        console.log(`/${where}, ${tenants} tenants, ${name}: ${lines.join('; ')}`);
      }
    }
  } finally {
    await stack.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
