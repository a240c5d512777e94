import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RuntimeConfig } from '../src/lib/runtime-config.ts';
import type { ClusterTarget, ServerConfig } from './config.ts';
import { errorEnvelope } from './envelope.ts';
import { renderIndexHtml } from './index-html.ts';
import { registerClusterProxy } from './proxy.ts';
import { registerSecurityHeaders } from './security-headers.ts';

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
  const app = Fastify({
    logger: options.logger ?? {
      level: config.logLevel,
      serializers: { req: requestSerializer },
    },
    // Behind a portal's reverse proxy the client address comes from X-Forwarded-For.
    trustProxy: true,
    return503OnClosing: true,
  });
  registerSecurityHeaders(app, config.frameAncestors);
  // While shutting down, answers close their connection so close() is not held up by keep-alive
  // sockets (in-flight requests still finish; see shutdown.ts).
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing) reply.header('Connection', 'close');
    return payload;
  });

  const base = config.basePath;
  const template = await readFile(path.join(config.distDir, 'index.html'), 'utf8').catch(() => {
    throw new Error(
      `No built app in ${config.distDir} (index.html missing): run "npm run build" first.`,
    );
  });
  const indexHtml = renderIndexHtml(template, runtimeConfigFor(config, clusters));

  app.get('/healthz', (_request, reply) => reply.send({ status: 'ok' }));

  for (const cluster of clusters) {
    await registerClusterProxy(app, {
      prefix: clusterPrefix(base, clusters, cluster),
      cluster,
      timeoutMs: config.proxyTimeoutMs,
    });
  }

  await app.register(fastifyStatic, {
    root: config.distDir,
    prefix: base,
    index: false,
    // index.html is always rendered (base href + runtime config), never sent raw.
    allowedPath: (pathname) => pathname !== '/index.html' && pathname !== '/',
    setHeaders: (response, filePath) => {
      // Hashed file names never change content: cache them for good.
      if (filePath.includes(`${path.sep}assets${path.sep}`)) {
        response.header('Cache-Control', 'public, max-age=31536000, immutable');
      }
    },
  });

  const apiLike = new RegExp(`^${escapeRegExp(base)}(?:api|clusters)(?:/|$)`);
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
