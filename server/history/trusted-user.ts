import { BlockList, isIP } from 'node:net';

export const UNKNOWN_USER = 'unknown';
const MAX_USER_CHARS = 200;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

/**
 * TRUSTED_PROXIES: addresses or CIDR ranges (IPv4/IPv6) of the portal's reverse proxies. Throws
 * with the offending item when one is neither.
 */
export function trustedProxyList(items: readonly string[]): BlockList {
  const list = new BlockList();
  for (const item of items) {
    const [address = '', bits, extra] = item.split('/');
    const family = isIP(address);
    const prefix = bits === undefined ? undefined : Number(bits);
    const max = family === 4 ? 32 : 128;
    if (
      family === 0 ||
      extra !== undefined ||
      (prefix !== undefined &&
        (!Number.isInteger(prefix) || prefix < 0 || prefix > max || bits === ''))
    ) {
      throw new Error(
        `"${item}" is not an IP address or CIDR range (e.g. 10.0.0.5 or 10.0.0.0/24)`,
      );
    }
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, prefix, type);
  }
  return list;
}

/** Compares addresses the way the socket reports them: `::ffff:10.0.0.1` is 10.0.0.1. */
export function isTrusted(list: BlockList, socketAddress: string | undefined): boolean {
  if (!socketAddress) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(socketAddress)?.[1];
  const address = mapped ?? socketAddress;
  const family = isIP(address);
  if (family === 0) return false;
  return list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The portal user: the header's value only when the TCP peer (never X-Forwarded-For, which the
 * browser can write) is a trusted proxy; otherwise "unknown". Control characters are dropped and
 * the length capped: the value ends up in exports.
 */
export function userFrom(
  headers: Record<string, string | string[] | undefined>,
  socketAddress: string | undefined,
  options: { userHeader: string | undefined; trusted: BlockList },
): string {
  if (!options.userHeader || !isTrusted(options.trusted, socketAddress)) return UNKNOWN_USER;
  const raw = headers[options.userHeader.toLowerCase()];
  if (typeof raw !== 'string') return UNKNOWN_USER;
  const clean = raw.replace(CONTROL_CHARACTERS, '').trim().slice(0, MAX_USER_CHARS);
  return clean || UNKNOWN_USER;
}
