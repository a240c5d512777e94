import { errors } from './errors';
import { NS, parseDuration, requireDuration } from './duration';

/**
 * `POST|PATCH /api/v1/obcluster/backup/config` body checks (contract §4), in obshell's order.
 * Step 1 mimics Go's encoding/json binding (type mismatches → Common.BindJsonFailed); step 2 the
 * handler's own checks. Absent and null both mean "leave unchanged".
 */
export interface BackupConfigChange {
  /** Cluster form: every user tenant gets `<uri>/<cluster_id>/<tenant_id>/{clog,data}`. */
  backupBaseUri?: string;
  /** Tenant form (§7): each destination as given plus a trailing '/'. */
  archiveBaseUri?: string;
  dataBaseUri?: string;
  logArchiveConcurrency?: number;
  haLowThreadScore?: number;
  /** Normalized: OPTIONAL or MANDATORY. */
  binding?: string;
  pieceSwitchInterval?: string;
  /** Lower-cased; validated here only when backupBaseUri is in the same body. */
  archiveLagTarget?: string;
  deletePolicy?: { policy: string; recoveryWindow: string };
}

export type ConfigForm = 'cluster' | 'tenant';
const STRUCTS: Record<ConfigForm, string> = {
  cluster: 'ClusterBackupConfigParam',
  tenant: 'TenantBackupConfigParam',
};
const URI_PREFIXES = ['file://', 'oss://', 'cos://', 's3://'];

function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'object';
  if (typeof value === 'boolean') return 'bool';
  return typeof value;
}

let STRUCT = STRUCTS.cluster;

function mismatch(value: unknown, field: string, goType: string): never {
  const kind = typeof value === 'number' ? `number ${String(value)}` : jsonKind(value);
  throw errors.bindJson(
    `json: cannot unmarshal ${kind} into Go struct field ${STRUCT}.${field} of type ${goType}`,
  );
}

function optString(body: Record<string, unknown>, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') mismatch(value, field, 'string');
  return value;
}

function optInt(body: Record<string, unknown>, field: string): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  // Go's `int` is 64-bit; JS can only vouch for safe integers.
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) mismatch(value, field, 'int');
  return value;
}

/** What binding (step 1) yields: the same fields, not yet checked or normalized by step 2. */
export type RawBody = BackupConfigChange;

export function bindBackupConfig(text: string, form: ConfigForm = 'cluster'): RawBody {
  STRUCT = STRUCTS[form];
  // obshell pads an empty body to `{}` before binding (middleware PaddingBody).
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw errors.bindJson(`invalid character in JSON: ${(cause as Error).message}`);
  }
  if (parsed === null) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    mismatch(parsed, '', `param.${STRUCT}`);
  }
  const body = parsed as Record<string, unknown>;
  const raw: RawBody = {};
  const assign = <K extends keyof RawBody>(key: K, value: RawBody[K] | undefined) => {
    if (value !== undefined) raw[key] = value;
  };
  if (form === 'cluster') assign('backupBaseUri', optString(body, 'backup_base_uri'));
  else {
    assign('dataBaseUri', optString(body, 'data_base_uri'));
    assign('archiveBaseUri', optString(body, 'archive_base_uri'));
  }
  assign('logArchiveConcurrency', optInt(body, 'log_archive_concurrency'));
  assign('haLowThreadScore', optInt(body, 'ha_low_thread_score'));
  assign('binding', optString(body, 'binding'));
  assign('pieceSwitchInterval', optString(body, 'piece_switch_interval'));
  assign('archiveLagTarget', optString(body, 'archive_lag_target'));
  const policy = body.delete_policy;
  if (policy !== undefined && policy !== null) {
    if (typeof policy !== 'object' || Array.isArray(policy)) {
      mismatch(policy, 'delete_policy', 'param.DeletePolicy');
    }
    const p = policy as Record<string, unknown>;
    raw.deletePolicy = {
      policy: optStringIn(p, 'policy'),
      recoveryWindow: optStringIn(p, 'recovery_window'),
    };
  }
  return raw;
}

function optStringIn(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') mismatch(value, `delete_policy.${field}`, 'string');
  return value;
}

export function isS3(uri: string): boolean {
  return uri.startsWith('s3://');
}

