import { defineMessages } from '../../lib/i18n/messages';

const en = {
  title: 'Cluster backup configuration',
  intro:
    'Changes apply to every user tenant through obshell (PATCH /api/v1/obcluster/backup/config). Only the fields you change are sent; everything else stays as it is.',
  loading: 'Reading the current configuration of every tenant…',
  loadingTenants: (read: number, total: number) =>
    `Reading the current configuration: ${read} of ${total} tenants read…`,
  loadFailed: 'Could not read the current configuration',
  retry: 'Try again',
  noUserTenants:
    'This cluster has no user tenant. obshell refuses a cluster-level backup configuration without one.',
  traceId: (id: string) => `Trace ID: ${id}`,
  degradedTitle: 'obshell could not list the tenants',
  degradedBody:
    'obshell answered with its degraded cluster information (no tenant list): it cannot reach OceanBase right now. The configuration cannot be read or changed until it can; try again in a moment.',

  // Current values
  currentTitle: 'Current values per tenant',
  currentHint:
    'obshell has no read-back for the cluster-level configuration; these come from each tenant’s storage and parameters.',
  tenantRange: (from: number, to: number, total: number) => `Tenants ${from}–${to} of ${total}`,
  tenant: 'Tenant',
  hiddenSecret: 'hidden (the URI carries credentials)',
  notSet: 'not set',
  unknownStatus: (status: string) => `unknown (status ${status})`,
  notNormalHint: (status: string) =>
    `status ${status}: obshell reads the parameters of NORMAL tenants only`,
  current: (value: string) => `Current: ${value}`,
  currentDiffers: 'Current: differs between tenants — see the table',
  currentUnknown: 'Current: unknown',
  currentReading: 'Current: still reading the tenants…',
  readingCell: 'reading…',
  reviewWaitsForReads: (read: number, total: number) =>
    `Review waits for the current values: reading ${read} of ${total} tenants. You can already edit; what you type is kept.`,
  liveChanged:
    'The current values changed on the server since this form was opened. Your edits are kept; the comparison still uses the values you started from.',
  reloadValues: 'Discard my edits and load the new values',

  // Common
  unchanged: 'unchanged',
  keepCurrent: 'Keep current',
  rangeLabel: (range: string) => `Allowed: ${range}`,

  archiveSection: 'Log archiving',
  haSection: 'High-availability threads',

  // Destination
  destinationTitle: 'Backup destination (backup_base_uri)',
  destinationHelp:
    'Log archives go to <uri>/<cluster id>/<tenant id>/clog and data backups to …/data. Changing it switches log archiving off for every user tenant and stops running data backups.',
  destinationUnknown:
    'The tenants’ current destinations differ or cannot be read. Leave empty to keep them.',
  destinationRequiredBy: (fields: string) =>
    `obshell requires backup_base_uri in the same request when ${fields} changes, so it will be sent.`,
  destinationRequiredFilled: 'It is filled with the current destination.',
  scheme: 'Storage type',
  schemeFile: 'Local or NFS directory (file://)',
  schemeOss: 'Alibaba Cloud OSS (oss://)',
  schemeCos: 'Tencent Cloud COS (cos://)',
  schemeS3: 'Amazon S3 (s3://)',
  pathFile: 'Directory',
  pathFileHelp: 'An absolute path on every OBServer, e.g. /data/backup → file:///data/backup.',
  pathObject: 'Bucket and path',
  pathObjectHelp: 'Bucket name first, then the directory, e.g. my-bucket/ob-backup.',
  host: 'Endpoint (host)',
  hostHelp: 'e.g. oss-cn-hangzhou.aliyuncs.com',
  accessId: 'Access ID (access_id)',
  accessKey: 'Access key (access_key)',
  accessKeyHelp: 'Kept in this page only; masked in the review and the SDK snippet.',
  appid: 'App ID (appid)',
  s3Region: 'Region (s3_region)',
  s3RegionHelp: 'Optional: without it obshell uses the endpoint with region “auto”.',
  deleteMode: 'Delete mode (delete_mode)',
  deleteModeHelp: 'Optional, e.g. delete or tagging; empty = OceanBase’s default.',
  optional: 'optional',
  uriPreview: 'URI to send',

  // Numbers
  concurrencyLabel: 'Log archive concurrency (log_archive_concurrency)',
  concurrencyHelp:
    'Total worker threads for log archiving. Integer 0–100; default 0 (OceanBase chooses). Setting it switches log archiving off for every user tenant.',
  haLabel: 'HA low-priority threads (ha_low_thread_score)',
  haHelp:
    'Worker threads for backup, backup cleanup and other low-priority high-availability work. Integer 0–100; default 0 (OceanBase chooses). Before a large backup, raise it, doubling each time.',

  // Binding
  bindingLabel: 'Archive priority (binding)',
  bindingHelp:
    'Optional: business traffic first. Mandatory: archiving first. Default Optional. obshell needs backup_base_uri in the same request.',
  bindingOptional: 'Optional — business first',
  bindingMandatory: 'Mandatory — archiving first',

  // Durations
  pieceLabel: 'Piece switch interval (piece_switch_interval)',
  pieceHelp:
    'How often log archiving starts a new piece. 1d–7d (24h–168h); default 1d. obshell needs backup_base_uri in the same request.',
  lagLabel: 'Archive lag target (archive_lag_target)',
  lagHelp:
    'Longest delay between two archive writes. Up to 2h, more than 0; default 2m. The obshell documentation says [0ms, 7200s], but obshell refuses 0 and anything above 2h, so this form follows obshell.',
  lagS3:
    'The destination is S3: at least 1m (obshell checks it when the URI is sent, OceanBase otherwise).',
  lagNotChecked:
    'obshell checks this only when backup_base_uri is sent; otherwise OceanBase checks it while applying, so the form checks it now.',
  amount: 'Amount',
  unit: 'Unit',
  durationMeans: (words: string) => `= ${words}`,

  // Delete policy
  deletePolicyTitle: 'Delete policy (delete_policy)',
  deletePolicyChange: 'Replace the delete policy',
  deletePolicyHelp:
    'Off: the current policy is left untouched. On: obshell drops the existing policy and adds this one; expired backups are then cleaned up every hour.',
  policyLabel: 'Policy (policy)',
  policyHelp: 'Only “default” exists.',
  recoveryLabel: 'Recovery window (recovery_window)',
  recoveryHelp:
    'Backups needed to restore any moment within this window are kept, e.g. 7d. obshell passes it to OceanBase unchecked; OceanBase refuses a malformed one while applying, so the form asks for one integer and one unit.',

  // Submit bar
  review: (count: number) => `Review ${count} change${count === 1 ? '' : 's'}`,
  noChanges: 'Nothing changed yet. Edit a field to prepare a change.',
  discard: 'Discard edits',
  fixErrors: 'Fix the highlighted fields first.',

  // Review
  reviewTitle: 'Review the change',
  changesTitle: 'What will change',
  actingCluster: 'Cluster',
  actingTarget: (label: string) => `target “${label}”`,
  resentBecause: (fields: string) => `unchanged, sent again because ${fields} changes`,
  differs: 'differs between tenants',
  unknown: 'unknown',
  policyNew: (policy: string, window: string) => `policy “${policy}”, recovery window ${window}`,
  policyOld: 'current policy (replaced)',
  bodyTitle: 'Request body (secrets masked)',
  sdkTitle: 'The same change as an obshell-sdk-python call',
  copy: 'Copy',
  copied: 'Copied',
  warningsTitle: 'Side effects',
  warnArchiveOff: (tenants: string) =>
    `Log archiving will be switched OFF for every user tenant (${tenants}) and is NOT switched back on afterwards. Turn it on again when the task has finished (PATCH /api/v1/obcluster/backup/log {"status": "DOING"}).`,
  warnDataBackup: 'Running data backups will be stopped (obshell waits up to one hour for each).',
  warnDeletePolicy: 'The existing delete policy will be dropped, then the new one added.',
  warnRunningDag: (id: string) =>
    `A “Set obcluster backup config” task is still running (id ${id}). obshell accepts a second one, but both will apply their changes one after the other.`,
  confirmLabel: (name: string) => `Type the cluster name “${name}” to confirm`,
  confirmMismatch: 'Does not match the cluster name yet.',
  back: 'Back to editing',
  apply: 'Apply change',

  // Results
  submitFailedTitle: 'The change was not applied',
  fieldRejected: 'obshell refused a value; it is marked on its field.',
  networkKept: 'Your entries are kept. Check the connection, then apply again.',
  authKept:
    'obshell no longer accepts the password. Unlock again; your entries are kept, then apply again.',
  serverKept: 'Your entries are kept; you can apply again.',
  leaveTitle: 'Leave without applying?',
  leaveBody: 'Your edits to the backup configuration have not been applied and will be lost.',
  stay: 'Stay',
  closeStay: 'Close and stay',
  close: 'Close',
  leave: 'Leave and discard',
};

