import { z } from 'zod';
import {
  basePathSchema,
  clusterEntrySchema,
  flagSchema,
  frameAncestorSchema,
  logLevels,
  obshellUrlSchema,
  originSchema,
  trustedProxySchema,
} from './config-schemas.ts';

/**
 * The one table of the server's configuration keys: each key's environment variable, its JSON key
 * (the property name) and its schema (with its default). server/config.ts reads both sources
 * through it; the README's table lists the same keys (a test checks that).
 */

export interface KeySpec {
  /** Absent: the key exists only in the JSON config file (a structured value). */
  env?: string;
  /** Environment value is a list (comma- and/or space-separated). */
  list?: boolean;
  schema: z.ZodType;
}

export const keyTable = {
  port: { env: 'PORT', schema: z.coerce.number().int().min(0).max(65535).default(8080) },
  host: { env: 'HOST', schema: z.string().min(1).default('0.0.0.0') },
  basePath: { env: 'BASE_PATH', schema: basePathSchema.default('/') },
  obshellUrl: { env: 'OBSHELL_URL', schema: obshellUrlSchema.optional() },
  obshellName: { env: 'OBSHELL_NAME', schema: z.string().trim().min(1).optional() },
  clusters: { schema: z.array(clusterEntrySchema).optional() },
  clustersFile: { env: 'CLUSTERS_FILE', schema: z.string().min(1).optional() },
  frameAncestors: {
    env: 'FRAME_ANCESTORS',
    list: true,
    schema: z.array(frameAncestorSchema).default(["'self'"]),
  },
  embedOrigins: { env: 'EMBED_ORIGINS', list: true, schema: z.array(originSchema).optional() },
  trustedProxies: {
    env: 'TRUSTED_PROXIES',
    list: true,
    schema: z.array(trustedProxySchema).default([]),
  },
  logLevel: { env: 'LOG_LEVEL', schema: z.enum(logLevels).default('info') },
  proxyTimeoutMs: {
    env: 'PROXY_TIMEOUT_MS',
    schema: z.coerce.number().int().min(100).max(600_000).default(30_000),
  },
  shutdownTimeoutMs: {
    env: 'SHUTDOWN_TIMEOUT_MS',
    schema: z.coerce.number().int().min(0).max(600_000).default(10_000),
  },
  serveSourceMaps: { env: 'SERVE_SOURCE_MAPS', schema: flagSchema.default(false) },
  distDir: { env: 'DIST_DIR', schema: z.string().min(1).default('dist') },
  historyDb: { env: 'HISTORY_DB', schema: z.string().trim().min(1).default('data/history.db') },
  historyRetentionDays: {
    env: 'HISTORY_RETENTION_DAYS',
    schema: z.coerce
      .number({ error: 'must be a whole number of days' })
      .int('must be a whole number of days')
      .min(1, 'must be at least 1 day')
      .max(36_500, 'must be at most 36500 days')
      .default(365),
  },
  trustedUserHeader: {
    env: 'TRUSTED_USER_HEADER',
    schema: z
      .string()
      .regex(/^[A-Za-z0-9-]{1,100}$/, 'must be an HTTP header name such as X-Forwarded-User')
      .optional(),
  },
} satisfies Record<string, KeySpec>;

export type Key = keyof typeof keyTable;
export const keys = Object.keys(keyTable) as Key[];
export const table: Record<Key, KeySpec> = keyTable;

/** Every key with its schema: the whole configuration, defaults applied. */
export const configSchema = z.object(
  Object.fromEntries(keys.map((key) => [key, keyTable[key].schema])) as {
    [K in Key]: (typeof keyTable)[K]['schema'];
  },
);

/** The environment variable ↔ JSON key pairs, for the README and for messages. */
export const configKeys = keys.map((key) => ({ key, env: table[key].env }));
