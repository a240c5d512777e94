/**
 * Backup destination URIs as obshell parses and re-renders them (contract §4, lib/system/storage.go):
 * the check node's parse rules, the URI sent to OceanBase, and the one shown without secrets.
 */
export interface ParsedUri {
  scheme: 'file' | 'oss' | 'cos' | 's3';
  /** file: the path; object storage: bucket and key (trailing "/" trimmed). */
  path: string;
  bucket: string;
  key: string;
  params: URLSearchParams;
}

export type ParseResult = { ok: true; uri: ParsedUri } | { ok: false; reason: string };

const SCHEMES = ['file', 'oss', 'cos', 's3'] as const;

export function parseStorageUri(uri: string): ParseResult {
  const scheme = SCHEMES.find((s) => uri.startsWith(`${s}://`));
  if (!scheme) return { ok: false, reason: 'invalid uri protocol' };
  const rest = uri.slice(scheme.length + 3);
  if (scheme === 'file') {
    if (rest.includes('?'))
      return { ok: false, reason: "invalid file path, contains invalid character '?'" };
    if (!rest.startsWith('/'))
      return { ok: false, reason: "invalid file path, must start with '/'" };
    return {
      ok: true,
      uri: { scheme, path: rest, bucket: '', key: '', params: new URLSearchParams() },
    };
  }
  const slash = rest.indexOf('/');
  if (slash < 0) return { ok: false, reason: 'invalid url format' };
  const bucket = rest.slice(0, slash);
  const tail = rest.slice(slash + 1);
  const queryAt = tail.indexOf('?');
  if (queryAt < 0 || queryAt === tail.length - 1) {
    return { ok: false, reason: 'invalid url format, missing query params' };
  }
  const key = tail.slice(0, queryAt).replace(/\/+$/, '');
  // obshell escapes "+" before parsing, so it stays a literal plus.
  const params = new URLSearchParams(tail.slice(queryAt + 1).replace(/\+/g, '%2B'));
  if (scheme === 'cos' && !params.get('appid'))
    return { ok: false, reason: 'cos appid is required' };
  return { ok: true, uri: { scheme, path: '', bucket, key, params } };
}

/** `<uri>` with `/<cluster_id>/<tenant_id>/<dir>` appended to its path or key. */
export function withSubpath(uri: ParsedUri, subpath: string): ParsedUri {
  if (uri.scheme === 'file') return { ...uri, path: `${uri.path}/${subpath}` };
  return { ...uri, key: `${uri.key}/${subpath}` };
}

/** GenerateURIWithoutSecret / GenerateURI: host, appid|s3_region, delete_mode[, access_id, access_key]. */
export function renderUri(uri: ParsedUri, withSecret: boolean): string {
  if (uri.scheme === 'file') return `file://${uri.path}`;
  const p = uri.params;
  let out = `${uri.scheme}://${uri.bucket}/${uri.key}?host=${p.get('host') ?? ''}`;
  if (uri.scheme === 'cos' && p.get('appid')) out += `&appid=${p.get('appid') ?? ''}`;
  if (uri.scheme === 's3' && p.get('s3_region')) out += `&s3_region=${p.get('s3_region') ?? ''}`;
  if (p.get('delete_mode')) out += `&delete_mode=${p.get('delete_mode') ?? ''}`;
  if (withSecret) {
    out += `&access_id=${p.get('access_id') ?? ''}&access_key=${p.get('access_key') ?? ''}`;
  }
  return out;
}

export function storageType(uri: ParsedUri): string {
  return uri.scheme;
}

/**
 * The destination a cluster-level set gives one tenant, as OceanBase stores it (with secrets).
 * A URI the check would refuse is kept as given plus the subpath (the check node fails first).
 */
export function tenantDestination(
  base: string,
  clusterId: number,
  tenantId: number,
  dir: string,
): string {
  const parsed = parseStorageUri(base);
  if (!parsed.ok) return `${base.replace(/\/+$/, '')}/${clusterId}/${tenantId}/${dir}`;
  return renderUri(withSubpath(parsed.uri, `${clusterId}/${tenantId}/${dir}`), true);
}

/** The destination without access_id/access_key (task logs, storage read); undefined if unparsable. */
export function displayUri(stored: string): string | undefined {
  const parsed = parseStorageUri(stored);
  return parsed.ok ? renderUri(parsed.uri, false) : undefined;
}

/** The destination a tenant-level set stores (§7): the URI as given plus '/', no subpath. */
export function ownDestination(base: string): string {
  const parsed = parseStorageUri(base);
  if (!parsed.ok) return `${base}/`;
  return renderUri(withSubpath(parsed.uri, ''), true);
}
