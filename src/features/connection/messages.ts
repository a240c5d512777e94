import { defineMessages } from '../../lib/i18n/messages';

export const connectionMessages = defineMessages({
  en: {
    title: 'Connect to obshell',
    intro:
      'This dashboard changes the backup configuration of an OceanBase cluster through obshell, its management agent.',
    agentHeading: 'Agent',
    agentAddress: 'Address',
    agentVersion: 'obshell version',
    agentIdentity: 'Identity',
    obVersion: 'OceanBase version',
    agentLoading: 'Reading agent information…',
    agentUnavailable: 'Cannot read agent information',
    notClusterAgentTitle: 'Backup changes will be refused',
    notClusterAgent: (identity: string) =>
      `This agent's identity is "${identity}", not "CLUSTER AGENT": obshell only accepts backup configuration changes from an agent that belongs to a running cluster. Connect to such an agent instead.`,
    noAuthV2Title: 'Sign-in not supported',
    noAuthV2:
      'This agent does not announce auth v2 (hybrid encryption, obshell 4.2.3 or later), which this dashboard uses. Unlocking will most likely fail; upgrade obshell.',
    rootPassword: 'root@sys password',
    rootPasswordHelp:
      'Checked by obshell, then kept in this tab’s memory only: reloading the page or “Lock” forgets it.',
    securityNote:
      'security: true means this agent has its own agent password. It is not needed here: obshell accepts the root@sys password alone on a cluster agent.',
    unlock: 'Unlock',
    unlocking: 'Checking…',
    wrongRootPassword: 'obshell refused this root@sys password. Check it and try again.',
    reauthTitle: 'Sign in again',
    reauthIntro:
      'obshell no longer accepts the password this tab was using (it may have been changed). Enter it again to continue; nothing on this page is lost.',
    reauthLock: 'Lock instead',
  },
  zh: {
    title: '连接 obshell',
    intro: '本控制台通过 OceanBase 的管理代理 obshell 修改集群的备份配置。',
    agentHeading: 'Agent',
    agentAddress: '地址',
    agentVersion: 'obshell 版本',
    agentIdentity: '身份',
    obVersion: 'OceanBase 版本',
    agentLoading: '正在读取 agent 信息…',
    agentUnavailable: '无法读取 agent 信息',
    notClusterAgentTitle: '备份配置修改将被拒绝',
    notClusterAgent: (identity: string) =>
      `该 agent 的身份是“${identity}”，而不是“CLUSTER AGENT”：obshell 只接受来自运行中集群所属 agent 的备份配置修改。请改为连接这样的 agent。`,
    noAuthV2Title: '不支持登录',
    noAuthV2:
      '该 agent 未声明支持 auth v2（混合加密，obshell 4.2.3 及以上），而本控制台使用它。解锁很可能失败，请升级 obshell。',
    rootPassword: 'root@sys 密码',
    rootPasswordHelp:
      '由 obshell 校验，之后仅保存在本标签页的内存中：刷新页面或“锁定”都会将其清除。',
    securityNote:
      'security: true 表示该 agent 设置了自己的 agent 密码。此处无需该密码：在集群 agent 上，obshell 只凭 root@sys 密码即可认证。',
    unlock: '解锁',
    unlocking: '正在校验…',
    wrongRootPassword: 'obshell 拒绝了该 root@sys 密码，请检查后重试。',
    reauthTitle: '重新登录',
    reauthIntro:
      'obshell 不再接受本标签页使用的密码（可能已被修改）。请重新输入以继续，本页内容不会丢失。',
    reauthLock: '改为锁定',
  },
});
