import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';
import { failed, INITIAL_JS_BUDGET_KB, type Figure } from './figures';
import { round } from './stats';

/** Vite's build manifest (build.manifest: true): one chunk per source key. */
const manifestSchema = z.record(
  z.string(),
  z.looseObject({
    file: z.string(),
    isEntry: z.boolean().optional(),
    imports: z.array(z.string()).optional(),
    dynamicImports: z.array(z.string()).optional(),
    css: z.array(z.string()).optional(),
  }),
);
export type Manifest = z.infer<typeof manifestSchema>;

export interface InitialFiles {
  js: string[];
  css: string[];
}

/**
 * What the first page load fetches: the HTML entry chunk and, transitively, its static imports
 * (Vite emits those as <link rel="modulepreload">), with their CSS. Lazy routes are dynamic
 * imports and are left out.
 */
export function initialFiles(manifest: Manifest): InitialFiles {
  const entries = Object.keys(manifest).filter((key) => manifest[key]?.isEntry);
  if (entries.length === 0) throw new Error('the build manifest has no entry chunk');
  const seen = new Set<string>();
  const js: string[] = [];
  const css = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) return;
    if (chunk.file.endsWith('.js')) js.push(chunk.file);
    chunk.css?.forEach((file) => css.add(file));
    chunk.imports?.forEach(visit);
  };
  entries.forEach(visit);
  return { js, css: [...css] };
}

export interface SizedFile {
  file: string;
  raw: number;
  gzip: number;
}

async function sizeOf(outDir: string, file: string): Promise<SizedFile> {
  const content = await readFile(path.join(outDir, file));
  return { file, raw: content.length, gzip: gzipSync(content).length };
}

const kb = (bytes: number) => round(bytes / 1024, 1);
const sum = (files: SizedFile[], key: 'raw' | 'gzip') => files.reduce((n, f) => n + f[key], 0);

export interface BundleResult {
  outDir: string;
  figures: Figure[];
  /** Every emitted JS file with its sizes, so the browser check can match what it fetched. */
  jsFiles: SizedFile[];
}

/**
 * Production build into a temp directory (the repo's dist/ is left alone) with the manifest switched
 * on inline, then sizes of what the first screen loads versus everything.
 */
export async function measureBundle(root: string, base?: string): Promise<BundleResult> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'obdash-bench-'));
  const { build } = await import('vite');
  await build({
    root,
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'warn',
    ...(base === undefined ? {} : { base }),
    build: { outDir, emptyOutDir: true, manifest: true, sourcemap: false },
  });
  const manifest = manifestSchema.parse(
    JSON.parse(await readFile(path.join(outDir, '.vite', 'manifest.json'), 'utf8')),
  );
  const initial = initialFiles(manifest);
  const assets = (await readdir(path.join(outDir, 'assets'))).map((f) => `assets/${f}`);
  const jsFiles = await Promise.all(
    assets.filter((f) => f.endsWith('.js')).map((f) => sizeOf(outDir, f)),
  );
  const cssFiles = await Promise.all(
    assets.filter((f) => f.endsWith('.css')).map((f) => sizeOf(outDir, f)),
  );
  const initialJs = jsFiles.filter((f) => initial.js.includes(f.file));
  const initialCss = cssFiles.filter((f) => initial.css.includes(f.file));
  const chunks = `${initialJs.length} of ${jsFiles.length} chunks`;
  const figures: Figure[] = [
    {
      id: 'bundle.initialJsGzip',
      label: 'initial JS (gzip)',
      unit: 'KB',
      value: kb(sum(initialJs, 'gzip')),
      budget: INITIAL_JS_BUDGET_KB,
      note: chunks,
    },
    {
      id: 'bundle.initialJsRaw',
      label: 'initial JS (raw)',
      unit: 'KB',
      value: kb(sum(initialJs, 'raw')),
    },
    {
      id: 'bundle.totalJsGzip',
      label: 'total JS (gzip)',
      unit: 'KB',
      value: kb(sum(jsFiles, 'gzip')),
    },
    {
      id: 'bundle.totalJsRaw',
      label: 'total JS (raw)',
      unit: 'KB',
      value: kb(sum(jsFiles, 'raw')),
    },
    {
      id: 'bundle.initialCssGzip',
      label: 'initial CSS (gzip)',
      unit: 'KB',
      value: kb(sum(initialCss, 'gzip')),
      note: `raw ${kb(sum(initialCss, 'raw'))} KB`,
    },
    {
      id: 'bundle.totalCssGzip',
      label: 'total CSS (gzip)',
      unit: 'KB',
      value: kb(sum(cssFiles, 'gzip')),
      note: `raw ${kb(sum(cssFiles, 'raw'))} KB`,
    },
  ];
  return { outDir, figures, jsFiles };
}

export function bundleFailed(error: unknown): Figure[] {
  return [failed('bundle.initialJsGzip', 'initial JS (gzip)', 'KB', error, INITIAL_JS_BUDGET_KB)];
}

/**
 * A production build whose React runs its Profiler callbacks (react-dom/profiling): the timeline's
 * <Profiler> then records each commit as a `dag-timeline-render` User Timing measure. Only the
 * render measurement uses it; sizes are always taken from the normal build.
 */
export async function buildProfiling(root: string, base?: string): Promise<string> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'obdash-bench-profiling-'));
  const { build } = await import('vite');
  await build({
    root,
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'error',
    ...(base === undefined ? {} : { base }),
    resolve: { alias: [{ find: /^react-dom\/client$/, replacement: 'react-dom/profiling' }] },
    build: { outDir, emptyOutDir: true, sourcemap: false },
  });
  return outDir;
}
