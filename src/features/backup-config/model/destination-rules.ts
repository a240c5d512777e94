import type { IssueKey, IssueParams } from './issue';
import {
  breaksQuery,
  findUnsafeCharacter,
  keptParams,
  schemeParams,
  splitQuery,
  type Destination,
  type DestinationField,
} from './storage-uri';

export type DestinationIssue = [field: DestinationField, key: IssueKey, params?: IssueParams];

/**
 * The rules obshell's "Check backup config" step applies when it parses the URI (contract §4,
 * storage.go GetStorageInterfaceByURI), caught here so the DAG does not fail on them later:
 * - file: the path starts with `/` and has no `?`;
 * - oss/cos/s3: `<bucket>/<key>?<query>` (a `/` after the bucket, a non-empty query: host is
 *   always written), cos needs appid; s3_region is optional.
 * Stricter on purpose (the check step would pass, the backup would not work): SQL-breaking
 * characters, an empty bucket, host and credentials left empty, and query parameters obshell drops
 * before the URI reaches OceanBase.
 */
export function pathIssue(d: Destination): [IssueKey, IssueParams?] | undefined {
  if (d.path === '') return [d.scheme === 'file' ? 'uri.file-absolute' : 'uri.path-required'];
  const unsafe = findUnsafeCharacter(d.path);
  if (unsafe) return [`unsafe.${unsafe}`];
  if (d.scheme === 'file') {
    if (d.path.includes('?')) return ['uri.file-query'];
    if (!d.path.startsWith('/')) return ['uri.file-absolute'];
    return undefined;
  }
  const q = d.path.indexOf('?');
  if (q >= 0) {
    const kept = keptParams(d.scheme);
    const dropped = splitQuery(d.path.slice(q + 1))
      .map(([name]) => name)
      .filter((name) => !kept.has(name));
    if (dropped.length > 0) {
      return ['uri.dropped-params', { names: [...new Set(dropped)].join(', ') }];
    }
    return ['uri.params-in-path'];
  }
  if (d.path.startsWith('/')) return ['uri.leading-slash'];
  if (!d.path.includes('/')) return ['uri.bucket-key'];
  if (d.path.includes('#')) return ['uri.query-char'];
  return undefined;
}

/** Every problem of a destination that is going to be sent. */
export function destinationIssues(d: Destination): DestinationIssue[] {
  const issues: DestinationIssue[] = [];
  const path = pathIssue(d);
  if (path) issues.push(['path', ...path]);
  for (const spec of schemeParams(d.scheme)) {
    const value = d[spec.name];
    const unsafe = findUnsafeCharacter(value);
    if (value === '') {
      if (spec.name === 'appid') issues.push([spec.name, 'uri.cos-appid']);
      else if (spec.required) issues.push([spec.name, 'uri.param-required']);
    } else if (unsafe) issues.push([spec.name, `unsafe.${unsafe}`]);
    else if (breaksQuery(value)) issues.push([spec.name, 'uri.query-char']);
  }
  return issues;
}

/** Issue keys that are obshell's own check-step rules (the rest are the form's extra care). */
export const CHECK_STEP_ISSUES: ReadonlySet<string> = new Set([
  'uri.file-absolute',
  'uri.file-query',
  'uri.bucket-key',
  'uri.cos-appid',
]);
