/**
 * obshell's error catalogue as far as the dashboard meets it (contract §1, §2, §4, §5).
 * `legacy` is the integer `code` of obshell < 4.3.1; `kind` picks its legacy message prefix.
 */
export type Locale = 'en' | 'zh';
type LegacyKind = 'bad-request' | 'illegal-argument' | 'unexpected' | 'not-found' | 'unauthorized';

export interface SimErrorInit {
  errCode: string;
  status: number;
  legacy: number;
  kind: LegacyKind;
  en: string;
  zh: string;
}

export class SimError extends Error {
  readonly errCode: string;
  readonly status: number;
  readonly legacy: number;
  readonly kind: LegacyKind;
  readonly en: string;
  readonly zh: string;

  constructor(init: SimErrorInit) {
    super(init.en);
    this.errCode = init.errCode;
    this.status = init.status;
    this.legacy = init.legacy;
    this.kind = init.kind;
    this.en = init.en;
    this.zh = init.zh;
  }

  localized(locale: Locale): string {
    return locale === 'zh' ? this.zh : this.en;
  }

  /** obshell < 4.3.1: English only, prefixed by the kind of the integer code. */
  legacyMessage(): string {
    const prefix: Record<LegacyKind, string> = {
      'bad-request': 'Bad request: ',
      'illegal-argument': 'Illegal argument: ',
      unexpected: 'Unexpected error: ',
      'not-found': 'Element not found: ',
      unauthorized: 'Verification failed: ',
    };
    if (this.legacy === 2300) return this.en;
    return prefix[this.kind] + stripCurrentPrefix(this.en);
  }
}

function stripCurrentPrefix(message: string): string {
  return message.replace(/^(Unauthorized|Element not found|Bind JSON failed): /, '');
}

const bad = (errCode: string, en: string, zh: string): SimError =>
  new SimError({ errCode, status: 400, legacy: 1001, kind: 'illegal-argument', en, zh });

const unauthorized = (errCode: string, en: string, zh: string, legacy = 10008): SimError =>
  new SimError({
    errCode,
    status: 401,
    legacy,
    kind: 'unauthorized',
    en: `Unauthorized: ${en}`,
    zh: `未授权：${zh}`,
  });

