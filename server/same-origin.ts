import type { FastifyRequest } from 'fastify';
import { CSRF_HEADER } from '../src/lib/csrf-header.ts';

/** Node lower-cases the names of the headers it received. */
const CSRF_HEADER_RECEIVED = CSRF_HEADER.toLowerCase();

/**
 * CSRF defence for the history API and the read-batch route, two independent checks: the custom
 * header (a cross-site form or image cannot send it, and a cross-site fetch that does needs a CORS
 * preflight this server never grants), and the browser's own word on the origin (Sec-Fetch-Site,
 * else Origin).
 * Returns the reason for a refusal, or undefined when the request may proceed.
 */
export function csrfRefusal(request: FastifyRequest): string | undefined {
  if (request.headers[CSRF_HEADER_RECEIVED] !== '1') {
    return `the request lacks the "${CSRF_HEADER}: 1" header that the dashboard sends`;
  }
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') {
    return `only the dashboard's own pages may call this API (Sec-Fetch-Site: ${site.slice(0, 20)})`;
  }
  const origin = request.headers.origin;
  if (origin !== undefined) {
    let host: string | undefined;
    try {
      host = new URL(origin).host;
    } catch {
      host = undefined;
    }
    // request.host honours X-Forwarded-Host behind the portal's proxy (trustProxy).
    if (host?.toLowerCase() !== request.host.toLowerCase()) {
      return "only the dashboard's own origin may call this API";
    }
  }
  return undefined;
}