type Messages = typeof en;

const zh: Messages = {
  title: '集群备份配置',
  intro:
    '修改通过 obshell 作用于所有用户租户（PATCH /api/v1/obcluster/backup/config）。只发送你修改过的字段，其余保持不变。',
  loading: '正在读取各租户的当前配置…',
  loadingTenants: (read: number, total: number) =>
    `正在读取当前配置：已读取 ${read} / ${total} 个租户…`,
  loadFailed: '无法读取当前配置',
  retry: '重试',
  noUserTenants: '该集群没有用户租户。没有用户租户时 obshell 拒绝集群级备份配置。',
  traceId: (id) => `Trace ID：${id}`,
  degradedTitle: 'obshell 无法列出租户',
  degradedBody:
    'obshell 返回了降级的集群信息（没有租户列表）：它当前无法连接 OceanBase。在恢复之前无法读取或修改配置，请稍后重试。',

  currentTitle: '各租户的当前值',
  currentHint: 'obshell 没有读取集群级配置的接口；以下取自每个租户的存储路径和参数。',
  tenantRange: (from: number, to: number, total: number) =>
    `第 ${from}–${to} 个租户，共 ${total} 个`,
  tenant: '租户',
  hiddenSecret: '已隐藏（URI 含访问凭据）',
  notSet: '未设置',
  unknownStatus: (status) => `未知（状态 ${status}）`,
  notNormalHint: (status) => `状态 ${status}：obshell 只读取状态为 NORMAL 的租户的参数`,
  current: (value) => `当前：${value}`,
  currentDiffers: '当前：各租户不同，见上表',
  currentUnknown: '当前：未知',
  currentReading: '当前：仍在读取各租户…',
  readingCell: '读取中…',
  reviewWaitsForReads: (read, total) =>
    `预览需等待当前值读取完成：已读取 ${read} / ${total} 个租户。现在即可编辑，输入的内容会保留。`,
  liveChanged: '自打开此表单以来，服务器上的当前值已变化。你的修改仍保留；比较仍基于你开始时的值。',
  reloadValues: '放弃修改并载入新值',

  unchanged: '不修改',
  keepCurrent: '保持当前值',
  rangeLabel: (range) => `取值范围：${range}`,

  archiveSection: '日志归档',
  haSection: '高可用线程',

  destinationTitle: '备份目的地（backup_base_uri）',
  destinationHelp:
    '日志归档写入 <uri>/<集群 ID>/<租户 ID>/clog，数据备份写入 …/data。修改它会关闭所有用户租户的日志归档，并停止正在运行的数据备份。',
  destinationUnknown: '各租户当前的目的地不同或无法读取。留空则保持不变。',
  destinationRequiredBy: (fields) =>
    `修改 ${fields} 时 obshell 要求同一请求中带上 backup_base_uri，因此它也会被发送。`,
  destinationRequiredFilled: '已填入当前目的地。',
  scheme: '存储类型',
  schemeFile: '本地或 NFS 目录（file://）',
  schemeOss: '阿里云 OSS（oss://）',
  schemeCos: '腾讯云 COS（cos://）',
  schemeS3: 'Amazon S3（s3://）',
  pathFile: '目录',
  pathFileHelp: '每台 OBServer 上的绝对路径，例如 /data/backup → file:///data/backup。',
  pathObject: '存储桶与路径',
  pathObjectHelp: '先写存储桶名，再写目录，例如 my-bucket/ob-backup。',
  host: '访问域名（host）',
  hostHelp: '例如 oss-cn-hangzhou.aliyuncs.com',
  accessId: 'Access ID（access_id）',
  accessKey: 'Access Key（access_key）',
  accessKeyHelp: '只保存在本页面中；在预览和 SDK 代码中都会被遮盖。',
  appid: 'App ID（appid）',
  s3Region: '区域（s3_region）',
  s3RegionHelp: '可选：不填时 obshell 使用访问域名，区域为 “auto”。',
  deleteMode: '删除模式（delete_mode）',
  deleteModeHelp: '可选，例如 delete 或 tagging；留空即 OceanBase 默认值。',
  optional: '可选',
  uriPreview: '将发送的 URI',

  concurrencyLabel: '日志归档并发数（log_archive_concurrency）',
  concurrencyHelp:
    '日志归档的总工作线程数。整数 0–100；默认 0（由 OceanBase 决定）。设置它会关闭所有用户租户的日志归档。',
  haLabel: '高可用低优先级线程数（ha_low_thread_score）',
  haHelp:
    '备份、备份清理等高可用低优先级任务的工作线程数。整数 0–100；默认 0（由 OceanBase 决定）。大规模备份前可逐步调高，建议每次翻倍。',

  bindingLabel: '归档优先模式（binding）',
  bindingHelp:
    'Optional：业务优先；Mandatory：归档优先。默认 Optional。obshell 要求同一请求中带上 backup_base_uri。',
  bindingOptional: 'Optional — 业务优先',
  bindingMandatory: 'Mandatory — 归档优先',

  pieceLabel: 'Piece 切换周期（piece_switch_interval）',
  pieceHelp:
    '日志归档切换新 piece 的周期。1d–7d（24h–168h）；默认 1d。obshell 要求同一请求中带上 backup_base_uri。',
  lagLabel: '归档延迟目标（archive_lag_target）',
  lagHelp:
    '两次归档写入之间的最长间隔。大于 0 且不超过 2h；默认 2m。obshell 文档写的是 [0ms, 7200s]，但 obshell 实际拒绝 0 和超过 2h 的值，本表单以 obshell 为准。',
  lagS3: '目的地为 S3：至少 1m（发送 URI 时由 obshell 检查，否则由 OceanBase 检查）。',
  lagNotChecked:
    '只有发送 backup_base_uri 时 obshell 才检查此值；否则由 OceanBase 在执行时检查，因此表单现在就检查。',
  amount: '数值',
  unit: '单位',
  durationMeans: (words) => `= ${words}`,

  deletePolicyTitle: '清理策略（delete_policy）',
  deletePolicyChange: '替换清理策略',
  deletePolicyHelp:
    '关闭：保持当前策略不变。开启：obshell 先删除现有策略再添加此策略；之后每小时自动清理一次过期备份。',
  policyLabel: '策略（policy）',
  policyHelp: '目前只有 “default”。',
  recoveryLabel: '恢复窗口（recovery_window）',
  recoveryHelp:
    '保证窗口内任意时刻可恢复所需的备份会被保留，例如 7d。obshell 不检查该值而直接交给 OceanBase；格式错误会在执行时失败，因此表单要求一个整数加一个单位。',

  review: (count) => `预览 ${count} 项修改`,
  noChanges: '尚未修改任何内容。修改某个字段以准备变更。',
  discard: '放弃修改',
  fixErrors: '请先修正标出的字段。',

  reviewTitle: '确认变更',
  changesTitle: '将要修改的内容',
  actingCluster: '集群',
  actingTarget: (label) => `目标 “${label}”`,
  resentBecause: (fields) => `未修改，因 ${fields} 变更而重新发送`,
  differs: '各租户不同',
  unknown: '未知',
  policyNew: (policy, window) => `策略 “${policy}”，恢复窗口 ${window}`,
  policyOld: '当前策略（将被替换）',
  bodyTitle: '请求体（已遮盖密钥）',
  sdkTitle: '等价的 obshell-sdk-python 调用',
  copy: '复制',
  copied: '已复制',
  warningsTitle: '副作用',
  warnArchiveOff: (tenants) =>
    `所有用户租户（${tenants}）的日志归档将被关闭，且之后不会自动重新开启。任务完成后请重新开启（PATCH /api/v1/obcluster/backup/log {"status": "DOING"}）。`,
  warnDataBackup: '正在运行的数据备份将被停止（obshell 对每个最多等待一小时）。',
  warnDeletePolicy: '现有清理策略将被删除，然后添加新策略。',
  warnRunningDag: (id) =>
    `已有一个 “Set obcluster backup config” 任务正在运行（ID ${id}）。obshell 会接受第二个任务，但两者会先后应用各自的修改。`,
  confirmLabel: (name) => `输入集群名 “${name}” 以确认`,
  confirmMismatch: '与集群名尚不一致。',
  back: '返回修改',
  apply: '应用变更',

  submitFailedTitle: '变更未被应用',
  fieldRejected: 'obshell 拒绝了某个值，已在对应字段上标出。',
  networkKept: '你填写的内容已保留。请检查连接后再次应用。',
  authKept: 'obshell 不再接受当前密码。请重新解锁；你填写的内容已保留，之后再次应用。',
  serverKept: '你填写的内容已保留，可以再次应用。',
  leaveTitle: '不应用就离开？',
  leaveBody: '你对备份配置的修改尚未应用，离开后将丢失。',
  stay: '留在此页',
  closeStay: '关闭并留在此页',
  close: '关闭',
  leave: '离开并放弃',
};

