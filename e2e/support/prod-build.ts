import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
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
            build: { outDir: DIST, emptyOutDir: true, sourcemap: false, manifest: true },
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

const manifestSchema = z.record(z.string(), z.object({ file: z.string() }));

/**
 * The URL pattern of the built chunk that holds `source` (a path from the project root, as in
 * Vite's manifest), so a spec can fail exactly that chunk's request. Call after the build
 * (inside a test, once the `stack` fixture is up).
 */
export function builtChunk(source: string): RegExp {
  const manifest = manifestSchema.parse(
    JSON.parse(readFileSync(path.join(DIST, '.vite', 'manifest.json'), 'utf8')),
  );
  const file = manifest[source]?.file;
  if (!file) throw new Error(`no chunk for ${source} in the build's manifest`);
  return new RegExp(`/${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}
