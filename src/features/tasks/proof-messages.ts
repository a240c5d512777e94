import { defineMessages } from '../../lib/i18n/messages';
import type { ArchiveKind } from './model/archive-state';
import type { VerifiedField } from './model/verify-applied';

const fieldsEn: Record<VerifiedField, string> = {
  archive_base_uri: 'archive destination',
  data_base_uri: 'data destination',
  log_archive_concurrency: 'log_archive_concurrency',
  ha_low_thread_score: 'ha_low_thread_score',
  archive_lag_target: 'archive_lag_target',
};

const kindEn: Record<ArchiveKind, string> = {
  doing: 'archiving on (DOING)',
  starting: 'starting (BEGINNING): obshell switched it on, OceanBase is opening the round',
  suspended: 'suspended (SUSPEND): the destination is deferred',
  stopping: 'stopping (STOPPING)',
  off: 'off: no archive round (switched off by the change)',
  never:
    'never archived: obshell’s switch does nothing for a tenant without an archive round; only a backup starts it (“Start a full backup with archive” below)',
  interrupted:
    'INTERRUPTED: obshell refuses to switch it. Find the cause in CDB_OB_ARCHIVELOG and the observer log (often an unreachable or full archive destination), fix it, then as that tenant run ALTER SYSTEM NOARCHIVELOG and switch archiving on again',
  unknown: 'reading…',
};

const fieldsZh: Record<VerifiedField, string> = {
  archive_base_uri: '归档目的地',
  data_base_uri: '数据备份目的地',
  log_archive_concurrency: 'log_archive_concurrency',
  ha_low_thread_score: 'ha_low_thread_score',
  archive_lag_target: 'archive_lag_target',
};

const kindZh: Record<ArchiveKind, string> = {
  doing: '归档已开启（DOING）',
  starting: '正在启动（BEGINNING）：obshell 已开启，OceanBase 正在打开归档轮次',
  suspended: '已暂停（SUSPEND）：归档目的地处于 DEFER 状态',
  stopping: '正在停止（STOPPING）',
  off: '已关闭：没有归档轮次（被本次变更关闭）',
  never:
    '从未归档：对没有归档轮次的租户，obshell 的开关不做任何操作；只有备份会开启它（见下方“发起带归档的全量备份”）',
  interrupted:
    'INTERRUPTED：obshell 拒绝切换。请在 CDB_OB_ARCHIVELOG 和 observer 日志中查找原因（常见为归档目的地不可达或已满），修复后以该租户执行 ALTER SYSTEM NOARCHIVELOG，再重新开启归档',
  unknown: '正在读取…',
};

/** Strings of "proof after a change" (issue 13): read-back verification, archive follow-up, backup. */
export const proofMessages = defineMessages({
  en: {
    verifyTitle: 'Read back from every tenant',
    verifyReading: (done: number, total: number) =>
      `Reading each tenant back… ${String(done)} of ${String(total)}`,
    verifyAll: (n: number) =>
      `Applied and verified on ${String(n)} of ${String(n)} tenants: every tenant reports what was sent.`,
    verifySome: (verified: number, total: number) =>
      `Verified on ${String(verified)} of ${String(total)} tenants. These differ from what was sent:`,
    verifyUnread: (tenant: string, message: string) =>
      `${tenant}: could not be read back (${message})`,
    verifyDiff: (field: string, expected: string, actual: string) =>
      `${field}: sent ${expected}, obshell reports ${actual}`,
    verifyNoValue: 'no value',
    verifyNothing:
      'Nothing to compare: this page does not know what was sent with this task (it was started elsewhere, or the page was reloaded since). Check the values on the backup configuration page.',
    verifyNotReadable:
      'obshell has no read for binding, piece_switch_interval or delete_policy: those were not compared.',
    verifyRetry: 'Read again',
    verifyClusterError: 'Could not read the cluster’s tenants:',
    field: (field: VerifiedField) => fieldsEn[field],
    archiveLiveTitle: 'Log archiving per tenant, as obshell reports it now',
    archiveAllDoing: 'Log archiving is on (DOING) for every tenant that can archive.',
    archiveFollowing: (left: number) =>
      `Following the tenants until archiving is on: ${String(left)} still starting.`,
    kind: (kind: ArchiveKind) => kindEn[kind],
    backupButton: 'Start a full backup with archive',
    backupIntro:
      'Starts a full data backup of every user tenant, plus archive logs. It switches log archiving on first (also for tenants that never archived) and needs an archive and a data destination on every tenant.',
    backupTitle: 'Review: start a full backup with archive',
    backupRequest: 'Request',
    backupEffects:
      'obshell creates the task “Obcluster start full backup”: check destination, open archive log (waits until each tenant archives), start backup, wait until the backups finish. An INTERRUPTED tenant makes it fail.',
    backupConfirm: 'Start the backup',
    backupCancel: 'Cancel',
    backupError: 'Starting the backup failed:',
    backupClose: 'Close the review',
  },
  zh: {
    verifyTitle: '从每个租户读回',
    verifyReading: (done: number, total: number) =>
      `正在逐个租户读回…… ${String(done)} / ${String(total)}`,
    verifyAll: (n: number) =>
      `已应用并在 ${String(n)} / ${String(n)} 个租户上验证：每个租户报告的值都与提交的一致。`,
    verifySome: (verified: number, total: number) =>
      `已在 ${String(verified)} / ${String(total)} 个租户上验证。以下与提交的值不同：`,
    verifyUnread: (tenant: string, message: string) => `${tenant}：无法读回（${message}）`,
    verifyDiff: (field: string, expected: string, actual: string) =>
      `${field}：提交 ${expected}，obshell 报告 ${actual}`,
    verifyNoValue: '无值',
    verifyNothing:
      '无可比较的内容：本页面不知道此任务提交了什么（任务在别处发起，或页面此后已重新加载）。请在备份配置页面查看当前值。',
    verifyNotReadable:
      'obshell 没有 binding、piece_switch_interval 和 delete_policy 的读取接口：这些未作比较。',
    verifyRetry: '重新读取',
    verifyClusterError: '无法读取集群的租户：',
    field: (field: VerifiedField) => fieldsZh[field],
    archiveLiveTitle: '各租户的日志归档状态（obshell 当前报告）',
    archiveAllDoing: '所有可以归档的租户都已开启日志归档（DOING）。',
    archiveFollowing: (left: number) =>
      `正在跟踪各租户直到归档开启：还有 ${String(left)} 个正在启动。`,
    kind: (kind: ArchiveKind) => kindZh[kind],
    backupButton: '发起带归档的全量备份',
    backupIntro:
      '为每个用户租户发起全量数据备份并附带归档日志。它会先开启日志归档（包括从未归档的租户），并要求每个租户都已设置归档和数据备份目的地。',
    backupTitle: '确认：发起带归档的全量备份',
    backupRequest: '请求',
    backupEffects:
      'obshell 会创建任务“Obcluster start full backup”：检查目的地、开启归档日志（等待每个租户开始归档）、发起备份、等待备份完成。处于 INTERRUPTED 的租户会使其失败。',
    backupConfirm: '发起备份',
    backupCancel: '取消',
    backupError: '发起备份失败：',
    backupClose: '关闭确认窗口',
  },
});
