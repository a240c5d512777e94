import { Agent as HttpAgent, request as httpRequest, type OutgoingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { FastifyInstance } from 'fastify';
import type { ClusterTarget } from './config.ts';

/** Upstream connections per cluster: obshell is one process; more only queue there. */
const SOCKETS_PER_CLUSTER = 32;

/**
 * One keep-alive pool per cluster, shared by the proxy and the read-batch route, so both reuse the
 * same warm connections to that obshell. Its sockets are destroyed when `app` closes.
 */
export function createUpstreamAgents(app: FastifyInstance) {
  const agents = new Map<string, HttpAgent>();
  app.addHook('onClose', (_instance, done) => {
    for (const agent of agents.values()) agent.destroy();
    agents.clear();
    done();
  });
  return {
    agentFor(cluster: ClusterTarget): HttpAgent {
      let agent = agents.get(cluster.id);
      if (!agent) {
        const Agent = cluster.url.startsWith('https:') ? HttpsAgent : HttpAgent;
        agent = new Agent({ keepAlive: true, maxSockets: SOCKETS_PER_CLUSTER });
        agents.set(cluster.id, agent);
      }
      return agent;
    },
  };
}

export type UpstreamAgents = ReturnType<typeof createUpstreamAgents>;

/** The request to obshell for `path` (obshell's path and query, exactly as signed). */
export function upstreamRequest(
  agents: UpstreamAgents,
  cluster: ClusterTarget,
  request: { method: string; path: string; headers: OutgoingHttpHeaders },
) {
  const upstream = new URL(cluster.url);
  const send = upstream.protocol === 'https:' ? httpsRequest : httpRequest;
  return send({
    protocol: upstream.protocol,
    hostname: upstream.hostname.replace(/^\[|\]$/g, ''),
    port: upstream.port || undefined,
    method: request.method,
    path: request.path,
    agent: agents.agentFor(cluster),
    headers: { ...request.headers, host: upstream.host },
  });
}

/** A timeout of ours, coded like the network's own so proxyFailure() reports it as one. */
export class UpstreamTimeout extends Error {
  readonly code = 'ETIMEDOUT';
  constructor() {
    super('obshell did not answer before the deadline');
  }
}

/**
 * A whole exchange with obshell, answer read in full (for the read-batch route; the proxy streams
 * instead). Rejects with the network error, or UpstreamTimeout once `deadline` (epoch ms) passes.
 */
export function exchange(
  agents: UpstreamAgents,
  cluster: ClusterTarget,
  request: { method: string; path: string; headers: OutgoingHttpHeaders; deadline: number },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = upstreamRequest(agents, cluster, request);
    const timer = setTimeout(
      () => outgoing.destroy(new UpstreamTimeout()),
      Math.max(request.deadline - Date.now(), 0),
    );
    outgoing.on('response', (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        clearTimeout(timer);
        resolve({ status: answer.statusCode ?? 502, body: Buffer.concat(chunks).toString('utf8') });
      });
      answer.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    outgoing.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    outgoing.end();
  });
}
