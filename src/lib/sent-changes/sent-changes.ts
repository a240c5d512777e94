/**
 * What a backup-configuration PATCH asked for, kept per DAG so the task's timeline can read each
 * tenant back and compare (issue 13, "Proof after a change"). Memory only, on purpose: after a
 * reload, or for a DAG started elsewhere, the timeline says "nothing to compare" instead of
 * guessing. Never holds a secret: URIs are stored without access_id / access_key.
 */
export interface SentChange {
  /** The base URI without credentials (`backup_base_uri`), when the change set one. */
  backupBaseUri?: string;
  logArchiveConcurrency?: number;
  haLowThreadScore?: number;
  archiveLagTarget?: string;
}

/** The PATCH body fields the comparison can check (obshell has no read for the others, §4). */
export interface SentBody {
  backup_base_uri?: string;
  log_archive_concurrency?: number;
  ha_low_thread_score?: number;
  archive_lag_target?: string;
}

const CREDENTIAL_PARAMS = new Set(['access_id', 'access_key']);

/** The URI with its credential parameters removed (not masked: nothing of them is kept). */
export function secretFreeUri(uri: string): string {
  const at = uri.indexOf('?');
  if (at < 0) return uri;
  const kept = uri
    .slice(at + 1)
    .split('&')
    .filter(
      (pair) => pair !== '' && !CREDENTIAL_PARAMS.has(pair.split('=')[0]?.toLowerCase() ?? ''),
    );
  return kept.length > 0 ? `${uri.slice(0, at)}?${kept.join('&')}` : uri.slice(0, at);
}

/** The secret-free form of a body; `backup_base_uri: ""` changes no destination (§4). */
export function toSentChange(body: SentBody): SentChange {
  const sent: SentChange = {};
  if (body.backup_base_uri) sent.backupBaseUri = secretFreeUri(body.backup_base_uri);
  if (body.log_archive_concurrency !== undefined) {
    sent.logArchiveConcurrency = body.log_archive_concurrency;
  }
  if (body.ha_low_thread_score !== undefined) sent.haLowThreadScore = body.ha_low_thread_score;
  if (body.archive_lag_target !== undefined) sent.archiveLagTarget = body.archive_lag_target;
  return sent;
}

/** obshell switches archiving off for a destination or log_archive_concurrency change (§4). */
export function switchesArchivingOff(sent: SentChange): boolean {
  return sent.backupBaseUri !== undefined || sent.logArchiveConcurrency !== undefined;
}

const store = new Map<string, SentChange>();
const key = (clusterKey: string, dagId: string) => `${clusterKey}\u0000${dagId}`;

export function recordSentChange(clusterKey: string, dagId: string, body: SentBody): void {
  store.set(key(clusterKey, dagId), toSentChange(body));
}

export function sentChangeFor(clusterKey: string, dagId: string): SentChange | undefined {
  return store.get(key(clusterKey, dagId));
}

/** Tests only: forget everything recorded. */
export function clearSentChanges(): void {
  store.clear();
}
