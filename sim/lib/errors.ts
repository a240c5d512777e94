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

/** Password and ts failures: WrapRetain(Common.Unauthorized, cause), code 10008 (contract §2.7). */
const unauthorized = (errCode: string, en: string, zh: string): SimError =>
  new SimError({
    errCode,
    status: 401,
    legacy: 10008,
    kind: 'unauthorized',
    en: `Unauthorized: ${en}`,
    zh: `认证失败: ${zh}`,
  });

/** Header failures that obshell does not wrap (DecryptFailed: code 1, UriMismatch: 10008). */
const refused = (errCode: string, en: string, zh: string, legacy: number): SimError =>
  new SimError({ errCode, status: 401, legacy, kind: 'unauthorized', en, zh });

export const errors = {
  headerNotFound: () =>
    new SimError({
      errCode: 'Request.Header.NotFound',
      status: 400,
      legacy: 1000,
      kind: 'bad-request',
      en: 'X-OCS-Agent-Header or X-OCS-Header not found in http request header',
      zh: 'HTTP 请求头中未找到 X-OCS-Agent-Header 或 X-OCS-Header',
    }),
  decryptFailed: (detail: string) =>
    refused(
      'Security.Authentication.Header.DecryptFailed',
      `Decrypt http header failed: ${detail}`,
      `解密 HTTP 请求头失败：${detail}`,
      1,
    ),
  uriMismatch: () =>
    refused('Security.Authentication.Header.UriMismatch', 'URI mismatch', 'URI 不匹配', 10008),
  timestampInvalid: (ts: string) => {
    const goError = `strconv.ParseInt: parsing ${JSON.stringify(ts)}: invalid syntax`;
    return unauthorized(
      'Security.Authentication.Timestamp.Invalid',
      `Invalid timestamp: ${ts}, err: ${goError}`,
      `无效的时间戳：${ts}，错误：${goError}`,
    );
  },
  expired: () =>
    unauthorized('Security.Authentication.Expired', 'Authentication expired', '认证信息已过期'),
  incorrectRootPassword: () =>
    unauthorized(
      'Security.Authentication.IncorrectOceanbasePassword',
      'OceanBase password is incorrect',
      'OceanBase root 密码不正确',
    ),
  incorrectAgentPassword: () =>
    unauthorized(
      'Security.Authentication.IncorrectAgentPassword',
      'Agent password is incorrect',
      'agent 密码不正确',
    ),
  /** X-OCS-Header while obshell has no root password but has an agent password. */
  withAgentPassword: () =>
    unauthorized(
      'Security.Authentication.WithAgentPassword',
      'Should use agent_password to verify: oceanbase password is not initialized',
      '应该使用 agent_password 进行验证：oceanbase password is not initialized',
    ),
  /** X-OCS-Agent-Header while no agent password is set but the root password is known. */
  withOceanBasePassword: () =>
    unauthorized(
      'Security.Authentication.WithOceanBasePassword',
      'Should use oceanbase_password to verify: agent password is not initialized',
      '应该使用 oceanbase_password 进行验证：agent password is not initialized',
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
  /** A Go panic recovered by obshell's middleware. */
  panic: () =>
    new SimError({
      errCode: 'Common.Unexpected',
      status: 500,
      legacy: 1002,
      kind: 'unexpected',
      en: 'Unexpected error: Internal Server Error',
      zh: '非预期错误：Internal Server Error',
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
  notClusterAgent: (agent: string, identity: string) =>
    bad(
      'Agent.Identify.NotSupportOperation',
      `'${agent}' is '${identity}', instead of 'CLUSTER AGENT', does not support this operation`,
      `'${agent}' 身份是 '${identity}'，而不是 'CLUSTER AGENT'，不支持此操作`,
    ),
  sysNotAllowed: () =>
    bad(
      'OB.Tenant.SysOperationNotAllowed',
      'System tenant is not allowed to perform this operation',
      '不允许对系统租户执行此操作',
    ),
  tenantStatusNotNormal: (name: string, status: string) =>
    bad(
      'OB.Tenant.StatusNotNormal',
      `Tenant '${name}' status is '${status}'.`,
      `租户 '${name}' 状态为 '${status}'`,
    ),
  parameterNotExist: (name: string) =>
    bad(
      'OB.Tenant.Parameter.NotExist',
      `Tenant parameter '${name}' does not exist.`,
      `租户参数 '${name}' 不存在`,
    ),
  /** errors.Occurf(ErrCommonUnexpected, …): the detail stays English. */
  unexpected: (detail: string) =>
    new SimError({
      errCode: 'Common.Unexpected',
      status: 500,
      legacy: 1002,
      kind: 'unexpected',
      en: `Unexpected error: ${detail}`,
      zh: `非预期错误：${detail}`,
    }),
  tenantNotExist: (name: string) =>
    new SimError({
      errCode: 'OB.Tenant.NotExist',
      status: 400,
      legacy: 1000,
      kind: 'bad-request',
      en: `Tenant '${name}' does not exist.`,
      zh: `租户 '${name}' 不存在`,
    }),
  invalidLogArchiveStatus: (status: string) =>
    bad(
      'OB.Backup.ArchiveLogStatus.Invalid',
      `Invalid archive log status: '${status}', must be 'STOP' or 'DOING'`,
      `非法的归档日志状态：'${status}'，必须是 'STOP' 或 'DOING'`,
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
      `backup_base_uri cannot be empty: If ${field} is set, backup_base_uri must be set`,
      // obshell localizes the head only; the wrapped detail stays English.
      `backup_base_uri 不能为空: If ${field} is set, backup_base_uri must be set`,
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
  // §5 tasks (texts from obshell's assets/i18n/error/{en,zh}.json)
  taskNotFound: () =>
    new SimError({
      errCode: 'Task.NotFound',
      status: 404,
      legacy: 2300,
      kind: 'not-found',
      // WrapRetain(ErrTaskNotFound, gorm's error): parts joined with ASCII ": " in both languages.
      en: 'Task not found: record not found',
      zh: '未找到任务: record not found',
    }),
  genericIdInvalid: (id: string) =>
    bad('Task.GenericID.Invalid', `Invalid ID: ${id}`, `无效的任务通用 ID：${id}`),
  operatorNotSupport: (op: string) =>
    bad(
      'Task.Dag.Operator.NotSupport',
      `Operator ${op} is not supported`,
      `不支持的任务操作 '${op}'`,
    ),
  retryNotFailed: () =>
    bad(
      'Task.Dag.Operator.RetryNotFailedDag',
      'Failed to set DAG retry: DAG state is not failed',
      '重试 DAG 失败：DAG 未失败',
    ),
  rollbackNotFailed: () =>
    bad(
      'Task.Dag.Operator.RollbackNotFailedDag',
      'Failed to set DAG rollback: DAG state is not failed',
      '设置 DAG 回滚失败：DAG 未失败',
    ),
  rollbackNotAllowed: (node: string) =>
    bad(
      'Task.Dag.Operator.RollbackNotAllowed',
      `Failed to set DAG rollback: node ${node} cannot rollback`,
      `设置 DAG 回滚失败：节点 ${node} 不能回滚`,
    ),
  passNotFailed: () =>
    bad(
      'Task.Dag.Operator.PassNotFailedDag',
      'Failed to pass DAG: DAG is not failed',
      '跳过 DAG 失败：DAG 未失败',
    ),
  cancelFinished: () =>
    bad(
      'Task.Dag.Operator.CancelFinishedDag',
      'Failed to cancel DAG: DAG is finished',
      '取消 DAG 失败：DAG 已执行完成',
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
