import { isIPv4, isIPv6 } from 'node:net';
import { z } from 'zod';
import { trustedProxyList } from './history/trusted-user.ts';

/**
 * The value schemas behind server/config.ts's key table. Every pattern here is linear (no nested
 * quantifiers over the same characters): a configuration value must never take seconds to refuse.
 */

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** An obshell agent's address: http(s), host and port only (obshell's API lives at its root). */
export const obshellUrlSchema = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
  .refine((value) => {
    const url = new URL(value);
    return !url.username && !url.password;
  }, 'must not contain a user name or password (obshell authenticates every request itself)')
  .refine((value) => {
    const url = new URL(value);
    return (url.pathname === '/' || url.pathname === '') && !url.search && !url.hash;
  }, 'must be only scheme://host:port (obshell serves its API at the root)')
  .transform((value) => new URL(value).origin);

const dnsLabel = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/** A host as a person would type it for a portal: a DNS name, an IPv4 address or [IPv6]. */
function isStrictHost(host: string): boolean {
  if (host.startsWith('[') && host.endsWith(']')) return isIPv6(host.slice(1, -1));
  if (/^[0-9.]+$/.test(host)) return isIPv4(host);
  return host.length <= 253 && host.split('.').every((label) => dnsLabel.test(label));
}

const originPattern = /^(https?):\/\/([^/:[\]]+|\[[0-9a-f:.]+\])(?::([0-9]{1,5}))?\/?$/i;

/**
 * An origin as browsers compare them: scheme://host[:port], nothing else. Strict on purpose: the
 * value is written into a CSP header, so `;`, spaces or quotes would add directives of their own.
 */
export const originSchema = z
  .string()
  .refine((value) => {
    const match = originPattern.exec(value);
    if (!match?.[2] || !isStrictHost(match[2])) return false;
    return match[3] === undefined || Number(match[3]) <= 65535;
  }, 'must be an origin like https://portal.example.com (scheme, host, optional port; nothing else)')
  .transform((value) => new URL(value).origin);

export const frameAncestorSchema = z.union([z.enum(["'self'", "'none'"]), originSchema], {
  error: "must be 'self', 'none' or an origin like https://portal.example.com",
});

const segment = /^[A-Za-z0-9._~-]+$/;

/** `/`, `/ops/backup/`, `/ops/backup`; no `.` or `..` segment, no empty one. */
export const basePathSchema = z
  .string()
  .max(200, 'must be at most 200 characters')
  .refine((value) => {
    if (!value.startsWith('/')) return false;
    const segments = value.slice(1).replace(/\/$/, '').split('/');
    if (segments.length === 1 && segments[0] === '') return true;
    return segments.every((part) => segment.test(part) && part !== '.' && part !== '..');
  }, 'must be a URL path such as /ops/backup/ (letters, digits, . _ ~ - and /; no "." or ".." segment)')
  .transform((value) => (value.endsWith('/') ? value : `${value}/`));

/**
 * TRUSTED_PROXIES: an address or a CIDR range. The rule is the change history's (which believes
 * the portal's user header only from these addresses), so both read the list alike.
 */
export const trustedProxySchema = z.string().refine((value) => {
  try {
    trustedProxyList([value]);
    return true;
  } catch {
    return false;
  }
}, 'must be an IP address or a CIDR range such as 10.0.0.0/8');

/** A yes/no from the environment ("true", "1"…) or a JSON boolean. */
export const flagSchema = z.union([
  z.boolean(),
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
    .transform((value) => ['true', '1', 'yes'].includes(value)),
]);

export const clusterEntrySchema = z.strictObject({
  /** Optional; derived from the name when absent. Appears in URLs: lower-case letters, digits, - and _. */
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'use lower-case letters, digits, "-" and "_"')
    .optional(),
  name: z.string().trim().min(1, 'is required').max(100),
  url: obshellUrlSchema,
  notes: z.string().max(500).optional(),
});

/** A bare list, or `{ "clusters": [...] }`; one shape inside so errors point at the field. */
export const clustersFileSchema = z.preprocess(
  (value) => (Array.isArray(value) ? { clusters: value } : value),
  z.strictObject({ clusters: z.array(clusterEntrySchema).min(1, 'lists no cluster') }),
);
