import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The production server's configuration: a JSON config file (CONFIG_FILE) and/or environment
 * variables (which win), plus an optional clusters file (CLUSTERS_FILE). Everything is checked
 * with zod before the server starts; a mistake is reported in one readable message.
 */

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** An obshell agent's address: http(s), host and port only (obshell's API lives at its root). */
const obshellUrlSchema = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
  .refine((value) => {
    const url = new URL(value);
    return (url.pathname === '/' || url.pathname === '') && !url.search && !url.hash;
  }, 'must be only scheme://host:port (obshell serves its API at the root)')
  .transform((value) => new URL(value).origin);

/** An origin as browsers compare them: scheme://host[:port], nothing else. */
const originSchema = z
  .string()
  .refine((value) => {
    try {
      const url = new URL(value);
      return /^https?:$/.test(url.protocol) && url.origin === value.replace(/\/$/, '');
    } catch {
      return false;
    }
  }, 'must be an origin like https://portal.example.com (scheme, host, optional port; no path)')
  .transform((value) => value.replace(/\/$/, ''));

const frameAncestorSchema = z.union([z.enum(["'self'", "'none'"]), originSchema], {
  error: "must be 'self', 'none' or an origin like https://portal.example.com",
});

export const clusterEntrySchema = z.strictObject({
  /** Optional; derived from the name when absent. Appears in URLs: lower-case letters, digits, - and _. */
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'use lower-case letters, digits, "-" and "_"')
    .optional(),
  name: z.string().trim().min(1, 'is required').max(100),
  url: obshellUrlSchema,
  notes: z.string().max(500).optional(),
});

/** A bare list, or `{ "clusters": [...] }`; one shape inside so errors point at the field. */
const clustersFileSchema = z.preprocess(
  (value) => (Array.isArray(value) ? { clusters: value } : value),
  z.strictObject({ clusters: z.array(clusterEntrySchema) }),
);

const basePathSchema = z
  .string()
  .regex(
    /^\/(?:[A-Za-z0-9._~-]+\/?)*$/,
    'must be a URL path such as /ops/backup/ (letters, digits, . _ ~ - and /)',
  )
  .transform((value) => (value.endsWith('/') ? value : `${value}/`));

/** Keys of the JSON config file (camelCase); each has an environment variable twin. */
export const fileConfigSchema = z.strictObject({
  port: z.coerce.number().int().min(0).max(65535).optional(),
  host: z.string().min(1).optional(),
  basePath: basePathSchema.optional(),
  obshellUrl: obshellUrlSchema.optional(),
  obshellName: z.string().trim().min(1).optional(),
  clusters: z.array(clusterEntrySchema).optional(),
  clustersFile: z.string().min(1).optional(),
  frameAncestors: z.array(frameAncestorSchema).optional(),
  embedOrigins: z.array(originSchema).optional(),
  logLevel: z.enum(logLevels).optional(),
  proxyTimeoutMs: z.coerce.number().int().min(100).max(600_000).optional(),
  shutdownTimeoutMs: z.coerce.number().int().min(0).max(600_000).optional(),
  distDir: z.string().min(1).optional(),
});

export interface ClusterTarget {
  id: string;
  name: string;
  url: string;
  notes?: string | undefined;
}

export interface ServerConfig {
  port: number;
  host: string;
  basePath: string;
  /** Empty → the caller starts the embedded simulator (no target configured at all). */
  clusters: ClusterTarget[];
  frameAncestors: string[];
  embedOrigins: string[];
  logLevel: (typeof logLevels)[number];
  proxyTimeoutMs: number;
  shutdownTimeoutMs: number;
  distDir: string;
}

export type Env = Record<string, string | undefined>;
export type ReadFile = (file: string) => string;

function describe(error: z.ZodError): string {
  return error.issues
    .map(
      (issue) => `  ${issue.path.length ? issue.path.join('.') : '(top level)'}: ${issue.message}`,
    )
    .join('\n');
}

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

/** A list from the environment: comma- and/or space-separated. */
function list(value: string | undefined): string[] | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  return value.split(/[\s,]+/).filter(Boolean);
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

function withIds(entries: z.infer<typeof clusterEntrySchema>[]): ClusterTarget[] {
  const seen = new Set<string>();
  return entries.map((entry, index) => {
    const id = entry.id ?? slug(entry.name);
    if (seen.has(id)) {
      throw new ConfigError(
        `Bad clusters: clusters.${index}: id "${id}" is used twice (give each cluster a distinct name or an explicit "id").`,
      );
    }
    seen.add(id);
    return { id, name: entry.name, url: entry.url, notes: entry.notes };
  });
}

