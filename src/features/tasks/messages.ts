import { defineMessages } from '../../lib/i18n/messages';
import type { DagAction } from './model/dag-actions';
import type { DisplayState } from './model/display-state';
import type { PassEffect } from './model/dag-actions';
import type { SetConfigPhase } from './model/set-config-phase';

const stateEn: Record<DisplayState, string> = {
  pending: 'Pending',
  ready: 'Ready',
  running: 'Running',
  retrying: 'Retrying',
  rollingBack: 'Rolling back',
  cancelRequested: 'Cancel requested',
  cancelling: 'Cancelling',
  failed: 'Failed',
  cancelled: 'Cancelled',
  succeeded: 'Succeeded',
  passed: 'Passed (not applied)',
  rolledBack: 'Rolled back',
};
const stateZh: Record<DisplayState, string> = {
  pending: '等待中',
  ready: '就绪',
  running: '运行中',
  retrying: '重试中',
  rollingBack: '回滚中',
  cancelRequested: '已请求取消',
  cancelling: '取消中',
  failed: '失败',
  cancelled: '已取消',
  succeeded: '成功',
  passed: '已跳过（未应用）',
  rolledBack: '已回滚',
};

const actionEn: Record<DagAction, string> = {
  RETRY: 'Retry',
  ROLLBACK: 'Roll back',
  PASS: 'Pass (skip)',
  CANCEL: 'Cancel task',
};
const actionZh: Record<DagAction, string> = {
  RETRY: '重试',
  ROLLBACK: '回滚',
  PASS: '跳过',
  CANCEL: '取消任务',
};

const actionEffectEn: Record<DagAction, string> = {
  RETRY:
    'obshell runs the failed step again from its beginning, then continues with the steps after it. Its log keeps the earlier runs.',
  ROLLBACK:
    'obshell undoes the steps that already ran, in reverse order, and ends the task as rolled back: nothing of it stays applied.',
  PASS: 'obshell marks the failed step and every step after it as passed without running them, and ends the task.',
  CANCEL:
    'obshell stops the task in the background: it is first marked for cancelling, then the running step stops and the task ends as cancelled. Steps that already ran are not undone. A cancelled task can still be retried or passed.',
};
const actionEffectZh: Record<DagAction, string> = {
  RETRY: 'obshell 将从头重新执行失败的步骤，然后继续执行后续步骤。日志会保留之前各次执行的记录。',
  ROLLBACK: 'obshell 将按相反顺序撤销已执行的步骤，任务以“已回滚”结束：不会保留任何修改。',
  PASS: 'obshell 将把失败的步骤及其后的所有步骤标记为已跳过（不再执行），并结束任务。',
  CANCEL:
    'obshell 将在后台停止该任务：先标记为取消，随后正在执行的步骤停止，任务以“已取消”结束。已执行的步骤不会被撤销。已取消的任务仍可重试或跳过。',
};

const passEffectEn: Record<PassEffect['kind'], (step: string) => string> = {
  nothing: (step) =>
    `Nothing of this configuration will be applied: “${step}” failed, so “Set backup config” has not run, and passing ends the task without running it.`,
  partial: (step) =>
    `The configuration stays partly applied: “${step}” failed part-way. What it did before failing stays applied (its log lists each change); the rest is not applied, and nothing runs after passing.`,
  generic: (step) =>
    `“${step || 'The failed step'}” and every step after it will not run: whatever they should have changed is not applied.`,
};
const passEffectZh: Record<PassEffect['kind'], (step: string) => string> = {
  nothing: (step) =>
    `该配置不会有任何部分生效：“${step}”失败，“Set backup config”尚未执行；跳过后任务直接结束，不再执行它。`,
  partial: (step) =>
    `该配置将处于部分生效状态：“${step}”在中途失败。失败前已完成的修改保持生效（见其日志），其余部分不会生效；跳过后不再执行任何步骤。`,
  generic: (step) =>
    `“${step || '失败的步骤'}”及其后的所有步骤都不会执行：它们本应做出的修改不会生效。`,
};

