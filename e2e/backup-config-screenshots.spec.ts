import type { Page } from '@playwright/test';
import { test, expect, ROOT_PASSWORD } from './fixtures';

/**
 * The form, its errors and the review in both languages and both colour schemes, written to
 * $SCREENSHOT_DIR (default /tmp/backup-config-screens) for a human to look at.
 */
const dir = process.env.SCREENSHOT_DIR ?? '/tmp/backup-config-screens';

const T = {
  en: {
    password: /root@sys password/i,
    unlock: 'Unlock',
    lock: 'Lock',
    lag: 'Archive lag target (archive_lag_target)',
    ha: 'HA low-priority threads (ha_low_thread_score)',
    scheme: 'Storage type',
    path: 'Bucket and path',
    host: 'Endpoint (host)',
    key: 'Access key (access_key)',
    error: 'One integer and one unit only',
    review: /^Review \d+ change/,
    dialog: 'Review the change',
  },
  zh: {
    password: /root@sys/,
    unlock: '解锁',
    lock: '锁定',
    lag: '归档延迟目标（archive_lag_target）',
    ha: '高可用低优先级线程数（ha_low_thread_score）',
    scheme: '存储类型',
    path: '存储桶与路径',
    host: '访问域名（host）',
    key: 'Access Key（access_key）',
    error: '只能是一个整数加一个单位',
    review: /^预览 \d+ 项修改/,
    dialog: '确认变更',
  },
};

async function open(page: Page, locale: 'en' | 'zh') {
  await page.addInitScript((l) => localStorage.setItem('obdash.locale', l), locale);
  await page.goto('/backup');
  await page.getByLabel(T[locale].password).first().fill(ROOT_PASSWORD);
  await page.getByRole('button', { name: T[locale].unlock }).click();
  await expect(page.getByRole('button', { name: T[locale].lock })).toBeVisible();
}

for (const locale of ['en', 'zh'] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`screenshots: ${locale}, ${scheme}`, async ({ page }) => {
      const t = T[locale];
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await open(page, locale);
      const shot = (name: string, fullPage = true) =>
        page.screenshot({ path: `${dir}/${locale}-${scheme}-${name}.png`, fullPage });
      await expect(page.getByLabel(t.ha)).toHaveValue('0');
      await shot('form');

      await page.getByLabel(t.scheme).selectOption('oss');
      await page.getByLabel(t.path).fill("bucket/it's");
      await page.getByLabel(t.host).fill('oss-cn-hangzhou.aliyuncs.com');
      await page.getByLabel(t.key).fill('secret value');
      await page.getByLabel(t.lag, { exact: true }).fill('1h30m');
      await page.getByLabel(t.ha).fill('101');
      await expect(page.getByText(t.error)).toBeVisible();
      await shot('errors');

      await page.getByLabel(t.scheme).selectOption('file');
      await page.getByLabel(locale === 'en' ? 'Directory' : '目录').fill('/data/new_backup');
      await page.getByLabel(t.lag, { exact: true }).fill('5m');
      await page.getByLabel(t.ha).fill('35');
      await page.getByRole('button', { name: t.review }).click();
      const dialog = page.getByRole('dialog', { name: t.dialog });
      await expect(dialog).toBeVisible();
      await shot('review', false);
    });
  }
}