/**
 * Builds the configuration from the environment and the files it names.
 * Throws ConfigError (with every problem listed) when anything is wrong.
 */
export function loadConfig(
  env: Env,
  readFile: ReadFile = (f) => readFileSync(f, 'utf8'),
): ServerConfig {
  const configFile = env.CONFIG_FILE?.trim() || undefined;
  const fromFileRaw = configFile ? readJson(configFile, readFile, 'config file') : {};
  const fromFile = fileConfigSchema.safeParse(fromFileRaw);
  if (!fromFile.success) {
    throw new ConfigError(`Bad config file ${configFile}:\n${describe(fromFile.error)}`);
  }
  const fromEnv = fileConfigSchema.safeParse({
    port: env.PORT?.trim() || undefined,
    host: env.HOST?.trim() || undefined,
    basePath: env.BASE_PATH?.trim() || undefined,
    obshellUrl: env.OBSHELL_URL?.trim() || undefined,
    obshellName: env.OBSHELL_NAME?.trim() || undefined,
    clustersFile: env.CLUSTERS_FILE?.trim() || undefined,
    frameAncestors: list(env.FRAME_ANCESTORS),
    embedOrigins: list(env.EMBED_ORIGINS),
    logLevel: env.LOG_LEVEL?.trim() || undefined,
    proxyTimeoutMs: env.PROXY_TIMEOUT_MS?.trim() || undefined,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS?.trim() || undefined,
    distDir: env.DIST_DIR?.trim() || undefined,
  });
  if (!fromEnv.success) {
    const envNames: Record<string, string> = {
      port: 'PORT',
      host: 'HOST',
      basePath: 'BASE_PATH',
      obshellUrl: 'OBSHELL_URL',
      obshellName: 'OBSHELL_NAME',
      clustersFile: 'CLUSTERS_FILE',
      frameAncestors: 'FRAME_ANCESTORS',
      embedOrigins: 'EMBED_ORIGINS',
      logLevel: 'LOG_LEVEL',
      proxyTimeoutMs: 'PROXY_TIMEOUT_MS',
      shutdownTimeoutMs: 'SHUTDOWN_TIMEOUT_MS',
      distDir: 'DIST_DIR',
    };
    const lines = fromEnv.error.issues.map((issue) => {
      const [key, ...rest] = issue.path.map(String);
      const name = (key && envNames[key]) ?? key ?? '(env)';
      return `  ${name}${rest.length ? `[${rest.join('.')}]` : ''}: ${issue.message}`;
    });
    throw new ConfigError(`Bad environment:\n${lines.join('\n')}`);
  }
  const merged = { ...fromFile.data, ...stripUndefined(fromEnv.data) };

  let clusterEntries = merged.clusters;
  if (merged.clustersFile) {
    const file = configFile
      ? path.resolve(path.dirname(configFile), merged.clustersFile)
      : merged.clustersFile;
    const parsed = clustersFileSchema.safeParse(readJson(file, readFile, 'clusters file'));
    if (!parsed.success) {
      throw new ConfigError(`Bad clusters file ${file}:\n${describe(parsed.error)}`);
    }
    clusterEntries = parsed.data.clusters;
    if (clusterEntries.length === 0) {
      throw new ConfigError(`Bad clusters file ${file}: it lists no cluster.`);
    }
  }
  if (clusterEntries && merged.obshellUrl) {
    throw new ConfigError(
      'Both OBSHELL_URL (obshellUrl) and a clusters list are set: use one or the other.',
    );
  }
  const clusters = clusterEntries
    ? withIds(clusterEntries)
    : merged.obshellUrl
      ? [
          {
            id: 'default',
            name: merged.obshellName ?? new URL(merged.obshellUrl).host,
            url: merged.obshellUrl,
          },
        ]
      : [];

  const frameAncestors = merged.frameAncestors ?? ["'self'"];
  if (frameAncestors.includes("'none'") && frameAncestors.length > 1) {
    throw new ConfigError("Bad FRAME_ANCESTORS: 'none' cannot be combined with other sources.");
  }
  return {
    port: merged.port ?? 8080,
    host: merged.host ?? '0.0.0.0',
    basePath: merged.basePath ?? '/',
    clusters,
    frameAncestors,
    // By default the origins allowed to frame the app are the ones it talks to.
    embedOrigins: merged.embedOrigins ?? frameAncestors.filter((value) => !value.startsWith("'")),
    logLevel: merged.logLevel ?? 'info',
    proxyTimeoutMs: merged.proxyTimeoutMs ?? 30_000,
    shutdownTimeoutMs: merged.shutdownTimeoutMs ?? 10_000,
    distDir: path.resolve(merged.distDir ?? 'dist'),
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
