import type { FastifyReply } from 'fastify';
import { randomBytes } from 'node:crypto';

/**
 * An error in obshell's own envelope shape (contract §1), so the browser's client explains a
 * proxy failure exactly as it explains an obshell failure: HTTP status = `status`, dotted errCode.
 */
export function errorEnvelope(status: number, errCode: string, message: string) {
  return {
    successful: false,
    timestamp: new Date().toISOString(),
    duration: 0,
    status,
    traceId: randomBytes(8).toString('hex'),
    error: { errCode, message, subErrors: [] },
  };
}

/** Answers with that error envelope, never cached (the dashboard server's own refusals). */
export function sendError(reply: FastifyReply, status: number, errCode: string, message: string) {
  return reply
    .code(status)
    .header('Cache-Control', 'no-store')
    .send(errorEnvelope(status, errCode, message));
}