/** Bounds of archive_lag_target as obshell checks them (and as OceanBase does inside the DAG). */
export function checkArchiveLagTarget(value: string, archiveUri: string): void {
  const ns = requireDuration(value);
  if (ns > 2n * NS.h) throw errors.archiveLagTarget();
  if (isS3(archiveUri) && ns < NS.m) throw errors.archiveLagTargetForS3();
}

export function validateBackupConfig(
  raw: RawBody,
  mode: 'POST' | 'PATCH',
  userTenantCount: number,
): BackupConfigChange {
  if (mode === 'POST' && !raw.backupBaseUri) throw errors.baseUriEmpty();
  // A non-empty binding / piece_switch_interval needs a non-empty backup_base_uri beside it.
  if (mode === 'PATCH' && !raw.backupBaseUri) {
    if (raw.binding) throw errors.baseUriNeededFor('binding');
    if (raw.pieceSwitchInterval) throw errors.baseUriNeededFor('piece_switch_interval');
  }
  if (userTenantCount === 0) throw errors.noUserTenants();
  const change = checkValues(raw);
  if (raw.backupBaseUri) {
    const uri = raw.backupBaseUri;
    checkScheme(uri);
    change.backupBaseUri = uri;
  }
  if (raw.archiveLagTarget !== undefined) {
    const lag = raw.archiveLagTarget.toLowerCase();
    // Checked when backup_base_uri is present, even "" (then without the S3 rule); "" itself is not.
    if (raw.backupBaseUri !== undefined && lag !== '') {
      checkArchiveLagTarget(lag, raw.backupBaseUri);
    }
    change.archiveLagTarget = lag;
  }
  return change;
}

export function checkScheme(uri: string): void {
  if (!URI_PREFIXES.some((prefix) => uri.startsWith(prefix))) throw errors.storageUri();
}

/** BackupConfigParam.Check up to the URIs: shared by the cluster and the tenant form. */
export function checkValues(raw: RawBody): BackupConfigChange {
  const change: BackupConfigChange = {};
  if (raw.logArchiveConcurrency !== undefined) {
    if (raw.logArchiveConcurrency < 0 || raw.logArchiveConcurrency > 100) {
      throw errors.logArchiveConcurrency();
    }
    change.logArchiveConcurrency = raw.logArchiveConcurrency;
  }
  if (raw.haLowThreadScore !== undefined) {
    if (raw.haLowThreadScore < 0 || raw.haLowThreadScore > 100) throw errors.haLowThreadScore();
    change.haLowThreadScore = raw.haLowThreadScore;
  }
  if (raw.binding !== undefined) {
    const binding = raw.binding.toUpperCase() || 'OPTIONAL';
    if (binding !== 'OPTIONAL' && binding !== 'MANDATORY') throw errors.binding(binding);
    change.binding = binding;
  }
  if (raw.pieceSwitchInterval !== undefined && raw.pieceSwitchInterval !== '') {
    const ns = requireDuration(raw.pieceSwitchInterval);
    if (ns < 24n * NS.h || ns > 168n * NS.h) throw errors.pieceSwitchInterval();
    change.pieceSwitchInterval = raw.pieceSwitchInterval;
  } else if (raw.pieceSwitchInterval === '') {
    change.pieceSwitchInterval = '';
  }
  if (raw.deletePolicy !== undefined) {
    const policy = raw.deletePolicy.policy.toLowerCase() || 'default';
    if (policy !== 'default') throw errors.deletePolicy(policy);
    change.deletePolicy = { policy, recoveryWindow: raw.deletePolicy.recoveryWindow };
  }
  return change;
}

/** The archive and data base URIs a change sets ("" = leave that destination unchanged). */
export function changeDestinations(change: BackupConfigChange): { archive: string; data: string } {
  return {
    archive: change.archiveBaseUri || change.backupBaseUri || '',
    data: change.dataBaseUri || change.backupBaseUri || '',
  };
}

/** True when OceanBase would refuse the value (the DAG's set step fails on it). */
export function archiveLagTargetProblem(value: string, archiveUri: string): string | undefined {
  const parsed = parseDuration(value);
  if (!parsed.ok)
    return `Error 1210 (HY000): Incorrect arguments to archive_lag_target: '${value}'`;
  if (parsed.ns > 2n * NS.h || (isS3(archiveUri) && parsed.ns < NS.m)) {
    return `Error 1210 (HY000): Incorrect arguments to archive_lag_target: '${value}' is out of range`;
  }
  return undefined;
}
