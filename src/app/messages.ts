import { defineMessages } from '../lib/i18n/messages';

export const appMessages = defineMessages({
  en: {
    title: 'OceanBase backup',
    documentTitle: 'OceanBase backup configuration',
    navigation: 'Main navigation',
    toggleNavigation: 'Toggle navigation',
    backup: 'Backup configuration',
    tasks: 'Tasks',
    loading: 'Loading…',
    cluster: 'Cluster',
    version: (version: string) => `OceanBase ${version}`,
    tenants: 'Tenants',
    tenantCount: (count: number) => `${count} tenant${count === 1 ? '' : 's'}`,
    lock: 'Lock',
    lockHelp: 'Forget the password in this tab',
  },
  zh: {
    title: 'OceanBase 备份',
    documentTitle: 'OceanBase 备份配置',
    navigation: '主导航',
    toggleNavigation: '展开/收起导航',
    backup: '备份配置',
    tasks: '任务',
    loading: '加载中…',
    cluster: '集群',
    version: (version: string) => `OceanBase ${version}`,
    tenants: '租户',
    tenantCount: (count: number) => `${count} 个租户`,
    lock: '锁定',
    lockHelp: '清除本标签页中的密码',
  },
});