const passedOutcomeEn: Record<PassEffect['kind'], (step: string) => string> = {
  nothing: (step) =>
    `Ended without applying the configuration: “${step}” failed and was passed, so nothing was set.`,
  partial: (step) =>
    `Ended without applying all of the configuration: “${step}” failed part-way and was passed. What it did before failing stays applied (see its log); the rest was not applied.`,
  generic: (step) =>
    `Ended without applying “${step}” and the steps after it: the failure was passed, so they did not run.`,
};
const passedOutcomeZh: Record<PassEffect['kind'], (step: string) => string> = {
  nothing: (step) => `已结束，配置未应用：“${step}”失败后被跳过，没有做任何设置。`,
  partial: (step) =>
    `已结束，配置未完全应用：“${step}”中途失败后被跳过。失败前已完成的修改保持生效（见其日志），其余部分未应用。`,
  generic: (step) => `已结束，“${step}”及其后的步骤未应用：失败被跳过，这些步骤没有执行。`,
};

const phaseEn: Record<SetConfigPhase, string> = {
  closeArchive: 'switching log archiving off and waiting for it to stop',
  concurrency: 'setting log_archive_concurrency',
  archiveDest: 'setting the archive log destination',
  lagTarget: 'setting archive_lag_target',
  waitBackup: 'cancelling running data backups and waiting for them to end',
  dataDest: 'setting the data backup destination',
  haScore: 'setting ha_low_thread_score',
  deletePolicy: 'setting the delete policy',
};
const phaseZh: Record<SetConfigPhase, string> = {
  closeArchive: '正在关闭日志归档并等待其停止',
  concurrency: '正在设置 log_archive_concurrency',
  archiveDest: '正在设置归档日志目的地',
  lagTarget: '正在设置 archive_lag_target',
  waitBackup: '正在取消运行中的数据备份并等待其结束',
  dataDest: '正在设置数据备份目的地',
  haScore: '正在设置 ha_low_thread_score',
  deletePolicy: '正在设置删除策略',
};

