import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';
import type { ClusterTarget } from './config.ts';
import { errorEnvelope } from './envelope.ts';
import { sendProxyError, sendProxyTimeout } from './proxy-errors.ts';
import { forwardedRequestHeaders, passedResponseHeaders } from './proxy-headers.ts';
import { upstreamRequest, type UpstreamAgents } from './upstream.ts';

/** obshell's own bodies are small JSON; this is Fastify's default, stated. */
export const PROXY_BODY_LIMIT = 1024 * 1024;

declare module 'fastify' {
  interface FastifyRequest {
    /** When the request's headers arrived: the proxy's deadline counts from here. */
    receivedAt: number;
  }
}

interface Target {
  cluster: ClusterTarget;
  /** obshell's path and query, exactly as the browser sent (and signed) them. */
  path: string;
}

/**
 * One route for every cluster: `<base>api/...` (single cluster) or `<base>clusters/<id>/api/...`,
 * the cluster picked from a Map (thousands of clusters cost one route, one hook). The body is read
 * in full first (≤ 1 MiB, within the server's requestTimeout), so a slow uploader never holds an
 * obshell connection; the whole request — body, waiting for a pooled connection, waiting for
 * obshell — ends by `timeoutMs` after it arrived, with a 504 envelope if obshell has not answered.
 */
export async function registerObshellProxy(
  app: FastifyInstance,
  options: {
    basePath: string;
    clusters: ClusterTarget[];
    timeoutMs: number;
    /** Request headers that never reach obshell beyond the built-in list (any case). */
    dropHeaders?: readonly string[];
    /** Keep-alive connections to each obshell (the app destroys them on close). */
    agents: UpstreamAgents;
  },
) {
  const { basePath, clusters, timeoutMs, agents } = options;
  const dropped = new Set((options.dropHeaders ?? []).map((name) => name.toLowerCase()));
  const byId = new Map(clusters.map((cluster) => [cluster.id, cluster]));
  const single = clusters.length === 1 ? clusters[0] : undefined;

  /** Exact prefix match on the raw URL: obshell checks the signed uri byte for byte. */
  const targetOf = (rawUrl: string): Target | undefined => {
    if (!rawUrl.startsWith(basePath)) return undefined;
    let rest = rawUrl.slice(basePath.length - 1);
    let cluster = single;
    if (!single) {
      const match = /^\/clusters\/([a-z0-9_-]+)(\/.*)?$/.exec(rest);
      cluster = match?.[1] ? byId.get(match[1]) : undefined;
      rest = match?.[2] ?? '';
    }
    if (!cluster || !/^\/api(?:[/?]|$)/.test(rest)) return undefined;
    return { cluster, path: rest };
  };

  await app.register((scope, _options, registered) => {
    // Raw bytes of any type: the body is forwarded, never interpreted (it is signed).
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: PROXY_BODY_LIMIT },
      (_request, body, done) => done(null, body),
    );
    scope.addHook('onRequest', (request, _reply, next) => {
      request.receivedAt = Date.now();
      next();
    });
    const handler = (request: FastifyRequest, reply: FastifyReply) => {
      const target = targetOf(request.raw.url ?? '');
      if (!target) {
        return reply
          .code(404)
          .send(
            errorEnvelope(404, 'Proxy.NoSuchCluster', 'No obshell is configured for this path'),
          );
      }
      return forward(reply, target, {
        method: request.method,
        headers: request.headers,
        body: Buffer.isBuffer(request.body) ? request.body : undefined,
        deadline: request.receivedAt + timeoutMs,
      });
    };
    const paths = single
      ? [`${basePath}api`, `${basePath}api/*`]
      : [`${basePath}clusters/:cluster/api`, `${basePath}clusters/:cluster/api/*`];
    for (const url of paths) scope.all(url, handler);
    registered();
  });

  function forward(
    reply: FastifyReply,
    { cluster, path }: Target,
    request: {
      method: string;
      headers: IncomingHttpHeaders;
      body: Buffer | undefined;
      deadline: number;
    },
  ) {
    const remaining = request.deadline - Date.now();
    if (remaining <= 0) return sendProxyTimeout(reply, cluster);
    // Resolves with the reply: Fastify then knows the answer is on its way (a piped stream).
    return new Promise<FastifyReply>((resolve) => {
      let settled = false;
      const finish = (send: () => unknown) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        send();
        resolve(reply);
      };
      const outgoing = upstreamRequest(agents, cluster, {
        method: request.method,
        path,
        headers: forwardedRequestHeaders(request.headers, request.body?.length, dropped),
      });
      // The deadline also covers the wait for a pooled connection: destroy() leaves the queue.
      const timer = setTimeout(() => {
        outgoing.destroy();
        finish(() => sendProxyTimeout(reply, cluster));
      }, remaining);
      outgoing.on('response', (answer) => {
        // Headers are in: from here a stalled body ends the stream rather than the answer.
        answer.setTimeout(Math.max(remaining, 1000), () => answer.destroy());
        finish(() =>
          reply
            .code(answer.statusCode ?? 502)
            .headers(passedResponseHeaders(answer.headers))
            .send(answer),
        );
      });
      outgoing.on('error', (error) => {
        finish(() => sendProxyError(reply, error, cluster));
      });
      reply.raw.once('close', () => {
        if (!reply.raw.writableFinished) outgoing.destroy();
      });
      outgoing.end(request.body);
    });
  }
}
