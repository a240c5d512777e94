import { defineMessages } from '../../lib/i18n/messages';

export const clusterMessages = defineMessages({
  en: {
    cluster: 'Cluster',
    unlocked: 'unlocked',
    locked: 'locked',
    switchHint: 'Each cluster keeps its own password in this tab only.',
  },
  zh: {
    cluster: '集群',
    unlocked: '已解锁',
    locked: '已锁定',
    switchHint: '每个集群的密码分别保存，仅在本标签页内存中。',
  },
});
