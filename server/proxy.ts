import httpProxy from '@fastify/http-proxy';
import type { FastifyInstance } from 'fastify';
import type { ClusterTarget } from './config.ts';
import { errorEnvelope } from './envelope.ts';

/** Network-level failures that mean "obshell is not there" rather than "obshell is slow". */
const unreachableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);
const timeoutCodes = new Set([
  'FST_REPLY_FROM_GATEWAY_TIMEOUT',
  'FST_REPLY_FROM_TIMEOUT',
  'FST_REPLY_FROM_HTTP_REQUEST_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'ETIMEDOUT',
]);

function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth += 1) {
    if ('code' in current && typeof current.code === 'string') codes.push(current.code);
    current = 'cause' in current ? current.cause : undefined;
  }
  return codes;
}

/** obshell did not answer: tell the browser in obshell's envelope, with a reason a DBA can act on. */
/** The few reply methods used here, so both HTTP/1 and the proxy's generic reply type fit. */
interface ErrorReply {
  code(status: number): { send(payload: unknown): unknown };
  log: { warn(details: object, message: string): void };
}

export function sendProxyError(reply: ErrorReply, error: unknown, cluster: ClusterTarget) {
  const codes = codesOf(error);
  const where = `obshell of cluster "${cluster.name}" (${cluster.url})`;
  if (codes.some((code) => timeoutCodes.has(code))) {
    reply.log.warn({ cluster: cluster.id, codes }, 'obshell timed out');
    return reply
      .code(504)
      .send(
        errorEnvelope(
          504,
          'Proxy.Timeout',
          `The ${where} did not answer in time. The request may still have been carried out; check the tasks before repeating it.`,
        ),
      );
  }
  const unreachable = codes.some((code) => unreachableCodes.has(code));
  reply.log.warn({ cluster: cluster.id, codes }, 'obshell unreachable');
  return reply
    .code(502)
    .send(
      errorEnvelope(
        502,
        'Proxy.Unreachable',
        unreachable
          ? `Cannot reach the ${where}: the agent is not running or the network is down.`
          : `The ${where} failed to answer (${codes[0] ?? 'no response'}).`,
      ),
    );
}

/**
 * `<prefix>/api/...` → `<cluster.url>/api/...`, path and query byte-for-byte: the browser signed
 * obshell's own uri, and obshell rejects the call if what it receives differs (UriMismatch).
 * Answers pass through unchanged (status, headers, envelope).
 */
export async function registerClusterProxy(
  app: FastifyInstance,
  options: { prefix: string; cluster: ClusterTarget; timeoutMs: number },
) {
  const { cluster } = options;
  await app.register(httpProxy, {
    upstream: cluster.url,
    prefix: `${options.prefix}api`,
    rewritePrefix: '/api',
    // Logged per request by Fastify already; reply-from's own lines add nothing (and never bodies).
    disableRequestLogging: true,
    undici: {
      connectTimeout: Math.min(options.timeoutMs, 10_000),
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    },
    replyOptions: {
      onError: (reply, { error }) => {
        void sendProxyError(reply, error, cluster);
      },
    },
  });
}
