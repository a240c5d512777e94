import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { formatConfigIssues, type ConfigIssue } from '../src/lib/config-issues.ts';
import { configSchema, keys, keyTable, table, type Key } from './config-keys.ts';
import type { clusterEntrySchema } from './config-schemas.ts';
import { clustersFileSchema } from './config-schemas.ts';

export { clusterEntrySchema } from './config-schemas.ts';
export { configKeys } from './config-keys.ts';

/**
 * The production server's configuration: a JSON config file (CONFIG_FILE) and/or environment
 * variables (which win), plus an optional clusters file. One table names every key once: its
 * environment variable, its JSON key and its schema. Every problem is listed at once.
 */

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export type ClusterEntry = z.infer<typeof clusterEntrySchema>;
export type ClusterTarget = Omit<ClusterEntry, 'id'> & { id: string };
type Parsed = z.infer<typeof configSchema>;

export type ServerConfig = Omit<
  Parsed,
  'obshellUrl' | 'obshellName' | 'clusters' | 'clustersFile' | 'embedOrigins'
> & {
  /** Empty → the caller starts the embedded simulator (no target configured at all). */
  clusters: ClusterTarget[];
  embedOrigins: string[];
};

export type Env = Record<string, string | undefined>;
export type ReadFile = (file: string) => string;

function readJson(file: string, readFile: ReadFile, what: string): unknown {
  let text: string;
  try {
    text = readFile(file);
  } catch (cause) {
    const reason = cause instanceof Error && 'code' in cause ? String(cause.code) : 'unreadable';
    throw new ConfigError(`Cannot read the ${what} ${file} (${reason}).`);
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new ConfigError(
      `The ${what} ${file} is not valid JSON: ${cause instanceof Error ? cause.message : ''}`,
    );
  }
}

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '-')
      .replace(/^[-_]+|-+$/g, '')
      .slice(0, 63) || 'cluster'
  );
}

function validOf<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
}

const isKey = (name: string): name is Key => Object.hasOwn(keyTable, name);
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Builds the configuration from the environment and the files it names. Throws one ConfigError
 * listing every problem (each under the name the operator used: `PORT`, or `port` in the file).
 */
export function loadConfig(
  env: Env,
  readFile: ReadFile = (f) => readFileSync(f, 'utf8'),
): ServerConfig {
  const configFile = env.CONFIG_FILE?.trim() || undefined;
  const fromFile = configFile ? readJson(configFile, readFile, 'config file') : {};
  const issues: ConfigIssue[] = [];
  const fileValues = isRecord(fromFile) ? fromFile : {};
  if (!isRecord(fromFile)) {
    issues.push({
      path: [],
      message: `the config file ${configFile ?? ''} must hold a JSON object`,
    });
  }
  for (const name of Object.keys(fileValues)) {
    if (!isKey(name))
      issues.push({ path: [name], message: `unknown key in ${configFile ?? 'the config file'}` });
  }

  // Environment wins over the file, key by key; remember where each value came from.
  const fromEnv = new Set<Key>();
  const raw: Record<string, unknown> = {};
  for (const key of keys) {
    const spec = table[key];
    const text = spec.env ? env[spec.env]?.trim() : undefined;
    if (text) {
      raw[key] = spec.list ? text.split(/[\s,]+/).filter(Boolean) : text;
      fromEnv.add(key);
    } else if (key in fileValues) {
      raw[key] = fileValues[key];
    }
  }
  // clusters is a file-only key; from a clusters file the label says which file.
  let clustersLabel = 'clusters (config file)';
  const nameOf = (key: string) => {
    if (key === 'clusters') return clustersLabel;
    if (!isKey(key)) return key;
    return fromEnv.has(key) ? (table[key].env ?? key) : `${key} (config file)`;
  };

  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) issues.push(...parsed.error.issues);
  const data = parsed.success ? parsed.data : undefined;
  // The checks across keys run on each key that is valid on its own, so that one bad key does not
  // hide the other problems.

  let entries = validOf(keyTable.clusters.schema, raw.clusters);
  const clustersFile = validOf(keyTable.clustersFile.schema, raw.clustersFile);
  if (clustersFile) {
    const file = configFile ? path.resolve(path.dirname(configFile), clustersFile) : clustersFile;
    if (entries)
      issues.push({
        path: ['clustersFile'],
        message: 'set either clusters or clustersFile, not both',
      });
    const list = clustersFileSchema.safeParse(readJson(file, readFile, 'clusters file'));
    clustersLabel = `clusters (in ${file})`;
    if (list.success) entries = list.data.clusters;
    else issues.push(...list.error.issues);
  }
  if (entries && validOf(keyTable.obshellUrl.schema, raw.obshellUrl)) {
    issues.push({
      path: ['obshellUrl'],
      message: 'a clusters list is set too: use one or the other',
    });
  }
  const clusters = (entries ?? []).map((entry) => ({ ...entry, id: entry.id ?? slug(entry.name) }));
  const seen = new Map<string, number>();
  clusters.forEach((cluster, index) => {
    const first = seen.get(cluster.id);
    if (first !== undefined) {
      issues.push({
        path: ['clusters', index],
        message: `id "${cluster.id}" is also used by clusters[${first}] (give each cluster a distinct name or an explicit "id")`,
      });
    } else seen.set(cluster.id, index);
  });
  const frameAncestors = validOf(keyTable.frameAncestors.schema, raw.frameAncestors) ?? [];
  if (frameAncestors.includes("'none'") && frameAncestors.length > 1) {
    issues.push({
      path: ['frameAncestors'],
      message: "'none' cannot be combined with other sources",
    });
  }

  // The portal's user header is believed only from its proxies: without them it would be anyone's word.
  if (
    validOf(keyTable.trustedUserHeader.schema, raw.trustedUserHeader) &&
    (validOf(keyTable.trustedProxies.schema, raw.trustedProxies) ?? []).length === 0
  ) {
    issues.push({
      path: ['trustedUserHeader'],
      message: 'set TRUSTED_PROXIES too (the header is believed only from those addresses)',
    });
  }

  if (issues.length || !data) {
    throw new ConfigError(formatConfigIssues('Bad configuration', issues, nameOf));
  }
  const { obshellUrl, obshellName, embedOrigins } = data;
  return {
    port: data.port,
    host: data.host,
    basePath: data.basePath,
    frameAncestors,
    trustedProxies: data.trustedProxies,
    logLevel: data.logLevel,
    proxyTimeoutMs: data.proxyTimeoutMs,
    shutdownTimeoutMs: data.shutdownTimeoutMs,
    serveSourceMaps: data.serveSourceMaps,
    distDir: path.resolve(data.distDir),
    historyDb: path.resolve(data.historyDb),
    historyRetentionDays: data.historyRetentionDays,
    trustedUserHeader: data.trustedUserHeader,
    clusters: obshellUrl
      ? [{ id: 'default', name: obshellName ?? new URL(obshellUrl).host, url: obshellUrl }]
      : clusters,
    // By default the origins allowed to frame the app are the ones it talks to.
    embedOrigins: embedOrigins ?? frameAncestors.filter((value) => !value.startsWith("'")),
  };
}
