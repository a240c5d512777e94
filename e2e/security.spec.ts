import type { Page } from '@playwright/test';
import { test, expect, ROOT_PASSWORD, type SimControl } from './fixtures';
import {
  backupForm,
  openUnlocked,
  reviewDialog,
  shell,
  tasksPage,
  timeline,
  unlockScreen,
} from './support/pages';
import { readPageRecord } from './support/page-records';

/**
 * Secrets stay in memory and off the screen; obshell's strings are shown as text, never as markup.
 */

const ACCESS_KEY = 'AKsecret-7f3e9d1c';

/** Everything a session leaves behind in the browser that could hold a secret, as one string. */
async function browserTraces(page: Page) {
  const storage = await page.evaluate(async () => {
    const dump = (s: Storage) => Object.fromEntries(Object.entries(s));
    const databases = await indexedDB.databases();
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

/** Confirms the open review, applies, and runs the task to its end; returns its timeline. */
async function applyAndFinish(page: Page, simControl: SimControl) {
  await reviewDialog(page).confirmName.fill('obdemo');
  await reviewDialog(page).apply.click();
  await expect(page).toHaveURL(/\/tasks\/\d+$/);
  await simControl.runUntil({ state: 'SUCCEED' });
  const dag = timeline(page);
  await expect(dag.freshness).toContainText(dag.finalState);
  return dag;
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
  await simControl.manualClock();

  // Unlock, change a value, review, apply, watch, look at logs and tasks, lock.
  await openUnlocked(page, '/backup', ROOT_PASSWORD);
  const form = backupForm(page);
  await form.concurrency.fill('7');
  await form.reviewButton(1).click();
  const dag = await applyAndFinish(page, simControl);
  await dag.showLogs.first().click();
  await shell(page).tasksLink.click();
  await expect(tasksPage(page).heading).toBeVisible();
  await shell(page).lockButton.click();
  await expect(unlockScreen(page).password).toHaveValue('');

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
  await simControl.manualClock();
  await openUnlocked(page, '/backup', ROOT_PASSWORD);
  const form = backupForm(page);
  await form.storageType.selectOption('oss');
  await form.bucketPath.fill('ob-bucket/backup');
  await form.endpoint.fill('oss-cn-hangzhou.aliyuncs.com');
  await form.accessId.fill('AKID-public');
  await form.accessKey.fill(ACCESS_KEY);
  const body = page.locator('body');
  await expect(form.uriPreview).toContainText('access_id=AKID-public');
  await expect(body).not.toContainText(ACCESS_KEY);

  await form.anyReviewButton.click();
  const review = reviewDialog(page);
  await expect(review.dialog).toContainText('oss://ob-bucket/backup');
  await expect(review.dialog).not.toContainText(ACCESS_KEY);

  // Timeline, with every log shown: the simulator logs the URI it checks, as obshell does.
  const dag = await applyAndFinish(page, simControl);
  const showLogs = dag.showLogs;
  const subTasks = await showLogs.count();
  // Each click turns its button into "Hide logs", so the next one is always the first left.
  for (let i = 0; i < subTasks; i += 1) await showLogs.first().click();
  await expect(page.getByText(/oss:\/\/ob-bucket/).first()).toBeVisible();
  await expect(body).not.toContainText(ACCESS_KEY);

  // The form again: current values now come from tenants whose URIs carry the key.
  await shell(page).backupLink.click();
  await expect(form.current).toBeVisible();
  await expect(body).not.toContainText(ACCESS_KEY);
  await shell(page).tasksLink.click();
  await expect(tasksPage(page).heading).toBeVisible();
  await expect(body).not.toContainText(ACCESS_KEY);
  expect(page.url()).not.toContain(ACCESS_KEY);
});

const MARKUP = '<img src=x onerror="window.__xss=1">';

async function expectNoInjection(page: Page) {
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(await readPageRecord(page, '__xss')).toBeUndefined();
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
  await openUnlocked(page, `/tasks/${dag.id}`, ROOT_PASSWORD);
  await expect(page.getByRole('heading', { name: MARKUP })).toBeVisible();
  await timeline(page).retry.click();
  await expect(page.getByRole('dialog')).toContainText(MARKUP);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await shell(page).tasksLink.click();
  await expect(page.getByRole('link', { name: MARKUP })).toBeVisible();
  await expectNoInjection(page);
});

test('markup in a destination reaches obshell logs and is shown as text', async ({
  page,
  simControl,
}) => {
  await simControl.manualClock();
  // No quote, space or semicolon: the form accepts it, obshell takes any file:// path.
  const path = '/data/<svg/onload=window.__xss=1>';
  await openUnlocked(page, '/backup', ROOT_PASSWORD);
  const form = backupForm(page);
  await form.directory.fill(path);
  await form.anyReviewButton.click();
  const dag = await applyAndFinish(page, simControl);
  await dag.showLogs.last().click();
  await expect(page.getByText(`file://${path}`).first()).toBeVisible();
  await expect(page.locator('svg[onload]')).toHaveCount(0);
  await expectNoInjection(page);
});

test("obshell's error message quoting a task id with markup is shown as text", async ({ page }) => {
  await openUnlocked(page, `/tasks/${encodeURIComponent(MARKUP)}`, ROOT_PASSWORD);
  // obshell refuses the id and quotes it back in its message.
  await expect(page.getByText(`Invalid ID: ${MARKUP}`)).toBeVisible();
  await expectNoInjection(page);
});
