import { expect, type Page } from '@playwright/test';

/**
 * Each screen's labels, in English and Chinese, written once: the accessible names a user (and
 * a screen reader) meets. Specs find controls through these helpers, never through CSS, so a
 * wording change is one edit here and a spec runs in either language by passing `locale`.
 *
 * The texts are copied, not imported from `src/`: a test states what the user must see, so an
 * unintended change of an app message fails here instead of passing silently.
 */
export type Locale = 'en' | 'zh';

const en = {
  unlock: { password: 'root@sys password', unlock: 'Unlock', lock: 'Lock' },
  shell: {
    navigation: 'Main navigation',
    backup: 'Backup configuration',
    tasks: 'Tasks',
    status: 'Status',
    pageFailed: 'This page could not be shown',
  },
  form: {
    title: 'Cluster backup configuration',
    current: 'Current values per tenant',
    destination: 'Backup destination (backup_base_uri)',
    archiving: 'Log archiving',
    ha: 'High-availability threads',
    deletePolicy: 'Delete policy (delete_policy)',
    concurrency: 'Log archive concurrency (log_archive_concurrency)',
    haScore: 'HA low-priority threads (ha_low_thread_score)',
    storageType: 'Storage type',
    directory: 'Directory',
    bucketPath: 'Bucket and path',
    endpoint: 'Endpoint (host)',
    accessId: 'Access ID (access_id)',
    accessKey: 'Access key (access_key)',
    uriPreview: 'URI to send',
    reviewPrefix: 'Review',
    review: (count: number) => `Review ${count} change${count === 1 ? '' : 's'}`,
  },
  leave: { title: 'Leave without applying?', stay: 'Stay', leave: 'Leave and discard' },
  review: {
    title: 'Review the change',
    confirmName: 'Type the cluster name',
    apply: 'Apply change',
  },
  timeline: {
    step: (n: number) => new RegExp(`^Step ${n} of \\d+`),
    actions: 'Actions',
    retry: 'Retry',
    retryTitle: 'Retry?',
    confirmRetry: 'Yes, retry',
    showLogs: 'Show logs',
    finalState: 'Final state',
  },
  tasks: { title: 'Tasks' },
  chunk: { title: 'The dashboard was updated or could not load', reload: 'Reload' },
  overview: {
    title: 'Clusters',
    unlocked: 'unlocked',
    locked: 'locked',
    onScreen: 'on screen',
    lockedHint: 'Locked — switch to unlock.',
    switchTo: (name: string) => `Switch to ${name}`,
    switchToUnlock: (name: string) => `Switch to ${name} to unlock`,
  },
};

type Labels = typeof en;

const zh: Labels = {
  unlock: { password: 'root@sys 密码', unlock: '解锁', lock: '锁定' },
  shell: {
    navigation: '主导航',
    backup: '备份配置',
    tasks: '任务',
    status: '状态',
    pageFailed: '无法显示此页面',
  },
  form: {
    title: '集群备份配置',
    current: '各租户的当前值',
    destination: '备份目的地（backup_base_uri）',
    archiving: '日志归档',
    ha: '高可用线程',
    deletePolicy: '清理策略（delete_policy）',
    concurrency: '日志归档并发数（log_archive_concurrency）',
    haScore: '高可用低优先级线程数（ha_low_thread_score）',
    storageType: '存储类型',
    directory: '目录',
    bucketPath: '存储桶与路径',
    endpoint: '访问域名（host）',
    accessId: 'Access ID（access_id）',
    accessKey: 'Access Key（access_key）',
    uriPreview: '将发送的 URI',
    reviewPrefix: '预览',
    review: (count: number) => `预览 ${count} 项修改`,
  },
  leave: { title: '不应用就离开？', stay: '留在此页', leave: '离开并放弃' },
  review: { title: '确认变更', confirmName: '输入集群名', apply: '应用变更' },
  timeline: {
    step: (n: number) => new RegExp(`^第 ${n} 步，共 \\d+ 步`),
    actions: '操作',
    retry: '重试',
    retryTitle: '确认重试？',
    confirmRetry: '确认重试',
    showLogs: '显示日志',
    finalState: '最终状态',
  },
  tasks: { title: '任务' },
  chunk: { title: '控制台已更新或未能加载', reload: '重新加载' },
  overview: {
    title: '集群',
    unlocked: '已解锁',
    locked: '已锁定',
    onScreen: '当前',
    lockedHint: '已锁定 — 切换到该集群以解锁。',
    switchTo: (name: string) => `切换到 ${name}`,
    switchToUnlock: (name: string) => `切换到 ${name} 并解锁`,
  },
};

export const labels: Record<Locale, Labels> = { en, zh };

/** The connection screen: the password field and its Unlock button. */
export function unlockScreen(page: Page, locale: Locale = 'en') {
  const l = labels[locale].unlock;
  const password = page.getByLabel(l.password);
  const unlockButton = page.getByRole('button', { name: l.unlock, exact: true });
  return {
    password,
    unlockButton,
    async unlock(secret: string) {
      await password.fill(secret);
      await unlockButton.click();
      await expect(page.getByRole('button', { name: l.lock, exact: true })).toBeVisible();
      // The pages' layout, not the loading shell with the same header (see support/unlock.ts).
      await expect(
        page.getByRole('navigation', { name: labels[locale].shell.navigation }),
      ).toBeVisible();
    },
  };
}

