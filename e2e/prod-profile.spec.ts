import { chromium } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromiumArgs, chromiumPath } from '../playwright.config';
import { BASE_PATH, PASSWORD_A, expect, test } from './prod-fixtures';

/**
 * Issue 12 item 1: obshell's answers (DAG details, sub-task logs, tenant parameters) carry
 * `access_key=…` in clear. With a real, persistent Chromium profile, nothing of a session — after
 * Lock and after the browser closes — may hold the key anywhere on disk (HTTP cache included).
 */

const ACCESS_KEY = 'AKprofile-5b8c1e0f9d';

/** Every file under `dir` whose bytes contain `needle` (as UTF-8 or as UTF-16, as Chromium writes). */
function filesContaining(dir: string, needle: string): string[] {
  const patterns = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')];
  const found: string[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const file = path.join(current, name);
      const stat = statSync(file, { throwIfNoEntry: false });
      if (!stat) continue;
      if (stat.isDirectory()) walk(file);
      else if (stat.isFile()) {
        const bytes = readFileSync(file);
        if (patterns.some((pattern) => bytes.includes(pattern))) found.push(file);
      }
    }
  };
  walk(dir);
  return found;
}

test('an s3 access_key applied and shown in logs is nowhere in the browser profile', async ({
  prod,
  controlA,
}) => {
  test.setTimeout(120_000);
  await controlA.manualClock();
  const profile = mkdtempSync(path.join(tmpdir(), 'obdash-profile-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      args: chromiumArgs,
      headless: true,
      locale: 'en-US',
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${prod.singleOrigin}${BASE_PATH}backup`);
    await page.getByLabel('root@sys password').fill(PASSWORD_A);
    await page.getByRole('button', { name: 'Unlock' }).click();
    const lock = page.getByRole('button', { name: 'Lock', exact: true });
    await expect(lock).toBeVisible();

    await page.getByLabel('Storage type').selectOption('s3');
    await page.getByLabel('Bucket and path').fill('ob-bucket/backup');
    await page.getByLabel('Endpoint (host)').fill('s3.us-east-1.amazonaws.com');
    await page.getByLabel('Access ID (access_id)').fill('AKID-public');
    await page.getByLabel('Access key (access_key)').fill(ACCESS_KEY);
    await page.getByLabel('Region (s3_region)').fill('us-east-1');
    await page.getByRole('button', { name: /^Review/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Review the change' });
    await dialog.getByLabel(/Type the cluster name/).fill('obdemo');
    await dialog.getByRole('button', { name: 'Apply change' }).click();

    // The timeline with every sub-task's logs open: obshell logs the URI with the key in it.
    await expect(page).toHaveURL(/\/tasks\/\d+$/);
    await controlA.runUntil({ state: 'SUCCEED' });
    await expect(page.getByTestId('dag-freshness')).toContainText('Final state');
    const showLogs = page.getByRole('button', { name: /Show logs/ });
    const subTasks = await showLogs.count();
    for (let i = 0; i < subTasks; i += 1) await showLogs.first().click();
    await expect(page.getByText(/s3:\/\/ob-bucket/).first()).toBeVisible();
    // The form again: current values come from tenant parameters whose URIs carry the key.
    await page.getByRole('link', { name: 'Backup configuration' }).click();
    await expect(page.getByText('Current values per tenant')).toBeVisible();

    await lock.click();
    await expect(page.getByLabel('root@sys password')).toBeVisible();
    await context.close();

    expect(filesContaining(profile, ACCESS_KEY)).toEqual([]);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
