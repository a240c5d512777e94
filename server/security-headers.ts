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

export function registerSecurityHeaders(app: FastifyInstance, frameAncestors: readonly string[]) {
  const csp = contentSecurityPolicy(frameAncestors);
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('Content-Security-Policy', csp);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    return payload;
  });
}