/** Opens `path` and unlocks; the app shows `path` once unlocked. */
export async function openUnlocked(
  page: Page,
  path: string,
  password: string,
  locale: Locale = 'en',
) {
  await page.goto(path);
  await unlockScreen(page, locale).unlock(password);
}

/** Header and navigation around every page. */
export function shell(page: Page, locale: Locale = 'en') {
  const l = labels[locale].shell;
  const nav = page.getByRole('navigation', { name: l.navigation });
  return {
    nav,
    backupLink: nav.getByRole('link', { name: l.backup, exact: true }),
    tasksLink: nav.getByRole('link', { name: l.tasks, exact: true }),
    statusLink: nav.getByRole('link', { name: l.status, exact: true }),
    lockButton: page.getByRole('button', { name: labels[locale].unlock.lock, exact: true }),
  };
}

/** The backup configuration form, its sections and the fields specs edit most. */
export function backupForm(page: Page, locale: Locale = 'en') {
  const l = labels[locale].form;
  return {
    heading: page.getByRole('heading', { name: l.title }),
    section: (name: 'destination' | 'archiving' | 'ha' | 'deletePolicy') =>
      page.getByRole('group', { name: l[name] }),
    current: page.getByText(l.current),
    concurrency: page.getByLabel(l.concurrency),
    haScore: page.getByLabel(l.haScore),
    storageType: page.getByLabel(l.storageType),
    directory: page.getByLabel(l.directory, { exact: true }),
    bucketPath: page.getByLabel(l.bucketPath),
    endpoint: page.getByLabel(l.endpoint),
    accessId: page.getByLabel(l.accessId),
    accessKey: page.getByLabel(l.accessKey),
    uriPreview: page.getByText(l.uriPreview),
    reviewButton: (count: number) => page.getByRole('button', { name: l.review(count) }),
    /** The Review button whatever the number of changes. */
    anyReviewButton: page.getByRole('button', { name: new RegExp(`^${l.reviewPrefix}`) }),
  };
}

/** The question asked before leaving the form with unsent edits. */
export function leaveDialog(page: Page, locale: Locale = 'en') {
  const l = labels[locale].leave;
  const dialog = page.getByRole('dialog', { name: l.title });
  return {
    dialog,
    stay: dialog.getByRole('button', { name: l.stay, exact: true }),
    leave: dialog.getByRole('button', { name: l.leave, exact: true }),
  };
}

/** The review dialog before a change is applied. */
export function reviewDialog(page: Page, locale: Locale = 'en') {
  const l = labels[locale].review;
  const dialog = page.getByRole('dialog', { name: l.title });
  return {
    dialog,
    confirmName: dialog.getByLabel(new RegExp(l.confirmName)),
    apply: dialog.getByRole('button', { name: l.apply }),
  };
}

/** A task's timeline: its steps, actions and the retry question. */
export function timeline(page: Page, locale: Locale = 'en') {
  const l = labels[locale].timeline;
  const retryDialog = page.getByRole('dialog', { name: l.retryTitle });
  const actions = page.getByRole('group', { name: l.actions });
  return {
    step: (n: number) => page.getByRole('listitem', { name: l.step(n) }),
    actions,
    retry: actions.getByRole('button', { name: l.retry, exact: true }),
    retryDialog,
    confirmRetry: retryDialog.getByRole('button', { name: l.confirmRetry }),
    showLogs: page.getByRole('button', { name: new RegExp(l.showLogs) }),
    freshness: page.getByTestId('dag-freshness'),
    finalState: l.finalState,
  };
}

/** The list of unfinished tasks. */
export function tasksPage(page: Page, locale: Locale = 'en') {
  const l = labels[locale].tasks;
  return {
    heading: page.getByRole('heading', { name: l.title, exact: true }),
    table: page.getByRole('table'),
  };
}

/** What stands where our own code could not be loaded. */
export function chunkFailure(page: Page, locale: Locale = 'en') {
  const l = labels[locale].chunk;
  const alert = page.getByRole('alert').filter({ hasText: l.title });
  return { alert, reload: alert.getByRole('button', { name: l.reload, exact: true }) };
}

/** The clusters overview above the status table (several clusters configured): a card each. */
export function clustersOverview(page: Page, locale: Locale = 'en') {
  const l = labels[locale].overview;
  const region = page.getByRole('region', { name: l.title, exact: true });
  return {
    region,
    labels: l,
    card: (name: string) => region.getByRole('listitem', { name, exact: true }),
    switchTo: (name: string) => region.getByRole('button', { name: l.switchTo(name), exact: true }),
    switchToUnlock: (name: string) =>
      region.getByRole('button', { name: l.switchToUnlock(name), exact: true }),
  };
}
