import { formatConfigIssues } from './config-issues';
import { z } from './zod-mini';

/**
 * What the production server tells the browser at run time (base path, clusters, embedding), so
 * one build works under any base path and for any set of clusters. The server writes it, as JSON,
 * into `<meta name="obdash-config">` of index.html: the CSP forbids inline scripts, and a meta tag
 * is read synchronously before the first render. The server imports this schema to type what it
 * writes (server → src/lib, never the other way round).
 */
export const RUNTIME_CONFIG_META = 'obdash-config';

export const runtimeClusterSchema = z.object({
  /** URL-safe id, part of the proxy path and of every query key. */
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9_-]*$/)),
  name: z.string().check(z.minLength(1)),
  notes: z.optional(z.string()),
  /** Put before obshell's own path (`/api/v1/...`); the server's proxy strips it again. */
  apiBase: z.string(),
  /** How long the server's proxy waits for this cluster's obshell before answering 504. */
  proxyTimeoutMs: z.optional(z.number().check(z.int(), z.positive())),
});

export const runtimeConfigSchema = z.object({
  /** Always starts and ends with "/". */
  basePath: z.string().check(z.regex(/^\/(?:.*\/)?$/)),
  clusters: z.array(runtimeClusterSchema).check(z.minLength(1)),
  /** Origins allowed to drive the app by postMessage and to receive its events. */
  embedOrigins: z.array(z.string()),
});

export type RuntimeCluster = z.infer<typeof runtimeClusterSchema>;
export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>;

/** Dev (Vite) has no server to inject anything: one cluster behind Vite's own `/api` proxy. */
export const devRuntimeConfig: RuntimeConfig = {
  basePath: '/',
  clusters: [{ id: 'default', name: 'obshell', apiBase: '' }],
  embedOrigins: [],
};

/**
 * Reads the injected config. Absent → dev defaults. Present but unreadable → an error, because
 * silently talking to the wrong place would be worse than a clear failure.
 */
export function readRuntimeConfig(doc: Document = document): RuntimeConfig {
  const meta = doc.querySelector(`meta[name="${RUNTIME_CONFIG_META}"]`);
  const raw = meta?.getAttribute('content');
  if (!raw) return devRuntimeConfig;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error('The server sent an unreadable app configuration (not JSON).');
  }
  const parsed = runtimeConfigSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(
      formatConfigIssues('The server sent an invalid app configuration', parsed.error.issues),
    );
  }
  return parsed.data;
}

/**
 * The browser's own timeout for a cluster: a little longer than the proxy's, so the proxy's 504
 * (which says the request may still have been carried out) arrives before the browser gives up.
 * Undefined (dev, no proxy timeout known): the client's default.
 */
export function clientTimeoutFor(cluster: RuntimeCluster): number | undefined {
  if (cluster.proxyTimeoutMs === undefined) return undefined;
  return cluster.proxyTimeoutMs + Math.max(2_000, Math.round(cluster.proxyTimeoutMs / 10));
}

/** react-router's basename: the base path without its trailing slash ("" at the root). */
export function routerBasename(config: RuntimeConfig): string {
  return config.basePath.replace(/\/$/, '');
}