export const backupConfigMessages = defineMessages({ en, zh });

/** Duration unit names, plural and singular. */
export const unitMessages = defineMessages({
  en: {
    ns: 'nanoseconds',
    us: 'microseconds',
    ms: 'milliseconds',
    s: 'seconds',
    m: 'minutes',
    h: 'hours',
    d: 'days',
  },
  zh: { ns: '纳秒', us: '微秒', ms: '毫秒', s: '秒', m: '分钟', h: '小时', d: '天' },
});

export const unitOneMessages = defineMessages({
  en: {
    ns: 'nanosecond',
    us: 'microsecond',
    ms: 'millisecond',
    s: 'second',
    m: 'minute',
    h: 'hour',
    d: 'day',
  },
  zh: { ns: '纳秒', us: '微秒', ms: '毫秒', s: '秒', m: '分钟', h: '小时', d: '天' },
});

/** Validation and server-rejection sentences, keyed by issue key (model/issue.ts); `{name}` = parameter. */
export const issueMessages: Record<'en' | 'zh', Record<string, string>> = defineMessages({
  en: {
    'duration.empty': 'Enter a duration, e.g. 2h.',
    'duration.whitespace': 'No spaces: one integer and one unit, e.g. 2h.',
    'duration.negative': 'Negative durations are not allowed.',
    'duration.decimal': 'No decimals: use a smaller unit, e.g. 90m instead of 1.5h.',
    'duration.compound': 'One integer and one unit only: not 1h30m but 90m.',
    'duration.missing-unit': 'Add a unit: ns, us, ms, s, m, h or d.',
    'duration.format': 'Write one integer followed by one unit, e.g. 2h.',
    'duration.unit': 'Unknown unit: use ns, us, ms, s, m, h or d.',
    'duration.zero': 'Must be more than 0 (obshell’s minimum is 1ns).',
    'duration.too-large': 'At most 365d.',
    'duration.below-min': 'Too short: allowed {min}–{max}.',
    'duration.above-max': 'Too long: allowed {min}–{max}.',
    'int-format': 'A whole number from 0 to 100.',
    'int-range': 'Must be between 0 and 100.',
    'uri.required-by':
      'obshell requires backup_base_uri when {fields} changes: enter the destination.',
    'uri.path-required': 'Enter the bucket and path.',
    'uri.leading-slash': 'Start with the bucket name, without a leading “/”.',
    'uri.param-required': 'Required for this storage type.',
    'uri.query-char': '&, ?, # and = would break the URI’s parameters.',
    'uri.file-absolute':
      'Write an absolute path starting with “/”, e.g. /data/backup (obshell’s check step refuses anything else).',
    'uri.file-query': '“?” is not allowed in a directory (obshell’s check step refuses it).',
    'uri.bucket-key':
      'Write bucket/path, e.g. my-bucket/ob-backup: obshell needs a “/” after the bucket name.',
    'uri.cos-appid':
      'COS needs its App ID (obshell’s check step refuses a cos:// URI without appid).',
    'uri.dropped-params':
      'obshell drops {names} before the URI reaches OceanBase; it keeps only host, delete_mode, access_id, access_key, appid (cos) and s3_region (s3). Remove them.',
    'uri.params-in-path':
      'Enter the parameters in their own fields below, not after “?” in the path.',
    'unsafe.quote': 'Quotes are not allowed: they would break obshell’s SQL.',
    'unsafe.semicolon': '“;” is not allowed: it would break obshell’s SQL.',
    'unsafe.whitespace': 'Spaces are not allowed: OceanBase would split the destination there.',
    'unsafe.newline': 'Line breaks are not allowed.',
    'recovery.required': 'Enter a recovery window, e.g. 7d.',
    'server.OB.Backup.BaseUriEmpty':
      'obshell: backup_base_uri must be sent with binding or piece_switch_interval.',
    'uri.archive-required-by':
      'obshell requires archive_base_uri when {fields} changes: enter the archive destination.',
    'server.OB.Backup.ArchiveBaseUriEmpty':
      'obshell: archive_base_uri must be sent (and not empty) with binding or piece_switch_interval.',
    'server.OB.Backup.DataBaseUriEmpty': 'obshell: data_base_uri cannot be empty.',
    'server.OB.Storage.URI.Invalid':
      'obshell: invalid storage URI (it must start with file://, oss://, cos:// or s3://).',
    'server.OB.Backup.LogArchiveConcurrency.Invalid': 'obshell: must be between 0 and 100.',
    'server.OB.Backup.HaLowThreadScore.Invalid': 'obshell: must be between 0 and 100.',
    'server.OB.Backup.Binding.Invalid': 'obshell: must be OPTIONAL or MANDATORY.',
    'server.OB.Backup.PieceSwitchInterval.Invalid': 'obshell: must be between 24h and 168h.',
    'server.OB.Backup.DeletePolicy.Invalid': 'obshell: the policy must be “default”.',
    'server.OB.Backup.ArchiveLagTarget.Invalid': 'obshell: must be at most 2h.',
    'server.OB.Backup.ArchiveLagTargetForS3.Invalid': 'obshell: must be at least 1m for S3.',
    'server.Common.InvalidTimeDuration': 'obshell: “{quoted}” is not a valid duration.',
    server: 'obshell: {message}',
  },
  zh: {
    'duration.empty': '请输入时长，例如 2h。',
    'duration.whitespace': '不能含空格：一个整数加一个单位，例如 2h。',
    'duration.negative': '不允许负数。',
    'duration.decimal': '不允许小数：请换用更小的单位，例如用 90m 代替 1.5h。',
    'duration.compound': '只能是一个整数加一个单位：不能写 1h30m，请写 90m。',
    'duration.missing-unit': '请加上单位：ns、us、ms、s、m、h 或 d。',
    'duration.format': '格式为一个整数后跟一个单位，例如 2h。',
    'duration.unit': '未知单位：请使用 ns、us、ms、s、m、h 或 d。',
    'duration.zero': '必须大于 0（obshell 的最小值为 1ns）。',
    'duration.too-large': '最大为 365d。',
    'duration.below-min': '太短：取值范围 {min}–{max}。',
    'duration.above-max': '太长：取值范围 {min}–{max}。',
    'int-format': '请输入 0 到 100 的整数。',
    'int-range': '必须在 0 和 100 之间。',
    'uri.required-by': '修改 {fields} 时 obshell 要求 backup_base_uri：请填写目的地。',
    'uri.path-required': '请填写存储桶与路径。',
    'uri.leading-slash': '以存储桶名开头，不要以 “/” 开头。',
    'uri.param-required': '该存储类型必填。',
    'uri.query-char': '&、?、# 和 = 会破坏 URI 的参数。',
    'uri.file-absolute':
      '请填写以 “/” 开头的绝对路径，例如 /data/backup（obshell 的检查步骤会拒绝其他写法）。',
    'uri.file-query': '目录中不允许 “?”（obshell 的检查步骤会拒绝）。',
    'uri.bucket-key':
      '请写成 存储桶/路径，例如 my-bucket/ob-backup：obshell 要求存储桶名后有 “/”。',
    'uri.cos-appid': 'COS 需要 App ID（没有 appid 的 cos:// URI 会被 obshell 的检查步骤拒绝）。',
    'uri.dropped-params':
      'obshell 会在 URI 发往 OceanBase 之前丢弃 {names}；它只保留 host、delete_mode、access_id、access_key、appid（cos）和 s3_region（s3）。请删除它们。',
    'uri.params-in-path': '请在下方各自的输入框中填写参数，不要写在路径的 “?” 之后。',
    'unsafe.quote': '不允许引号：会破坏 obshell 生成的 SQL。',
    'unsafe.semicolon': '不允许 “;”：会破坏 obshell 生成的 SQL。',
    'unsafe.whitespace': '不允许空格：OceanBase 会在空格处截断目的地。',
    'unsafe.newline': '不允许换行。',
    'recovery.required': '请输入恢复窗口，例如 7d。',
    'server.OB.Backup.BaseUriEmpty':
      'obshell：修改 binding 或 piece_switch_interval 时必须发送 backup_base_uri。',
    'uri.archive-required-by': '修改 {fields} 时 obshell 要求 archive_base_uri：请填写归档目的地。',
    'server.OB.Backup.ArchiveBaseUriEmpty':
      'obshell：修改 binding 或 piece_switch_interval 时必须发送非空的 archive_base_uri。',
    'server.OB.Backup.DataBaseUriEmpty': 'obshell：data_base_uri 不能为空。',
    'server.OB.Storage.URI.Invalid':
      'obshell：存储路径非法（必须以 file://、oss://、cos:// 或 s3:// 开头）。',
    'server.OB.Backup.LogArchiveConcurrency.Invalid': 'obshell：必须在 0 和 100 之间。',
    'server.OB.Backup.HaLowThreadScore.Invalid': 'obshell：必须在 0 和 100 之间。',
    'server.OB.Backup.Binding.Invalid': 'obshell：必须是 OPTIONAL 或 MANDATORY。',
    'server.OB.Backup.PieceSwitchInterval.Invalid': 'obshell：必须在 24h 和 168h 之间。',
    'server.OB.Backup.DeletePolicy.Invalid': 'obshell：策略必须是 “default”。',
    'server.OB.Backup.ArchiveLagTarget.Invalid': 'obshell：最大为 2h。',
    'server.OB.Backup.ArchiveLagTargetForS3.Invalid': 'obshell：S3 目的地至少为 1m。',
    'server.Common.InvalidTimeDuration': 'obshell：“{quoted}” 不是有效的时长。',
    server: 'obshell：{message}',
  },
});
