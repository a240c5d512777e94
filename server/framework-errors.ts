import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { errorEnvelope } from './envelope.ts';
import { securityHeaders } from './security-headers.ts';

/**
 * Fastify's own refusals (a bad URL escape, a forbidden static path, a body too large, a header
 * block too large, a client too slow) answer like the rest of the server: obshell's envelope, the
 * security headers, never stored. 5xx details stay in the log, not in the answer.
 */
function envelopeFor(status: number, error: { message: string }) {
  const message = status >= 500 ? 'The dashboard server failed; see its log.' : error.message;
  return errorEnvelope(
    status,
    `Http.${STATUS_CODES[status]?.replace(/\W/g, '') ?? status}`,
    message,
  );
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  return reply.code(status).header('Cache-Control', 'no-store').send(envelopeFor(status, error));
}

/**
 * Errors raised before routing (FST_ERR_BAD_URL…): the same answer as errorHandler's, with the
 * security headers set here because no route's onSend hooks run for them.
 */
export function frameworkErrors(frameAncestors: readonly string[]) {
  const headers = securityHeaders(frameAncestors);
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    void errorHandler(error, request, reply.headers(headers));
  };
}

/** What node's HTTP parser refuses before Fastify sees a request: written on the socket. */
export function clientErrorHandler(
  frameAncestors: readonly string[],
): (error: Error & { code?: string }, socket: Socket) => void {
  const headers = securityHeaders(frameAncestors);
  return (error, socket) => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const status =
      error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? 408
        : error.code === 'HPE_HEADER_OVERFLOW'
          ? 431
          : 400;
    const messages: Record<number, string> = {
      408: 'The request was not received in time.',
      431: 'The request headers are too large.',
      400: 'The request is not valid HTTP.',
    };
    const body = JSON.stringify(envelopeFor(status, { message: messages[status] ?? '' }));
    if (socket.writable) {
      const lines = [
        `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`,
        'Content-Type: application/json; charset=utf-8',
        `Content-Length: ${Buffer.byteLength(body)}`,
        'Cache-Control: no-store',
        'Connection: close',
        ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
      ];
      socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
    }
    socket.destroySoon();
  };
}
