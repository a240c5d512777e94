import type { Page } from '@playwright/test';
import { test, expect, ROOT_PASSWORD, type SimControl } from './fixtures';
import { startBackupConfigDag } from './support/obshell-node-client';
import { backupForm, reviewDialog, shell, unlockScreen, type Locale } from './support/pages';
import { expectNoSeriousA11yViolations, tabTo, useLocaleAndScheme } from './support/quality';
import { requestsTo } from './support/timeline-helpers';

/**
 * Proof after a change (issue 13): the timeline reads every tenant back, shows log archiving per
 * tenant live, switches it back on and follows each tenant until DOING; a full backup with archive
 * is reviewed, then followed on its own timeline. Manual clock: the DAG and each archive transition
 * move only when the test releases them; the test waits on what the page shows.
 */

const T = {
  en: {
    verified: 'Applied and verified on 2 of 2 tenants',
    archiveTitle: 'Log archiving may now be off',
    report: 'Log archiving per tenant, as obshell reports it now',
    switchOn: 'Switch log archiving back on',
    off: (tenant: string) => new RegExp(`^${tenant}: off: no archive round`),
    starting: (tenant: string) => new RegExp(`^${tenant}: starting \\(BEGINNING\\)`),
    doing: (tenant: string) => `${tenant}: archiving on (DOING)`,
    interrupted: (tenant: string) =>
      new RegExp(`^${tenant}: INTERRUPTED: .*ALTER SYSTEM NOARCHIVELOG`),
    stoppedAt: (tenant: string) => `Stopped at tenant ${tenant}: its log archive is INTERRUPTED`,
    allDoing: 'Log archiving is on (DOING) for every tenant that can archive.',
    nothing: /^Nothing to compare: this page does not know what was sent/,
    backup: 'Start a full backup with archive',
    backupTitle: 'Review: start a full backup with archive',
    backupConfirm: 'Start the backup',
  },
  zh: {
    verified: '已应用并在 2 / 2 个租户上验证',
    archiveTitle: '日志归档可能已关闭',
    report: '各租户的日志归档状态（obshell 当前报告）',
    switchOn: '重新开启日志归档',
    off: (tenant: string) => new RegExp(`^${tenant}: 已关闭：没有归档轮次`),
    starting: (tenant: string) => new RegExp(`^${tenant}: 正在启动（BEGINNING）`),
    doing: (tenant: string) => `${tenant}: 归档已开启（DOING）`,
    interrupted: (tenant: string) =>
      new RegExp(`^${tenant}: INTERRUPTED：.*ALTER SYSTEM NOARCHIVELOG`),
    stoppedAt: (tenant: string) => tenant,
    allDoing: '所有可以归档的租户都已开启日志归档（DOING）。',
    nothing: /^无可比较的内容/,
    backup: '发起带归档的全量备份',
    backupTitle: '确认：发起带归档的全量备份',
    backupConfirm: '发起备份',
  },
};

const NEW_DIRECTORY = '/data/proof_backup';

async function openBackupForm(page: Page, locale: Locale) {
  await useLocaleAndScheme(page, locale, 'light');
  await page.goto('/backup');
  await unlockScreen(page, locale).unlock(ROOT_PASSWORD);
  await expect(backupForm(page, locale).heading).toBeVisible();
}

/** The form: new directory → review → type the cluster name → apply; the timeline opens. */
async function changeDestination(page: Page, locale: Locale) {
  const form = backupForm(page, locale);
  await form.directory.fill(NEW_DIRECTORY);
  await form.reviewButton(1).click();
  const review = reviewDialog(page, locale);
  await review.confirmName.fill('obdemo');
  await review.apply.click();
  await expect(page).toHaveURL(/\/tasks\/\d+$/);
}

/** Releases the DAG until it SUCCEEDs; the page follows by polling. */
async function finishNewestDag(simControl: SimControl) {
  const answer = await simControl.runUntil({ state: 'SUCCEED' });
  expect(answer.dags.at(-1)?.state).toBe('SUCCEED');
}

function archiveReport(page: Page, locale: Locale) {
  return page.getByRole('list', { name: T[locale].report });
}

async function tenantStatuses(simControl: SimControl) {
  const state = await simControl.call<{
    tenants: { name: string; log_archive_status: string | null }[];
  }>('GET', 'state');
  return Object.fromEntries(state.tenants.map((t) => [t.name, t.log_archive_status]));
}

