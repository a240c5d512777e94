import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RuntimeConfig } from '../src/lib/runtime-config.ts';
import type { ClusterTarget, ServerConfig } from './config.ts';
import { errorEnvelope } from './envelope.ts';
import { registerHistoryRoutes } from './history/history-routes.ts';
import { openHistoryStore, type HistoryStore } from './history/history-store.ts';
import { renderIndexHtml } from './index-html.ts';
import { clientErrorHandler, errorHandler, frameworkErrors } from './framework-errors.ts';
import { PROXY_BODY_LIMIT, registerObshellProxy } from './proxy.ts';
import { registerReadBatch } from './read-batch.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { createUpstreamAgents } from './upstream.ts';

export interface BuildOptions {
  /** Clusters to proxy; main.ts fills in the embedded simulator when none is configured. */
  clusters: ClusterTarget[];
  /** Fastify logger options; tests pass a stream to inspect what gets logged. */
  logger?: FastifyServerOptions['logger'];
}

/**
 * Single cluster: the API sits right under the base path (`<base>api/...`). Several: each under
 * `<base>clusters/<id>/api/...`. Either way the browser fetches `${apiBase}/api/v1/...`.
 */
export function clusterPrefix(basePath: string, clusters: ClusterTarget[], cluster: ClusterTarget) {
  return clusters.length === 1 ? basePath : `${basePath}clusters/${cluster.id}/`;
}

export function runtimeConfigFor(config: ServerConfig, clusters: ClusterTarget[]): RuntimeConfig {
  return {
    basePath: config.basePath,
    clusters: clusters.map((cluster) => ({
      id: cluster.id,
      name: cluster.name,
      ...(cluster.notes ? { notes: cluster.notes } : {}),
      apiBase: clusterPrefix(config.basePath, clusters, cluster).replace(/\/$/, ''),
      proxyTimeoutMs: config.proxyTimeoutMs,
    })),
    embedOrigins: config.embedOrigins,
  };
}

/** Log what a request was, never what it carried: no headers (X-OCS-* hold passwords), no bodies. */
const requestSerializer = (request: { method: string; url: string; ip?: string }) => ({
  method: request.method,
  url: request.url,
  remoteAddress: request.ip,
});

export async function buildServer(
  config: ServerConfig,
  options: BuildOptions,
): Promise<FastifyInstance> {
  const { clusters } = options;
  if (clusters.length === 0) throw new Error('buildServer needs at least one cluster');
  // Opened first: a history file that cannot be opened stops the start (main.ts exits with 2).
  const history = openHistoryStore(config.historyDb, {
    retentionDays: config.historyRetentionDays,
  });
  try {
    return await buildApp(config, clusters, options, history);
  } catch (error) {
    history.close();
    throw error;
  }
}

async function buildApp(
  config: ServerConfig,
  clusters: ClusterTarget[],
  options: BuildOptions,
  history: HistoryStore,
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? {
      level: config.logLevel,
      serializers: { req: requestSerializer },
    },
    // X-Forwarded-For is believed only from the portal's proxies (TRUSTED_PROXIES): anyone else
    // reaching the server directly could otherwise choose the address that gets logged.
    trustProxy: config.trustedProxies.length > 0 ? config.trustedProxies : false,
    return503OnClosing: true,
    bodyLimit: PROXY_BODY_LIMIT,
    // A client must send its whole request (headers and body) within the proxy's timeout, and
    // node checks that often enough for a slow uploader to be cut close to it.
    requestTimeout: config.proxyTimeoutMs,
    http: {
      requestTimeout: config.proxyTimeoutMs,
      headersTimeout: Math.min(config.proxyTimeoutMs, 60_000),
      connectionsCheckingInterval: Math.min(1_000, Math.max(50, config.proxyTimeoutMs / 4)),
    },
    frameworkErrors: frameworkErrors(config.frameAncestors),
    clientErrorHandler: clientErrorHandler(config.frameAncestors),
  });
  // Closed after the last request: every acknowledged write is already on disk (synchronous=FULL).
  app.addHook('onClose', (_instance, done) => {
    history.close();
    done();
  });
  app.setErrorHandler(errorHandler);
  registerSecurityHeaders(app, config.frameAncestors);
  // While shutting down, answers close their connection so close() is not held up by keep-alive
  // sockets (in-flight requests still finish; see shutdown.ts).
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  const base = config.basePath;
  const apiLike = new RegExp(`^${escapeRegExp(base)}(?:api|clusters)(?:/|$)`);
  app.addHook('onSend', async (request, reply, payload) => {
    if (closing) reply.header('Connection', 'close');
    // obshell's answers carry access_key=… in clear: no browser cache may keep any of them.
    if (apiLike.test(request.url)) reply.header('Cache-Control', 'no-store');
    return payload;
  });

  const template = await readFile(path.join(config.distDir, 'index.html'), 'utf8').catch(() => {
    throw new Error(
      `No built app in ${config.distDir} (index.html missing): run "npm run build" first.`,
    );
  });
  const indexHtml = renderIndexHtml(template, runtimeConfigFor(config, clusters));

  app.get('/healthz', (_request, reply) => reply.send({ status: 'ok' }));

  const agents = createUpstreamAgents(app);
  await registerObshellProxy(app, {
    basePath: base,
    clusters,
    timeoutMs: config.proxyTimeoutMs,
    // Who the portal says the user is stays here: obshell has no use for it.
    dropHeaders: config.trustedUserHeader ? [config.trustedUserHeader] : [],
    agents,
  });
  await registerReadBatch(app, {
    basePath: base,
    clusters,
    timeoutMs: config.proxyTimeoutMs,
    agents,
  });

  await registerHistoryRoutes(app, {
    store: history,
    basePath: base,
    trustedProxies: config.trustedProxies,
    userHeader: config.trustedUserHeader,
    clusterIds: clusters.map((cluster) => cluster.id),
  });

  await app.register(fastifyStatic, {
    root: config.distDir,
    prefix: base,
    index: false,
    // index.html is always rendered (base href + runtime config), never sent raw.
    // Source maps are built (hidden) for our own debugging; served only when asked for.
    allowedPath: (pathname) =>
      pathname !== '/index.html' &&
      pathname !== '/' &&
      (config.serveSourceMaps || !pathname.endsWith('.map')),
    setHeaders: (response, filePath) => {
      // Hashed file names never change content: cache them for good.
      if (filePath.includes(`${path.sep}assets${path.sep}`)) {
        response.header('Cache-Control', 'public, max-age=31536000, immutable');
      }
    },
  });

  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0] ?? '';
    if (apiLike.test(pathname)) {
      return reply
        .code(404)
        .send(
          errorEnvelope(404, 'Proxy.NoSuchCluster', `No obshell is configured for ${pathname}`),
        );
    }
    const isPage = !/\.[a-z0-9]+$/i.test(pathname) || pathname === `${base}index.html`;
    const read = request.method === 'GET' || request.method === 'HEAD';
    if (read && pathname.startsWith(base) && isPage) {
      // A client-side route (/ops/backup/tasks/123): the app itself decides what to show.
      return reply
        .header('Cache-Control', 'no-cache')
        .type('text/html; charset=utf-8')
        .send(indexHtml);
    }
    if (read && `${pathname}/` === base) return reply.redirect(base);
    return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
  });
  return app;
}

function escapeRegExp(value: string) {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
