import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

const DIST = path.resolve('node_modules/.e2e-prod-dist');
const LOCK = `${DIST}.lock`;
const MARKER = path.join(DIST, '.built-for-run');

/**
 * `vite build` once per Playwright run, shared by its workers: the first worker builds under a
 * lock directory, the others wait for its marker (the runner's pid: a new run rebuilds).
 */
export async function ensureBuilt(): Promise<string> {
  const run = String(process.ppid);
  const current = () => existsSync(MARKER) && readFileSync(MARKER, 'utf8') === run;
  const deadline = Date.now() + 240_000;
  while (!current()) {
    let locked = false;
    try {
      mkdirSync(LOCK);
      locked = true;
    } catch {
      // Someone else is building; a lock older than 4 minutes is from a crashed run.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 240_000) {
        rmSync(LOCK, { recursive: true, force: true });
      }
    }
    if (locked) {
      try {
        if (!current()) {
          await build({
            configFile: path.resolve('vite.config.ts'),
            build: { outDir: DIST, emptyOutDir: true, sourcemap: false },
            logLevel: 'warn',
          });
          writeFileSync(MARKER, run);
        }
      } finally {
        rmSync(LOCK, { recursive: true, force: true });
      }
      break;
    }
    if (Date.now() > deadline) throw new Error('timed out waiting for the production build');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return DIST;
}
