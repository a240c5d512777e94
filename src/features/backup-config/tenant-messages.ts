import { defineMessages } from '../../lib/i18n/messages';

/** Strings of the tenant scope (contract §7); the shared form strings stay in messages.ts. */
const en = {
  scopeLabel: 'What to configure',
  scopeCluster: 'All user tenants (cluster level)',
  scopeTenantGroup: 'One tenant',
  scopeHelp:
    'Cluster level sets every user tenant from one base URI; one tenant gets its own destinations and values. The choice is part of the link.',
  scopeNothingFound: 'No user tenant matches',
  unknownTenantTitle: 'Unknown tenant',
  unknownTenant: (name: string) =>
    `“${name}” is not a user tenant of this cluster (sys cannot be configured here). Choose a tenant or the cluster level above.`,
  tenantTitle: (name: string) => `Backup configuration of tenant ${name}`,
  tenantIntro: (name: string) =>
    `Changes apply to tenant ${name} only (PATCH /api/v1/tenant/${name}/backup/config). Only the fields you change are sent; the current values shown are this tenant’s own.`,
  archiveTitle: 'Archive log destination (archive_base_uri)',
  archiveHelp:
    'Used as given: obshell adds no cluster or tenant suffix (only a trailing “/”). Changing it switches log archiving off for this tenant.',
  dataTitle: 'Data backup destination (data_base_uri)',
  dataHelp:
    'Used as given: obshell adds no cluster or tenant suffix (only a trailing “/”). Changing it stops this tenant’s running data backups.',
  destinationUnknown: 'Not set, or cannot be read. Leave empty to keep it.',
  archiveRequiredBy: (fields: string) =>
    `obshell requires archive_base_uri in the same request when ${fields} changes, so it will be sent.`,
  bindingHelp:
    'Optional: business traffic first. Mandatory: archiving first. Default Optional. obshell needs archive_base_uri in the same request.',
  pieceHelp:
    'How often log archiving starts a new piece. 1d–7d (24h–168h); default 1d. obshell needs archive_base_uri in the same request.',
  lagNotChecked:
    'obshell checks this only when archive_base_uri is sent; otherwise OceanBase checks it while applying, so the form checks it now.',
  warnArchiveOff: (tenant: string) =>
    `Log archiving will be switched OFF for tenant ${tenant} and is NOT switched back on afterwards. Turn it on again when the task has finished (PATCH /api/v1/tenant/${tenant}/backup/log {"status": "DOING"}).`,
  lockTitle: 'The tenant is held by another task',
  lockWarning: (tenant: string, ids: string) =>
    `Task ${ids} still holds tenant ${tenant}: obshell refuses a tenant-level change until it ends. A failed task keeps the lock until it is retried, passed or rolled back.`,
  refusedTitle: 'obshell refused the change: the tenant is under maintenance',
  refusedTenant: (tenant: string) =>
    `Another task holds tenant ${tenant} (a running one, or a failed one not yet retried, passed or rolled back). Nothing was changed and your entries are kept: apply again once that task has ended.`,
  refusedCluster:
    'The cluster is under a global maintenance. Nothing was changed and your entries are kept: apply again once it has ended.',
  serverSaid: (message: string) => `obshell: ${message}`,
};

export type TenantMessages = typeof en;

const zh: TenantMessages = {
  scopeLabel: '配置范围',
  scopeCluster: '所有用户租户（集群级）',
  scopeTenantGroup: '单个租户',
  scopeHelp:
    '集群级用同一个基础 URI 配置所有用户租户；单个租户使用自己的目的地和取值。所选范围会写入链接。',
  scopeNothingFound: '没有匹配的用户租户',
  unknownTenantTitle: '未知租户',
  unknownTenant: (name) =>
    `“${name}” 不是本集群的用户租户（此处不能配置 sys）。请在上方选择一个租户或集群级。`,
  tenantTitle: (name) => `租户 ${name} 的备份配置`,
  tenantIntro: (name) =>
    `修改只作用于租户 ${name}（PATCH /api/v1/tenant/${name}/backup/config）。只发送你修改的字段；显示的当前值是该租户自己的值。`,
  archiveTitle: '日志归档目的地（archive_base_uri）',
  archiveHelp:
    '按原样使用：obshell 不追加集群或租户后缀（只在末尾加 “/”）。修改它会关闭该租户的日志归档。',
  dataTitle: '数据备份目的地（data_base_uri）',
  dataHelp:
    '按原样使用：obshell 不追加集群或租户后缀（只在末尾加 “/”）。修改它会停止该租户正在运行的数据备份。',
  destinationUnknown: '未设置或无法读取。留空则保持不变。',
  archiveRequiredBy: (fields) =>
    `修改 ${fields} 时 obshell 要求同一请求中带上 archive_base_uri，因此它也会被发送。`,
  bindingHelp:
    'Optional：业务优先；Mandatory：归档优先。默认 Optional。obshell 要求同一请求中带上 archive_base_uri。',
  pieceHelp:
    '日志归档切换新 piece 的周期。1d–7d（24h–168h）；默认 1d。obshell 要求同一请求中带上 archive_base_uri。',
  lagNotChecked:
    '只有发送 archive_base_uri 时 obshell 才检查此值；否则由 OceanBase 在执行时检查，因此表单现在就检查。',
  warnArchiveOff: (tenant) =>
    `租户 ${tenant} 的日志归档将被关闭，且之后不会自动重新打开。任务完成后请重新打开（PATCH /api/v1/tenant/${tenant}/backup/log {"status": "DOING"}）。`,
  lockTitle: '该租户正被其他任务占用',
  lockWarning: (tenant, ids) =>
    `任务 ${ids} 仍占用租户 ${tenant}：在它结束前 obshell 会拒绝租户级修改。失败的任务在被重试、跳过或回滚之前一直占用该租户。`,
  refusedTitle: 'obshell 拒绝了修改：该租户正在维护中',
  refusedTenant: (tenant) =>
    `另一个任务占用着租户 ${tenant}（正在运行，或已失败但尚未重试、跳过或回滚）。没有任何修改，你的输入已保留：该任务结束后请再次提交。`,
  refusedCluster: '集群正处于全局维护中。没有任何修改，你的输入已保留：维护结束后请再次提交。',
  serverSaid: (message) => `obshell：${message}`,
};

export const tenantMessages = defineMessages({ en, zh });
