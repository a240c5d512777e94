import { defineMessages } from '../../lib/i18n/messages';

export const clusterMessages = defineMessages({
  en: {
    cluster: 'Cluster',
    unlocked: 'unlocked',
    locked: 'locked',
    switchHint: 'Each cluster keeps its own password in this tab only.',
    overviewTitle: 'Clusters',
    overviewHint: 'Only unlocked clusters are read. Each password stays in this tab’s memory.',
    onScreen: 'on screen',
    shownBelow: 'Its tenants are listed below.',
    lockedHint: 'Locked — switch to unlock.',
    reauthHint: 'Its password was refused — switch to enter it again.',
    switchTo: (name: string) => `Switch to ${name}`,
    switchToUnlock: (name: string) => `Switch to ${name} to unlock`,
  },
  zh: {
    cluster: '集群',
    unlocked: '已解锁',
    locked: '已锁定',
    switchHint: '每个集群的密码分别保存，仅在本标签页内存中。',
    overviewTitle: '集群',
    overviewHint: '只读取已解锁的集群。每个密码仅保存在本标签页的内存中。',
    onScreen: '当前',
    shownBelow: '其租户列在下方。',
    lockedHint: '已锁定 — 切换到该集群以解锁。',
    reauthHint: '其密码被拒绝 — 切换到该集群重新输入。',
    switchTo: (name: string) => `切换到 ${name}`,
    switchToUnlock: (name: string) => `切换到 ${name} 并解锁`,
  },
});
