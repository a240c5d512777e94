import type { FastifyInstance } from 'fastify';

/**
 * Scripts only from our own origin (no inline, no eval). Mantine injects <style> elements at run
 * time, so styles need 'unsafe-inline' — scripts are what an injection would need, and they stay
 * locked down.
 */
export function contentSecurityPolicy(frameAncestors: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors.join(' ')}`,
  ].join('; ');
}

/** Sent with every answer, including the ones written straight on the socket. */
export function securityHeaders(frameAncestors: readonly string[]): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(frameAncestors),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}

export function registerSecurityHeaders(app: FastifyInstance, frameAncestors: readonly string[]) {
  const headers = securityHeaders(frameAncestors);
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.headers(headers);
    return payload;
  });
}
