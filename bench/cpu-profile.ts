import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildBase } from './stack';

/**
 * Reading a Chrome DevTools CPU profile (`Profiler.stop`), for the profiling scripts
 * (profile-history-page.ts, profile-many-tenants.ts). Diagnostics, not bench figures.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time (ms) per function (`name file:line`) and per script file. */
export function selfTime(profile: CpuProfile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    if (!node) return;
    const file = node.callFrame.url.split('/').pop() || '(native)';
    const key = `${node.callFrame.functionName || '(anonymous)'} ${file}:${node.callFrame.lineNumber}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
  });
  return { byFunction, byFile };
}

/**
 * Inclusive time (ms) per function name, counted once per sample however deep it recurses;
 * `only` keeps just those names.
 */
export function inclusiveTime(profile: CpuProfile, only?: readonly string[]) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = byId.get(at)?.callFrame.functionName || '(anonymous)';
      if (seen.has(name) || (only && !only.includes(name))) continue;
      seen.add(name);
      totals.set(name, (totals.get(name) ?? 0) + ms);
    }
  });
  return totals;
}

/** The `top` largest entries, largest first. */
export function largest(totals: Map<string, number>, top: number): [string, number][] {
  return [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
}

/**
 * A profile as text for the profiling scripts: the `top` functions and files by self time, and
 * inclusive time per function (of `only`, else of every function), each a "    12.3 name" line.
 */
export function profileSummary(profile: CpuProfile, top: number, only?: readonly string[]) {
  const { byFunction, byFile } = selfTime(profile);
  const lines = (totals: Map<string, number>) =>
    largest(totals, top).map(([name, ms]) => `${ms.toFixed(1).padStart(8)} ${name}`);
  return {
    functions: lines(byFunction),
    files: lines(byFile),
    inclusive: lines(inclusiveTime(profile, only)),
  };
}

/** Builds the app unminified (readable function names in profiles) into a temporary directory. */
export async function buildForProfiling(root: string, name: string): Promise<string> {
  const { build } = await import('vite');
  const outDir = mkdtempSync(path.join(tmpdir(), `obdash-profile-${name}-`));
  const base = buildBase(root);
  await build({
    root,
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'error',
    ...(base === undefined ? {} : { base }),
    build: { outDir, emptyOutDir: true, minify: false, sourcemap: false },
  });
  return outDir;
}
