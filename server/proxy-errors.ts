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
]);
const timeoutCodes = new Set(['ETIMEDOUT']);

function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth += 1) {
    if ('code' in current && typeof current.code === 'string') codes.push(current.code);
    current = 'cause' in current ? current.cause : undefined;
  }
  return codes;
}

/** The few reply methods used here. */
interface ErrorReply {
  code(status: number): { send(payload: unknown): unknown };
  log: { warn(details: object, message: string): void };
}

/** What the browser gets instead of obshell's answer, and what the server's log says. */
export interface ProxyFailure {
  status: 502 | 504;
  envelope: ReturnType<typeof errorEnvelope>;
  logMessage: string;
  codes: string[];
}

const where = (cluster: ClusterTarget) => `obshell of cluster "${cluster.name}" (${cluster.url})`;

/** No answer by the deadline: the request may have reached obshell, so say what to check. */
export function proxyTimeout(cluster: ClusterTarget, codes: string[] = []): ProxyFailure {
  return {
    status: 504,
    envelope: errorEnvelope(
      504,
      'Proxy.Timeout',
      `The ${where(cluster)} did not answer in time. The request may still have been carried out; check the tasks before repeating it.`,
    ),
    logMessage: 'obshell timed out',
    codes,
  };
}

/** obshell did not answer: said in obshell's envelope, with a reason a DBA can act on. */
export function proxyFailure(error: unknown, cluster: ClusterTarget): ProxyFailure {
  const codes = codesOf(error);
  if (codes.some((code) => timeoutCodes.has(code))) return proxyTimeout(cluster, codes);
  const unreachable = codes.some((code) => unreachableCodes.has(code));
  return {
    status: 502,
    envelope: errorEnvelope(
      502,
      'Proxy.Unreachable',
      unreachable
        ? `Cannot reach the ${where(cluster)}: the agent is not running or the network is down.`
        : `The ${where(cluster)} failed to answer (${codes[0] ?? 'no response'}).`,
    ),
    logMessage: 'obshell unreachable',
    codes,
  };
}

function sendFailure(reply: ErrorReply, cluster: ClusterTarget, failure: ProxyFailure) {
  reply.log.warn({ cluster: cluster.id, codes: failure.codes }, failure.logMessage);
  return reply.code(failure.status).send(failure.envelope);
}

export function sendProxyTimeout(reply: ErrorReply, cluster: ClusterTarget) {
  return sendFailure(reply, cluster, proxyTimeout(cluster));
}

export function sendProxyError(reply: ErrorReply, error: unknown, cluster: ClusterTarget) {
  return sendFailure(reply, cluster, proxyFailure(error, cluster));
}
