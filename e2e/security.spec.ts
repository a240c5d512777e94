import type { Page } from '@playwright/test';
import { test, expect, ROOT_PASSWORD, type SimControl } from './fixtures';
import { openUnlocked } from './support/unlock';

/**
 * Secrets stay in memory and off the screen; obshell's strings are shown as text, never as markup.
 */

const ACCESS_KEY = 'AKsecret-7f3e9d1c';

/** Everything a session leaves behind in the browser that could hold a secret, as one string. */
async function browserTraces(page: Page) {
  const storage = await page.evaluate(async () => {
    const dump = (s: Storage) => Object.fromEntries(Object.entries(s));
    const databases = (await indexedDB.databases?.()) ?? [];
    const idb: Record<string, unknown> = {};
    for (const { name } of databases) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
      });
      for (const store of Array.from(db.objectStoreNames)) {
        idb[`${name}/${store}`] = await new Promise((resolve) => {
          const all = db.transaction(store).objectStore(store).getAll();
          all.onsuccess = () => resolve(all.result);
          all.onerror = () => resolve(String(all.error));
        });
      }
      db.close();
    }
    const caches = 'caches' in window ? await window.caches.keys() : [];
    return { local: dump(localStorage), session: dump(sessionStorage), idb, caches };
  });
  const cookies = await page.context().cookies();
  return JSON.stringify({ storage, cookies });
}

async function simRequestLog(simControl: SimControl) {
  return JSON.stringify(await simControl.call('GET', 'requests?limit=1000'));
}

test('after a full session the password is in no storage, URL, console line or request log', async ({
  page,
  simControl,
}) => {
  const consoleLines: string[] = [];
  const urls: string[] = [];
  const headerValues: string[] = [];
  page.on('console', (message) => consoleLines.push(message.text()));
  page.on('pageerror', (error) => consoleLines.push(String(error)));
  page.on('framenavigated', (frame) => urls.push(frame.url()));
  page.on('request', (request) => {
    urls.push(request.url());
    headerValues.push(...Object.values(request.headers()), request.postData() ?? '');
  });
  await simControl.call('POST', 'time-scale', { scale: 0.2 });

  // Unlock, change a value, review, apply, watch, look at logs and tasks, lock.
  await openUnlocked(page, '/backup');
  await page.getByLabel('Log archive concurrency (log_archive_concurrency)').fill('7');
  await page.getByRole('button', { name: 'Review 1 change' }).click();
  const dialog = page.getByRole('dialog', { name: 'Review the change' });
  await dialog.getByLabel(/Type the cluster name/).fill('obdemo');
  await dialog.getByRole('button', { name: 'Apply change' }).click();
  await expect(page.getByTestId('dag-freshness')).toContainText('Final state');
  await page
    .getByRole('button', { name: /Show logs/ })
    .first()
    .click();
  await page.getByRole('link', { name: 'Tasks' }).click();
  await expect(page.getByRole('heading', { name: 'Tasks' })).toBeVisible();
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByLabel(/root@sys password/i)).toHaveValue('');

  const log = await simRequestLog(simControl);
  // The search is over real data: the change itself is in the simulator's log.
  expect(log).toContain('log_archive_concurrency');
  expect(urls.length).toBeGreaterThan(5);
  for (const [where, text] of Object.entries({
    storage: await browserTraces(page),
    urls: urls.join('\n'),
    console: consoleLines.join('\n'),
    headersAndBodies: headerValues.join('\n'),
    simRequestLog: log,
  })) {
    expect(text, where).not.toContain(ROOT_PASSWORD);
  }
});