export const taskMessages = defineMessages({
  en: {
    state: (s: DisplayState) => stateEn[s],
    action: (a: DagAction) => actionEn[a],
    actionEffect: (a: DagAction) => actionEffectEn[a],
    passEffect: (e: PassEffect) => passEffectEn[e.kind](e.step),
    passedOutcome: (e: PassEffect) => passedOutcomeEn[e.kind](e.step),
    passedTitle: 'Ended without applying',
    tenantLockTitle: (tenant: string) => `Tenant ${tenant} stays locked`,
    tenantLockHeld: (tenant: string) =>
      `This failed task still holds tenant ${tenant}: obshell refuses every other change to that tenant (OB.Tenant.UnderMaintenance) until this task ends — retry it, pass it, or roll back a failed check step.`,
    /** A DAG's outcome in the tab title and notification: PASS never reads as a success. */
    outcome: (s: DisplayState) => (s === 'passed' ? 'Ended without applying' : stateEn[s]),
    phase: (p: SetConfigPhase) => phaseEn[p],
    phaseNow: (phase: string, tenant: string | undefined) =>
      tenant ? `Now: ${phase} (tenant ${tenant})` : `Now: ${phase}`,
    actionsHintCancelled:
      'This task was cancelled. It is not final: you can still retry it or pass it.',
    // Tasks page
    tasksTitle: 'Tasks',
    tasksIntro:
      'Tasks (DAGs) that obshell is still running or that failed and wait for your decision, then the latest backup configuration changes.',
    unfinishedCaption: 'Unfinished tasks',
    recentConfigCaption: 'Recent backup configuration tasks',
    noRecentConfig: 'obshell has no backup configuration task for this cluster yet.',
    colName: 'Name',
    colState: 'State',
    colStage: 'Stage',
    colStart: 'Started',
    colId: 'Task id',
    noUnfinished:
      'No unfinished tasks: nothing is running and no failed task waits for a decision.',
    loadingTasks: 'Loading tasks…',
    tasksError: 'Could not load the task lists:',
    retryLoad: 'Try again',
    openById: 'Open a task by id',
    openByIdLabel: 'Task id',
    openByIdSubmit: 'Open',
    // Timeline
    loadingTask: 'Loading task…',
    taskId: (id: string) => `Task id ${id}`,
    stage: (stage: number, max: number) => `Stage ${stage} / ${max}`,
    started: 'Started',
    ended: 'Ended',
    elapsed: 'Elapsed',
    notStarted: 'Not started',
    restarting: 'Restarting…',
    notEnded: '—',
    updatedAgo: (s: number) => `Updated ${s} s ago`,
    updatedJustNow: 'Updated just now',
    staleWarning: (s: number) => `Last update ${s} s ago — what you see may be out of date.`,
    finalState: 'Final state: no longer refreshing.',
    pausedHidden: 'Paused while this tab is hidden.',
    reconnecting: 'Reconnecting…',
    reconnectingDetail: (attempt: number, reason: string) =>
      `Attempt ${attempt} failed (${reason}). Showing the last data received; retrying with increasing delays (up to 30 s).`,
    refreshFailed: 'Refreshing this task failed:',
    reasonNetwork: 'obshell unreachable',
    reasonTimeout: 'no answer in time',
    reasonHttp: (status: number) => `HTTP ${status}`,
    steps: 'Steps',
    stepOf: (n: number, total: number) => `Step ${n} of ${total}`,
    actingCluster: 'Cluster',
    actingTarget: (label: string) => `target “${label}”`,
    noSteps: 'obshell returned no steps for this task.',
    jumpFailed: 'Jump to failed step',
    jumpCurrent: 'Jump to current step',
    jumpNext: 'Jump to next step',
    subTasks: 'Sub-tasks',
    agent: 'Agent',
    executeTimes: (n: number) => (n === 1 ? 'Run once' : `Run ${n} times`),
    failureLine: 'Reason:',
    showLogs: 'Show logs',
    hideLogs: 'Hide logs',
    noLogs: 'No log lines yet.',
    fullLogs: 'Load full logs',
    fullLogsTitle: 'Full logs',
    fullLogsLoading: 'Loading full logs…',
    fullLogsError: 'Could not load the full logs:',
    fullLogsEmpty: 'obshell has no stored logs for this sub-task.',
    runNumber: (n: number) => `Run ${n}`,
    announceStep: (n: number, name: string, state: string) => `Step ${n}, ${name}: ${state}`,
    announceDag: (name: string, state: string) => `Task ${name}: ${state}`,
    titleOutcome: (state: string, name: string) => `${state} · ${name}`,
    notifyBody: (name: string, state: string) => `${name}: ${state}`,
    notifyMe: 'Notify me when it ends',
    notifyOn:
      'A desktop notification will be shown if this tab is in the background when the task ends.',
    notifyDenied: 'Desktop notifications are blocked for this site.',
    // Not found
    notFoundTitle: 'Task not found',
    notFoundBody: (id: string) =>
      `obshell has no task with id "${id}". It may have been run on another agent, or the id is mistyped.`,
    backToTasks: 'Back to tasks',
    loadError: 'Could not load this task:',
    // Actions
    actions: 'Actions',
    actionsHintFailed: 'This task failed and waits for your decision.',
    confirmTitle: (action: string) => `${action}?`,
    confirmTask: (name: string, id: string) => `Task: ${name} (id ${id})`,
    confirm: (action: string) => `Yes, ${action.toLowerCase()}`,
    keep: 'Go back',
    closeDialog: 'Close without deciding',
    refused: 'obshell refused:',
    actionSent: (action: string) => `${action} sent. Following the task…`,
    // Follow-up after a backup config DAG
    archiveTitle: 'Log archiving may now be off',
    archiveBody:
      'When a backup configuration change sets an archive destination or log_archive_concurrency, obshell switches log archiving off (NOARCHIVELOG) for every user tenant and does not switch it back on. Until it is on again, no archive logs are written and point-in-time recovery is not possible past this moment.',
    archiveButton: 'Switch log archiving back on',
    archiveAccepted:
      'obshell accepted the request. It does not say what it did, so here is what each tenant reports now:',
    archiveError: 'Switching log archiving on failed:',
    archiveInterruptedTitle: (tenant: string) =>
      `Stopped at tenant ${tenant}: its log archive is INTERRUPTED`,
    archiveInterrupted: (tenant: string) =>
      `obshell cannot switch archiving on for ${tenant} until the interruption is resolved in OceanBase (see CDB_OB_ARCHIVELOG). obshell handles tenants one by one: those before ${tenant} kept their change, those after it were not touched. Each tenant's state below says where it stands.`,
    archiveReportTitle: 'Log archiving per tenant, as obshell reports it now',
    archiveReading: 'Reading…',
    archiveReadAgain: 'Read again',
    archiveTenantOn: (statuses: string) => `archiving on (${statuses})`,
    archiveTenantOther: (statuses: string) => `not archiving (${statuses})`,
    archiveTenantOff:
      'no archive round: archiving is off (obshell changes nothing for a tenant that never archived)',
    archiveTenantUnread: (message: string) => `could not be read (${message})`,
    archiveTenantsError: 'Could not list the tenants:',
    archiveNoTenants: 'This cluster has no user tenant.',
  },
  zh: {
    state: (s: DisplayState) => stateZh[s],
    action: (a: DagAction) => actionZh[a],
    actionEffect: (a: DagAction) => actionEffectZh[a],
    passEffect: (e: PassEffect) => passEffectZh[e.kind](e.step),
    passedOutcome: (e: PassEffect) => passedOutcomeZh[e.kind](e.step),
    passedTitle: '已结束，未应用',
    tenantLockTitle: (tenant: string) => `租户 ${tenant} 仍被锁定`,
    tenantLockHeld: (tenant: string) =>
      `这个失败的任务仍占用租户 ${tenant}：在它结束之前，obshell 会拒绝对该租户的其他修改（OB.Tenant.UnderMaintenance）——请重试、跳过，或回滚失败的检查步骤。`,
    outcome: (s: DisplayState) => (s === 'passed' ? '已结束，未应用' : stateZh[s]),
    phase: (p: SetConfigPhase) => phaseZh[p],
    phaseNow: (phase: string, tenant: string | undefined) =>
      tenant ? `当前：${phase}（租户 ${tenant}）` : `当前：${phase}`,
    actionsHintCancelled: '该任务已被取消，但尚未终结：仍可重试或跳过。',
    tasksTitle: '任务',
    tasksIntro: 'obshell 仍在执行、或失败后等待您决定的任务（DAG），以及最近的备份配置变更。',
    unfinishedCaption: '未完成的任务',
    recentConfigCaption: '最近的备份配置任务',
    noRecentConfig: 'obshell 中该集群还没有备份配置任务。',
    colName: '名称',
    colState: '状态',
    colStage: '阶段',
    colStart: '开始时间',
    colId: '任务 ID',
    noUnfinished: '没有未完成的任务：没有正在执行的任务，也没有等待决定的失败任务。',
    loadingTasks: '正在加载任务…',
    tasksError: '无法加载任务列表：',
    retryLoad: '重试',
    openById: '按 ID 打开任务',
    openByIdLabel: '任务 ID',
    openByIdSubmit: '打开',
    loadingTask: '正在加载任务…',
    taskId: (id: string) => `任务 ID ${id}`,
    stage: (stage: number, max: number) => `阶段 ${stage} / ${max}`,
    started: '开始',
    ended: '结束',
    elapsed: '耗时',
    notStarted: '未开始',
    restarting: '正在重新开始…',
    notEnded: '—',
    updatedAgo: (s: number) => `${s} 秒前更新`,
    updatedJustNow: '刚刚更新',
    staleWarning: (s: number) => `上次更新在 ${s} 秒前，显示的内容可能已过时。`,
    finalState: '最终状态：不再刷新。',
    pausedHidden: '标签页隐藏时暂停刷新。',
    reconnecting: '正在重新连接…',
    reconnectingDetail: (attempt: number, reason: string) =>
      `第 ${attempt} 次尝试失败（${reason}）。当前显示最后一次收到的数据；将以递增间隔（最长 30 秒）重试。`,
    refreshFailed: '刷新任务失败：',
    reasonNetwork: '无法连接 obshell',
    reasonTimeout: '响应超时',
    reasonHttp: (status: number) => `HTTP ${status}`,
    steps: '步骤',
    stepOf: (n: number, total: number) => `第 ${n} 步，共 ${total} 步`,
    actingCluster: '集群',
    actingTarget: (label: string) => `目标 “${label}”`,
    noSteps: 'obshell 未返回该任务的步骤。',
    jumpFailed: '跳转到失败的步骤',
    jumpCurrent: '跳转到当前步骤',
    jumpNext: '跳转到下一步骤',
    subTasks: '子任务',
    agent: 'Agent',
    executeTimes: (n: number) => `执行 ${n} 次`,
    failureLine: '原因：',
    showLogs: '显示日志',
    hideLogs: '隐藏日志',
    noLogs: '暂无日志。',
    fullLogs: '加载完整日志',
    fullLogsTitle: '完整日志',
    fullLogsLoading: '正在加载完整日志…',
    fullLogsError: '无法加载完整日志：',
    fullLogsEmpty: 'obshell 没有保存该子任务的日志。',
    runNumber: (n: number) => `第 ${n} 次执行`,
    announceStep: (n: number, name: string, state: string) => `第 ${n} 步 ${name}：${state}`,
    announceDag: (name: string, state: string) => `任务 ${name}：${state}`,
    titleOutcome: (state: string, name: string) => `${state} · ${name}`,
    notifyBody: (name: string, state: string) => `${name}：${state}`,
    notifyMe: '任务结束时通知我',
    notifyOn: '若任务结束时本标签页在后台，将显示桌面通知。',
    notifyDenied: '此站点的桌面通知已被阻止。',
    notFoundTitle: '未找到任务',
    notFoundBody: (id: string) =>
      `obshell 中没有 ID 为“${id}”的任务。它可能在其他 Agent 上执行，或 ID 有误。`,
    backToTasks: '返回任务列表',
    loadError: '无法加载该任务：',
    actions: '操作',
    actionsHintFailed: '该任务已失败，等待您的决定。',
    confirmTitle: (action: string) => `确认${action}？`,
    confirmTask: (name: string, id: string) => `任务：${name}（ID ${id}）`,
    confirm: (action: string) => `确认${action}`,
    keep: '返回',
    closeDialog: '关闭，不做决定',
    refused: 'obshell 拒绝了该操作：',
    actionSent: (action: string) => `已发送${action}，继续跟踪任务…`,
    archiveTitle: '日志归档可能已关闭',
    archiveBody:
      '当备份配置变更设置了归档目的地或 log_archive_concurrency 时，obshell 会为所有用户租户关闭日志归档（NOARCHIVELOG），且不会自动重新开启。重新开启之前不会写入归档日志，无法恢复到此刻之后的时间点。',
    archiveButton: '重新开启日志归档',
    archiveAccepted: 'obshell 已接受该请求，但不会告知具体做了什么。以下是各租户当前的状态：',
    archiveError: '开启日志归档失败：',
    archiveInterruptedTitle: (tenant: string) =>
      `在租户 ${tenant} 处停止：其日志归档处于 INTERRUPTED 状态`,
    archiveInterrupted: (tenant: string) =>
      `在 OceanBase 中解决该中断之前（见 CDB_OB_ARCHIVELOG），obshell 无法为 ${tenant} 开启归档。obshell 逐个处理租户：${tenant} 之前的租户已生效，之后的租户未被处理。下方列出了每个租户的当前状态。`,
    archiveReportTitle: '各租户的日志归档状态（obshell 当前报告）',
    archiveReading: '正在读取…',
    archiveReadAgain: '重新读取',
    archiveTenantOn: (statuses: string) => `归档已开启（${statuses}）`,
    archiveTenantOther: (statuses: string) => `未在归档（${statuses}）`,
    archiveTenantOff: '没有归档轮次：归档已关闭（对从未归档的租户 obshell 不做任何修改）',
    archiveTenantUnread: (message: string) => `无法读取（${message}）`,
    archiveTenantsError: '无法列出租户：',
    archiveNoTenants: '该集群没有用户租户。',
  },
});

export type TaskMessages = (typeof taskMessages)['en'];