export const errors = {
  headerNotFound: (name: string) =>
    new SimError({
      errCode: 'Request.Header.NotFound',
      status: 400,
      legacy: 1000,
      kind: 'bad-request',
      en: `Header '${name}' not found`,
      zh: `未找到请求头 '${name}'`,
    }),
  decryptFailed: (detail: string) =>
    unauthorized(
      'Security.Authentication.Header.DecryptFailed',
      `decrypt header failed: ${detail}`,
      `解密请求头失败：${detail}`,
      1,
    ),
  uriMismatch: (got: string, want: string) =>
    unauthorized(
      'Security.Authentication.Header.UriMismatch',
      `uri mismatch: header has '${got}', request is '${want}'`,
      `uri 不匹配：请求头为 '${got}'，实际请求为 '${want}'`,
    ),
  timestampInvalid: (ts: string) =>
    unauthorized(
      'Security.Authentication.Timestamp.Invalid',
      `invalid timestamp '${ts}'`,
      `非法的时间戳 '${ts}'`,
    ),
  expired: (ts: string) =>
    unauthorized(
      'Security.Authentication.Expired',
      `request expired (ts ${ts})`,
      `请求已过期（ts ${ts}）`,
    ),
  incorrectRootPassword: () =>
    unauthorized(
      'Security.Authentication.IncorrectOceanbasePassword',
      'incorrect root@sys password',
      'root@sys 密码错误',
    ),
  incorrectAgentPassword: () =>
    unauthorized(
      'Security.Authentication.IncorrectAgentPassword',
      'incorrect agent password',
      'agent 密码错误',
    ),
  aesKeyPanic: (keyBytes: number) =>
    new SimError({
      errCode: 'Common.Unexpected',
      status: 500,
      legacy: 1002,
      kind: 'unexpected',
      en: `Unexpected error: runtime error: AES-128-CBC needs a 16-byte key, got ${keyBytes} bytes`,
      zh: `意外错误：runtime error: AES-128-CBC 需要 16 字节密钥，收到 ${keyBytes} 字节`,
    }),
  bodyDecryptFailed: (detail: string) =>
    new SimError({
      errCode: 'Request.Body.Decrypt.AES.ContentLength.Invalid',
      status: 500,
      legacy: 1002,
      kind: 'unexpected',
      en: `Unexpected error: decrypt body failed: ${detail}`,
      zh: `意外错误：解密请求体失败：${detail}`,
    }),
  bodyTooLarge: (limit: number) =>
    new SimError({
      errCode: 'Request.Body.ReadFailed',
      status: 413,
      legacy: 1000,
      kind: 'bad-request',
      en: `Read request body failed: body exceeds ${limit} bytes`,
      zh: `读取请求体失败：请求体超过 ${limit} 字节`,
    }),
  notFound: (what: string) =>
    new SimError({
      errCode: 'Common.NotFound',
      status: 404,
      legacy: 1003,
      kind: 'not-found',
      en: `Element not found: ${what}`,
      zh: `未找到资源：${what}`,
    }),
  methodNotAllowed: (method: string, path: string) =>
    new SimError({
      errCode: 'Common.NotFound',
      status: 404,
      legacy: 1003,
      kind: 'not-found',
      en: `Element not found: ${method} ${path}`,
      zh: `未找到资源：${method} ${path}`,
    }),
  bindJson: (detail: string) =>
    new SimError({
      errCode: 'Common.BindJsonFailed',
      status: 400,
      legacy: 1000,
      kind: 'bad-request',
      en: `Bind JSON failed: ${detail}`,
      zh: `绑定 JSON 失败：${detail}`,
    }),
  queryIllegal: (name: string, value: string) =>
    new SimError({
      errCode: 'Request.Query.Param.Illegal',
      status: 400,
      legacy: 1000,
      kind: 'bad-request',
      en: `Query parameter '${name}' is illegal: '${value}'`,
      zh: `查询参数 '${name}' 非法：'${value}'`,
    }),
  injected500: () =>
    new SimError({
      errCode: 'Common.Unexpected',
      status: 500,
      legacy: 1002,
      kind: 'unexpected',
      en: 'Unexpected error: injected fault (simulator /__sim/faults)',
      zh: '意外错误：注入的故障（模拟器 /__sim/faults）',
    }),
  notClusterAgent: (identity: string) =>
    bad(
      'Agent.Identify.NotSupportOperation',
      `Agent identity is '${identity}', this operation needs 'CLUSTER AGENT'`,
      `Agent 身份为 '${identity}'，该操作需要 'CLUSTER AGENT'`,
    ),
  tenantNotExist: (name: string) =>
    new SimError({
      errCode: 'OB.Tenant.NotExist',
      status: 400,
      legacy: 1000,
      kind: 'bad-request',
      en: `Tenant '${name}' is not exist`,
      zh: `租户 '${name}' 不存在`,
    }),
  invalidLogArchiveStatus: (status: string) =>
    bad(
      'Common.IllegalArgument',
      `Invalid log archive status: '${status}', must be STOP, DOING or SUSPEND`,
      `非法的日志归档状态：'${status}'，必须是 STOP、DOING 或 SUSPEND`,
    ),
  underMaintenance: () =>
    new SimError({
      errCode: 'OB.Cluster.UnderMaintenance',
      status: 500,
      legacy: 1002,
      kind: 'unexpected',
      en: 'OceanBase cluster is under maintenance, please try again later',
      zh: '集群处于运维状态中',
    }),
  // §4 backup configuration
  baseUriEmpty: () =>
    bad('OB.Backup.BaseUriEmpty', 'backup_base_uri cannot be empty', 'backup_base_uri 不能为空'),
  baseUriNeededFor: (field: 'binding' | 'piece_switch_interval') =>
    bad(
      'OB.Backup.BaseUriEmpty',
      `If ${field} is set, backup_base_uri must be set`,
      `如果设置了 ${field}，则必须设置 backup_base_uri`,
    ),
  noUserTenants: () => bad('OB.Backup.NoUserTenants', 'No user tenants found', '未找到用户租户'),
  logArchiveConcurrency: () =>
    bad(
      'OB.Backup.LogArchiveConcurrency.Invalid',
      'log_archive_concurrency must be between 0 and 100',
      'log_archive_concurrency 必须在 0 和 100 之间',
    ),
  haLowThreadScore: () =>
    bad(
      'OB.Backup.HaLowThreadScore.Invalid',
      'ha_low_thread_score must be between 0 and 100',
      'ha_low_thread_score 必须在 0 和 100 之间',
    ),
  binding: (value: string) =>
    bad(
      'OB.Backup.Binding.Invalid',
      `Invalid binding mode: ${value}, must be OPTIONAL or MANDATORY`,
      `binging 非法：${value}，必须是 OPTIONAL 或 MANDATORY`,
    ),
  pieceSwitchInterval: () =>
    bad(
      'OB.Backup.PieceSwitchInterval.Invalid',
      'piece_switch_interval must be between 24h0m0s and 168h0m0s',
      'piece_switch_interval 必须在 24h0m0s 和 168h0m0s 之间',
    ),
  deletePolicy: (value: string) =>
    bad(
      'OB.Backup.DeletePolicy.Invalid',
      `Invalid delete policy: '${value}', must be 'default'`,
      `非法的删除策略：'${value}'，必须是 'default'`,
    ),
  storageUri: () =>
    bad(
      'OB.Storage.URI.Invalid',
      'Invalid storage URI: invalid path type',
      '非法的存储路径：invalid path type',
    ),
  archiveLagTarget: () =>
    bad(
      'OB.Backup.ArchiveLagTarget.Invalid',
      'archive_lag_target must be less than 2h0m0s',
      'archive_lag_target 必须小于 2h0m0s',
    ),
  archiveLagTargetForS3: () =>
    bad(
      'OB.Backup.ArchiveLagTargetForS3.Invalid',
      'archive_lag_target must be greater than 1m0s for S3',
      '对于 S3，archive_lag_target 必须大于 1m0s',
    ),
  invalidDuration: (value: string, reason: DurationProblem) =>
    bad(
      'Common.InvalidTimeDuration',
      `Time duration '${value}' is invalid: ${DURATION_REASON_EN[reason]}`,
      `时间段 '${value}' 无效：${DURATION_REASON_ZH[reason]}`,
    ),
  // §5 tasks
  taskNotFound: () =>
    new SimError({
      errCode: 'Task.NotFound',
      status: 404,
      legacy: 2300,
      kind: 'not-found',
      en: 'Task not found',
      zh: '未找到任务',
    }),
  genericIdInvalid: (id: string) =>
    bad('Task.GenericID.Invalid', `Invalid generic id '${id}'`, `非法的通用 ID '${id}'`),
  operatorNotSupport: (op: string) =>
    bad(
      'Task.Dag.Operator.NotSupport',
      `Operator '${op}' is not supported`,
      `不支持的操作 '${op}'`,
    ),
  retryNotFailed: () =>
    bad(
      'Task.Dag.Operator.RetryNotFailedDag',
      'Only a failed dag can be retried',
      '只能重试失败的任务',
    ),
  rollbackNotFailed: () =>
    bad(
      'Task.Dag.Operator.RollbackNotFailedDag',
      'Only a failed dag can be rolled back',
      '只能回滚失败的任务',
    ),
  rollbackNotAllowed: (node: string) =>
    bad(
      'Task.Dag.Operator.RollbackNotAllowed',
      `Dag cannot be rolled back: node '${node}' does not support rollback`,
      `任务不能回滚：节点 '${node}' 不支持回滚`,
    ),
  passNotFailed: () =>
    bad(
      'Task.Dag.Operator.PassNotFailedDag',
      'Only a failed dag can be passed',
      '只能跳过失败的任务',
    ),
  cancelFinished: () =>
    bad(
      'Task.Dag.Operator.CancelFinishedDag',
      'A finished dag cannot be cancelled',
      '已结束的任务不能取消',
    ),
};

export type DurationProblem = 'format' | 'unit' | 'min' | 'max';
const DURATION_REASON_EN: Record<DurationProblem, string> = {
  format: 'invalid format',
  unit: 'invalid time unit',
  min: 'time duration is less than min unit',
  max: 'time duration is greater than max unit',
};
const DURATION_REASON_ZH: Record<DurationProblem, string> = {
  format: '格式错误',
  unit: '时间单位无效',
  min: '时间段小于最小单位',
  max: '时间段大于最大单位',
};