test('the storage access_key is masked on every screen', async ({ page, simControl }) => {
  await simControl.call('POST', 'time-scale', { scale: 0.2 });
  await openUnlocked(page, '/backup');
  await page.getByLabel('Storage type').selectOption('oss');
  await page.getByLabel('Bucket and path').fill('ob-bucket/backup');
  await page.getByLabel('Endpoint (host)').fill('oss-cn-hangzhou.aliyuncs.com');
  await page.getByLabel('Access ID (access_id)').fill('AKID-public');
  await page.getByLabel('Access key (access_key)').fill(ACCESS_KEY);
  const body = page.locator('body');
  await expect(page.getByText('URI to send')).toContainText('access_id=AKID-public');
  await expect(body).not.toContainText(ACCESS_KEY);

  await page.getByRole('button', { name: /^Review/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Review the change' });
  await expect(dialog).toContainText('oss://ob-bucket/backup');
  await expect(dialog).not.toContainText(ACCESS_KEY);
  await dialog.getByLabel(/Type the cluster name/).fill('obdemo');
  await dialog.getByRole('button', { name: 'Apply change' }).click();

  // Timeline, with every log shown: the simulator logs the URI it checks, as obshell does.
  await expect(page.getByTestId('dag-freshness')).toContainText('Final state');
  const showLogs = page.getByRole('button', { name: /Show logs/ });
  const subTasks = await showLogs.count();
  // Each click turns its button into "Hide logs", so the next one is always the first left.
  for (let i = 0; i < subTasks; i += 1) await showLogs.first().click();
  await expect(page.getByText(/oss:\/\/ob-bucket/).first()).toBeVisible();
  await expect(body).not.toContainText(ACCESS_KEY);

  // The form again: current values now come from tenants whose URIs carry the key.
  await page.getByRole('link', { name: 'Backup configuration' }).click();
  await expect(page.getByText('Current values per tenant')).toBeVisible();
  await expect(body).not.toContainText(ACCESS_KEY);
  await page.getByRole('link', { name: 'Tasks' }).click();
  await expect(page.getByRole('heading', { name: 'Tasks' })).toBeVisible();
  await expect(body).not.toContainText(ACCESS_KEY);
  expect(page.url()).not.toContain(ACCESS_KEY);
});

const MARKUP = '<img src=x onerror="window.__xss=1">';

async function expectNoInjection(page: Page) {
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(
    await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
  ).toBeUndefined();
}

test('a DAG name with markup is shown as text on the timeline, in its dialog and in the task list', async ({
  page,
  simControl,
}) => {
  const dag = await simControl.call<{ id: string }>('POST', 'dag', {
    nodes: 2,
    state: 'FAILED',
    name: MARKUP,
  });
  await openUnlocked(page, `/tasks/${dag.id}`);
  await expect(page.getByRole('heading', { name: MARKUP })).toBeVisible();
  await page.getByRole('button', { name: 'Retry', exact: true }).click();
  await expect(page.getByRole('dialog')).toContainText(MARKUP);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.getByRole('link', { name: 'Tasks' }).click();
  await expect(page.getByRole('link', { name: MARKUP })).toBeVisible();
  await expectNoInjection(page);
});

test('markup in a destination reaches obshell logs and is shown as text', async ({
  page,
  simControl,
}) => {
  await simControl.call('POST', 'time-scale', { scale: 0.2 });
  // No quote, space or semicolon: the form accepts it, obshell takes any file:// path.
  const path = '/data/<svg/onload=window.__xss=1>';
  await openUnlocked(page, '/backup');
  await page.getByLabel('Directory', { exact: true }).fill(path);
  await page.getByRole('button', { name: /^Review/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Review the change' });
  await dialog.getByLabel(/Type the cluster name/).fill('obdemo');
  await dialog.getByRole('button', { name: 'Apply change' }).click();
  await expect(page.getByTestId('dag-freshness')).toContainText('Final state');
  await page
    .getByRole('button', { name: /Show logs/ })
    .first()
    .click();
  await expect(page.getByText(`file://${path}`).first()).toBeVisible();
  await expect(page.locator('svg[onload]')).toHaveCount(0);
  await expectNoInjection(page);
});

test("obshell's error message quoting a task id with markup is shown as text", async ({ page }) => {
  await openUnlocked(page, `/tasks/${encodeURIComponent(MARKUP)}`);
  // obshell refuses the id and quotes it back in its message.
  await expect(page.getByText(`Invalid generic id '${MARKUP}'`)).toBeVisible();
  await expectNoInjection(page);
});
