import { z } from 'zod';
import { maskSecrets } from '../../../lib/backup-rules/mask-secrets';

/**
 * Backup destinations as OceanBase reads them: `file:///path`, or
 * `<scheme>://<bucket>/<key>?host=...[&appid=...|&s3_region=...][&delete_mode=...]&access_id=...&access_key=...`.
 * obshell's PATCH checks only the scheme prefix; its "Check backup config" step parses the rest
 * (destination-rules.ts), then pastes the URI into SQL — which is why characters that would break
 * that SQL are refused here.
 */
export const STORAGE_SCHEMES = ['file', 'oss', 'cos', 's3'] as const;
export type StorageScheme = (typeof STORAGE_SCHEMES)[number];

export const destinationSchema = z.object({
  scheme: z.enum(STORAGE_SCHEMES),
  /** file: the directory (`/data/backup`); object storage: `bucket/dir`. */
  path: z.string(),
  host: z.string(),
  access_id: z.string(),
  access_key: z.string(),
  appid: z.string(),
  s3_region: z.string(),
  delete_mode: z.string(),
});
export type Destination = z.infer<typeof destinationSchema>;

export type DestinationField = Exclude<keyof Destination, 'scheme'>;
export type DestinationParam = Exclude<DestinationField, 'path'>;

export const EMPTY_DESTINATION: Destination = {
  scheme: 'file',
  path: '',
  host: '',
  access_id: '',
  access_key: '',
  appid: '',
  s3_region: '',
  delete_mode: '',
};

export interface ParamSpec {
  name: DestinationParam;
  /**
   * Required by obshell's check step (cos appid) or by OceanBase to reach the storage at all (host
   * and the credentials: obshell's parser lets them be empty, the backup then cannot work).
   */
  required: boolean;
  /** obshell renders it back in the storage read (access_id/access_key are never shown). */
  public: boolean;
}

const CREDENTIALS: ParamSpec[] = [
  { name: 'access_id', required: true, public: false },
  { name: 'access_key', required: true, public: false },
];
const HOST: ParamSpec = { name: 'host', required: true, public: true };
const DELETE_MODE: ParamSpec = { name: 'delete_mode', required: false, public: true };

/**
 * The parameters each scheme takes, in the order obshell writes them (storage.go GenerateURI):
 * host, then appid (cos) or s3_region (s3), then delete_mode, then the credentials. obshell drops
 * every other query parameter before the URI reaches OceanBase (contract §4).
 */
export function schemeParams(scheme: StorageScheme): ParamSpec[] {
  switch (scheme) {
    case 'file':
      return [];
    case 'oss':
      return [HOST, DELETE_MODE, ...CREDENTIALS];
    case 'cos':
      return [HOST, { name: 'appid', required: true, public: true }, DELETE_MODE, ...CREDENTIALS];
    case 's3':
      // s3_region is optional: without it obshell's check uses host as the endpoint, region "auto".
      return [
        HOST,
        { name: 's3_region', required: false, public: true },
        DELETE_MODE,
        ...CREDENTIALS,
      ];
  }
}

/** The parameters each scheme takes (see `schemeParams`). */
export function paramNames(scheme: StorageScheme): DestinationParam[] {
  return schemeParams(scheme).map((p) => p.name);
}

/** Query parameters obshell keeps for a scheme; any other one never reaches OceanBase. */
export function keptParams(scheme: StorageScheme): Set<string> {
  return new Set(paramNames(scheme));
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

/**
 * The URI for the PATCH body. `secrets: false` gives obshell's rendering without credentials, which
 * is what the storage read returns: the form compares against that.
 */
export function composeUri(d: Destination, options: { secrets?: boolean } = {}): string {
  const base = `${d.scheme}://${d.path}`;
  const params = schemeParams(d.scheme)
    .filter((p) => (options.secrets === false ? p.public : true))
    .filter((p) => p.required || d[p.name] !== '')
    .map((p) => `${p.name}=${d[p.name]}`)
    .join('&');
  return params ? `${base}?${params}` : base;
}

/** Splits `a=1&b` into names and values (no decoding: the form writes values as typed). */
export function splitQuery(query: string): [string, string][] {
  return query
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq < 0 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
    });
}

/** The destination has any input at all (empty = leave that destination unchanged). */
export function isFilled(d: Destination): boolean {
  return d.path !== '' || paramNames(d.scheme).some((name) => d[name] !== '');
}

/** The reverse of `composeUri`; undefined when the URI has a shape this form cannot edit. */
export function parseUri(uri: string): Destination | undefined {
  const match = /^(file|oss|cos|s3):\/\/([^?]*)(?:\?(.*))?$/.exec(uri);
  if (!match) return undefined;
  const scheme = match[1] as StorageScheme;
  const destination: Destination = { ...EMPTY_DESTINATION, scheme, path: match[2] ?? '' };
  const query = match[3];
  if (scheme === 'file') return query === undefined ? destination : undefined;
  const known = keptParams(scheme);
  for (const [name, value] of splitQuery(query ?? '')) {
    if (!known.has(name)) return undefined;
    destination[name as DestinationParam] = value;
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