test.describe('timeline: proof after a change', () => {
  test.beforeEach(async ({ simControl }) => {
    await simControl.reset({ clock: 'manual' });
  });

  test('keyboard only (en): destination changed → verified on every tenant → archiving off → switched back on → every tenant DOING', async ({
    page,
    simControl,
  }) => {
    await useLocaleAndScheme(page, 'en', 'light');
    await page.goto('/backup');
    await expect(unlockScreen(page).password).toBeFocused();
    await page.keyboard.type(ROOT_PASSWORD);
    await page.keyboard.press('Enter');
    await expect(shell(page).lockButton).toBeVisible();

    const form = backupForm(page);
    await tabTo(page, form.directory);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(NEW_DIRECTORY);
    await tabTo(page, form.reviewButton(1));
    await page.keyboard.press('Enter');
    const review = reviewDialog(page);
    await expect(review.confirmName).toBeFocused();
    await page.keyboard.type('obdemo');
    await tabTo(page, review.apply);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/tasks\/\d+$/);

    await finishNewestDag(simControl);
    const summary = page.getByTestId('verify-summary');
    await expect(summary).toContainText(T.en.verified);
    await expect(page.getByText(T.en.archiveTitle)).toBeVisible();
    const report = archiveReport(page, 'en');
    await expect(report.getByRole('listitem')).toHaveText([
      T.en.off('app_tenant'),
      T.en.off('report_tenant'),
    ]);
    await expectNoSeriousA11yViolations(page);

    await tabTo(page, page.getByRole('button', { name: T.en.switchOn }));
    await page.keyboard.press('Enter');
    await expect(report.getByRole('listitem')).toHaveText([
      T.en.starting('app_tenant'),
      T.en.starting('report_tenant'),
    ]);
    const patches = await requestsTo(simControl, '/api/v1/obcluster/backup/log');
    expect(patches).toHaveLength(1);
    expect(patches[0]).toMatchObject({ method: 'PATCH', status: 200, body: { status: 'DOING' } });

    // OceanBase opens each round one engine wait later (BEGINNING → DOING): release them.
    await simControl.step(2);
    await expect(report.getByRole('listitem')).toHaveText([
      T.en.doing('app_tenant'),
      T.en.doing('report_tenant'),
    ]);
    await expect(page.getByTestId('archive-summary')).toHaveText(T.en.allDoing);
    expect(await tenantStatuses(simControl)).toEqual({
      app_tenant: 'DOING',
      report_tenant: 'DOING',
    });
    await expectNoSeriousA11yViolations(page);
  });

  test('zh: one tenant INTERRUPTED is explained, the other is switched on', async ({
    page,
    simControl,
  }) => {
    const t = T.zh;
    await openBackupForm(page, 'zh');
    await changeDestination(page, 'zh');
    await finishNewestDag(simControl);
    await expect(page.getByTestId('verify-summary')).toContainText(t.verified);
    // Its archive broke after the change (e.g. an unreachable destination).
    await simControl.scenario({ tenant: 'report_tenant', archive: 'INTERRUPTED' });

    await expect(page.getByText(t.archiveTitle)).toBeVisible();
    await page.getByRole('button', { name: t.switchOn }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'INTERRUPTED' }).first();
    await expect(alert).toContainText(t.stoppedAt('report_tenant'));
    // Step only once obshell has the switch (the alert alone may come from the read before it).
    await expect
      .poll(async () => (await requestsTo(simControl, '/api/v1/obcluster/backup/log')).length)
      .toBe(1);
    await simControl.step(1);
    const report = archiveReport(page, 'zh');
    await expect(report.getByRole('listitem')).toHaveText([
      t.doing('app_tenant'),
      t.interrupted('report_tenant'),
    ]);
    // obshell stopped at report_tenant (500); app_tenant, before it, kept its change.
    const patches = await requestsTo(simControl, '/api/v1/obcluster/backup/log');
    expect(patches.map((p) => p.status)).toEqual([500]);
    expect(await tenantStatuses(simControl)).toEqual({
      app_tenant: 'DOING',
      report_tenant: 'INTERRUPTED',
    });
    await expectNoSeriousA11yViolations(page);
  });

  for (const locale of ['en', 'zh'] as const) {
    test(`${locale}: a DAG started elsewhere has nothing to compare; a full backup with archive is reviewed and followed`, async ({
      page,
      simControl,
      stack,
    }) => {
      const t = T[locale];
      const dag = await startBackupConfigDag(stack.sim.url, {
        backup_base_uri: `file://${NEW_DIRECTORY}`,
      });
      await finishNewestDag(simControl);
      await useLocaleAndScheme(page, locale, 'light');
      await page.goto(`/tasks/${dag.id}`);
      await unlockScreen(page, locale).unlock(ROOT_PASSWORD);
      await expect(page.getByTestId('verify-nothing')).toHaveText(t.nothing);

      await page.getByRole('button', { name: t.backup }).click();
      const dialog = page.getByRole('dialog', { name: t.backupTitle });
      const body = dialog.getByTestId('start-backup-body');
      await expect(body).toContainText('POST /api/v1/obcluster/backup');
      await expect(body).toContainText('"mode": "full"');
      await expect(body).toContainText('"plus_archive": true');
      await expectNoSeriousA11yViolations(page);
      await dialog.getByRole('button', { name: t.backupConfirm }).click();

      await expect(page).not.toHaveURL(new RegExp(`/tasks/${dag.id}$`));
      await expect(page).toHaveURL(/\/tasks\/\d+$/);
      await expect(
        page.getByRole('heading', { level: 2, name: 'Obcluster start full backup' }),
      ).toBeVisible();
      const posts = await requestsTo(simControl, '/api/v1/obcluster/backup');
      const started = posts.filter((p) => p.method === 'POST');
      expect(started).toHaveLength(1);
      expect(started[0]).toMatchObject({ status: 200, body: { mode: 'full', plus_archive: true } });

      await finishNewestDag(simControl);
      await expect(page.getByTestId('dag-freshness')).toContainText(
        locale === 'en' ? 'Final state' : '最终状态',
      );
      expect(await tenantStatuses(simControl)).toEqual({
        app_tenant: 'DOING',
        report_tenant: 'DOING',
      });
    });
  }
});
