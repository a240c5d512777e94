import { defineMessages } from '../../lib/i18n/messages';
import type { ArchiveState, Problem, SortKey } from './model/tenant-status';

const archiveEn: Record<ArchiveState, string> = {
  DOING: 'Archiving (DOING)',
  BEGINNING: 'Starting (BEGINNING)',
  PREPARE: 'Preparing (PREPARE)',
  SUSPEND: 'Suspended (SUSPEND)',
  STOPPING: 'Stopping (STOPPING)',
  OFF: 'Not archiving (stopped, never started or INTERRUPTED)',
};
const archiveZh: Record<ArchiveState, string> = {
  DOING: '归档中（DOING）',
  BEGINNING: '启动中（BEGINNING）',
  PREPARE: '准备中（PREPARE）',
  SUSPEND: '已暂停（SUSPEND）',
  STOPPING: '停止中（STOPPING）',
  OFF: '未归档（已停止、从未开启或 INTERRUPTED）',
};
const problemEn: Record<Problem, string> = {
  'archive-off': 'Log archiving off',
  'delay-over-target': 'Archive delay over target',
  'no-data-destination': 'No data destination',
  'backup-failed': 'Last backup failed',
  'never-backed-up': 'Never backed up',
  'not-normal': 'Tenant not NORMAL',
};
const problemZh: Record<Problem, string> = {
  'archive-off': '日志归档已关闭',
  'delay-over-target': '归档延迟超过目标',
  'no-data-destination': '没有数据备份目的地',
  'backup-failed': '上次备份失败',
  'never-backed-up': '从未备份',
  'not-normal': '租户状态不是 NORMAL',
};
const sortEn: Record<SortKey, string> = {
  problems: 'Problems first',
  name: 'Name',
  delay: 'Archive delay',
  'last-backup': 'Oldest backup first',
};
const sortZh: Record<SortKey, string> = {
  problems: '问题优先',
  name: '名称',
  delay: '归档延迟',
  'last-backup': '最早备份优先',
};

const pageEn: Partial<Record<string, string>> = {
  first: 'First page',
  previous: 'Previous page',
  next: 'Next page',
  last: 'Last page',
};
const pageZh: Partial<Record<string, string>> = {
  first: '第一页',
  previous: '上一页',
  next: '下一页',
  last: '最后一页',
};

export const statusMessages = defineMessages({
  en: {
    title: 'Backup status',
    changeConfig: 'Change the backup configuration',
    summary: (attention: number, total: number) =>
      `${attention} of ${total} tenant${total === 1 ? '' : 's'} need${attention === 1 ? 's' : ''} attention`,
    readCount: (read: number, total: number) => `Read ${read} of ${total} tenants…`,
    updated: (seconds: number) => `Updated ${seconds} s ago`,
    refreshFailed: 'The last refresh failed; retrying less often.',
    noTenants: 'This cluster has no user tenants.',
    noMatch: 'No tenant matches the filter.',
    filter: 'Filter by tenant name',
    problemsOnly: 'Only tenants that need attention',
    sort: 'Sort by',
    tenant: 'Tenant',
    archive: 'Log archiving',
    checkpoint: 'Checkpoint',
    delay: 'Delay',
    delayValue: (seconds: number) => `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`,
    lagTarget: (seconds: number) => `target ${seconds} s`,
    destinations: 'Destinations',
    archiveDest: 'Archive',
    dataDest: 'Data',
    none: 'none',
    lastBackup: 'Last data backup',
    neverBackedUp: 'Never backed up',
    result: (result: number) => `result ${result}`,
    problems: 'Problems',
    ok: 'OK',
    loading: 'Reading…',
    readFailed: 'Could not read',
    tableLabel: 'Backup status per tenant',
    pageControl: (control: string) => pageEn[control] ?? control,
    archiveState: (state: ArchiveState) => archiveEn[state],
    problem: (problem: Problem) => problemEn[problem],
    sortKey: (key: SortKey) => sortEn[key],
  },
  zh: {
    title: '备份状态',
    changeConfig: '修改备份配置',
    summary: (attention: number, total: number) => `${total} 个租户中有 ${attention} 个需要关注`,
    readCount: (read: number, total: number) => `已读取 ${read} / ${total} 个租户…`,
    updated: (seconds: number) => `${seconds} 秒前更新`,
    refreshFailed: '上次刷新失败；将降低刷新频率重试。',
    noTenants: '此集群没有用户租户。',
    noMatch: '没有与筛选条件匹配的租户。',
    filter: '按租户名筛选',
    problemsOnly: '只显示需要关注的租户',
    sort: '排序',
    tenant: '租户',
    archive: '日志归档',
    checkpoint: '检查点',
    delay: '延迟',
    delayValue: (seconds: number) => `${seconds.toFixed(seconds < 10 ? 1 : 0)} 秒`,
    lagTarget: (seconds: number) => `目标 ${seconds} 秒`,
    destinations: '目的地',
    archiveDest: '归档',
    dataDest: '数据',
    none: '无',
    lastBackup: '上次数据备份',
    neverBackedUp: '从未备份',
    result: (result: number) => `结果 ${result}`,
    problems: '问题',
    ok: '正常',
    loading: '读取中…',
    readFailed: '读取失败',
    tableLabel: '各租户的备份状态',
    pageControl: (control: string) => pageZh[control] ?? control,
    archiveState: (state: ArchiveState) => archiveZh[state],
    problem: (problem: Problem) => problemZh[problem],
    sortKey: (key: SortKey) => sortZh[key],
  },
});
