import { maskSecrets } from '../../../lib/backup-rules/mask-secrets';

/**
 * Backup destinations as OceanBase reads them: `file:///path`, or
 * `<scheme>://<bucket>/<path>?host=...&access_id=...&access_key=...[&appid=...][&s3_region=...]`.
 * obshell only checks the scheme prefix, then pastes the URI into SQL — which is why characters that
 * would break that SQL are refused here.
 */
export const STORAGE_SCHEMES = ['file', 'oss', 'cos', 's3'] as const;
export type StorageScheme = (typeof STORAGE_SCHEMES)[number];

export interface Destination {
  scheme: StorageScheme;
  /** file: the directory (`/data/backup`); object storage: `bucket/dir`. */
  path: string;
  host: string;
  access_id: string;
  access_key: string;
  appid: string;
  s3_region: string;
}

export type DestinationField = Exclude<keyof Destination, 'scheme'>;

export const EMPTY_DESTINATION: Destination = {
  scheme: 'file',
  path: '',
  host: '',
  access_id: '',
  access_key: '',
  appid: '',
  s3_region: '',
};

/** Which parameters each scheme needs in the URI, in the order they are written. */
export function requiredParams(scheme: StorageScheme): DestinationField[] {
  switch (scheme) {
    case 'file':
      return [];
    case 'oss':
      return ['host', 'access_id', 'access_key'];
    case 'cos':
      return ['host', 'access_id', 'access_key', 'appid'];
    case 's3':
      return ['host', 'access_id', 'access_key', 's3_region'];
  }
}

/** The server's own rule (contract §4): nothing but the prefix. */
export function hasAcceptedScheme(uri: string): boolean {
  return STORAGE_SCHEMES.some((scheme) => uri.startsWith(`${scheme}://`));
}

export type UnsafeCharacter = 'quote' | 'semicolon' | 'whitespace' | 'newline';

/** Quotes and `;` would end obshell's SQL string; whitespace and newlines split OceanBase's options. */
export function findUnsafeCharacter(value: string): UnsafeCharacter | undefined {
  if (/['"`]/.test(value)) return 'quote';
  if (value.includes(';')) return 'semicolon';
  if (/[\r\n]/.test(value)) return 'newline';
  if (/\s/.test(value)) return 'whitespace';
  return undefined;
}

/** Characters that would change the meaning of a query parameter value. */
export function breaksQuery(value: string): boolean {
  return /[&?#=]/.test(value);
}

export { maskSecrets };

export function composeUri(d: Destination): string {
  const base = `${d.scheme}://${d.path}`;
  const params = requiredParams(d.scheme)
    .map((name) => `${name}=${d[name]}`)
    .join('&');
  return params ? `${base}?${params}` : base;
}

/** The reverse of `composeUri`; undefined when the URI has a shape this form cannot edit. */
export function parseUri(uri: string): Destination | undefined {
  const match = /^(file|oss|cos|s3):\/\/([^?]*)(?:\?(.*))?$/.exec(uri);
  if (!match) return undefined;
  const scheme = match[1] as StorageScheme;
  const destination: Destination = { ...EMPTY_DESTINATION, scheme, path: match[2] ?? '' };
  const query = match[3];
  if (scheme === 'file') return query === undefined ? destination : undefined;
  const known = new Set<string>(requiredParams(scheme));
  for (const pair of (query ?? '').split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    if (!known.has(name)) return undefined;
    destination[name as DestinationField] = eq < 0 ? '' : pair.slice(eq + 1);
  }
  return destination;
}

/**
 * obshell stores archives at `<base>/<cluster_id>/<tenant_id>/clog` and data at `.../data`;
 * this returns `<base>` (the part before any `?parameters` carries the suffix).
 */
export function stripTenantSuffix(
  uri: string,
  clusterId: number | string,
  tenantId: number | string,
  kind: 'clog' | 'data',
): string | undefined {
  const q = uri.indexOf('?');
  const path = q < 0 ? uri : uri.slice(0, q);
  const query = q < 0 ? '' : uri.slice(q);
  const suffix = `/${clusterId}/${tenantId}/${kind}`;
  const trimmed = path.replace(/\/+$/, '');
  if (!trimmed.endsWith(suffix)) return undefined;
  return trimmed.slice(0, -suffix.length) + query;
}
