import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

/** RFC 9110 §7.6.1: meaningful for one connection only, never passed along. */
const hopByHop = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/**
 * What obshell has no business seeing: the portal's session (cookies, Authorization) and what our
 * side's proxies know about the user (X-Forwarded-*, Forwarded, X-Real-IP). Host (upstreamRequest) and
 * length are set anew.
 */
const neverForwarded =
  /^(?:cookie|authorization|forwarded|x-forwarded-.*|x-real-ip|host|content-length|expect)$/;

function without(headers: IncomingHttpHeaders, drop: (name: string) => boolean) {
  const listed = new Set(
    (headers.connection ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean),
  );
  const kept: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || hopByHop.has(name) || listed.has(name) || drop(name)) continue;
    kept[name] = value;
  }
  return kept;
}

/**
 * The browser's request headers as obshell gets them (X-OCS-* signatures pass unchanged). `drop`:
 * more names (lower case) that stop here, e.g. the portal's user header (TRUSTED_USER_HEADER).
 */
export function forwardedRequestHeaders(
  headers: IncomingHttpHeaders,
  bodyLength: number | undefined,
  drop: ReadonlySet<string> = new Set(),
): OutgoingHttpHeaders {
  return {
    ...without(headers, (name) => neverForwarded.test(name) || drop.has(name)),
    ...(bodyLength !== undefined ? { 'content-length': bodyLength } : {}),
  };
}

/**
 * obshell's answer headers as the browser gets them: hop-by-hop ones dropped (our connection to the
 * browser has its own Connection/Keep-Alive), and never stored — answers carry `access_key=…`.
 */
export function passedResponseHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  return { ...without(headers, () => false), 'cache-control': 'no-store' };
}
