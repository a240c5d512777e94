import { test, expect, ROOT_PASSWORD } from './fixtures';
import { builtChunk } from './support/prod-build';
import {
  backupForm,
  chunkFailure,
  labels,
  openUnlocked,
  shell,
  tasksPage,
  unlockScreen,
} from './support/pages';

/**
 * A piece of the dashboard's own code that cannot be fetched (redeployed while the tab was open,
 * network dropped) is explained as such, with Reload, and is never blamed on obshell. What the
 * user typed stays where the page still stands.
 */

// Chunks of the production build, found through its manifest (their names carry content hashes).
// The crypto library, loaded on the first unlock (src/lib/obshell/hybrid-crypto.ts).
const CRYPTO_CHUNK = () => builtChunk('node_modules/node-forge/lib/index.js');
// The pages behind the router, fetched after the connection screen painted (src/app/session-shell.tsx).
const PAGES_CHUNK = () => builtChunk('src/app/routed-app.tsx');
// The tasks page's own module (a lazy route).
const TASKS_CHUNK = () => builtChunk('src/features/tasks/components/tasks-page.tsx');

test('the crypto chunk fails to load: the unlock form says so, offers Reload and keeps the password', async ({
  page,
}) => {
  await page.route(CRYPTO_CHUNK(), (route) => route.abort('connectionrefused'));
  await page.goto('/backup');
  const unlock = unlockScreen(page);
  await unlock.password.fill(ROOT_PASSWORD);
  await unlock.unlockButton.click();

  const failure = chunkFailure(page);
  await expect(failure.alert).toBeVisible();
  await expect(failure.reload).toBeVisible();
  await expect(page.getByText(/public key/i)).toHaveCount(0);
  await expect(unlock.password).toHaveValue(ROOT_PASSWORD);

  // Once the code can be fetched again, Reload brings the dashboard back.
  await page.unroute(CRYPTO_CHUNK());
  await failure.reload.click();
  await expect(unlock.password).toHaveValue('');
  await unlock.unlock(ROOT_PASSWORD);
  await expect(backupForm(page).concurrency).toBeEditable();
});

test('a page chunk fails to load: the route boundary says so under the shell, in Chinese too', async ({
  page,
}) => {
  await page.addInitScript(() => localStorage.setItem('obdash.locale', 'zh'));
  await page.route(TASKS_CHUNK(), (route) => route.abort('connectionrefused'));
  await openUnlocked(page, '/backup', ROOT_PASSWORD, 'zh');
  await shell(page, 'zh').tasksLink.click();

  const failure = chunkFailure(page, 'zh');
  await expect(failure.alert).toBeVisible();
  await expect(failure.reload).toBeVisible();
  // Only the page is replaced: the shell and its navigation are still there to go elsewhere.
  await expect(shell(page, 'zh').nav).toBeVisible();
  await shell(page, 'zh').backupLink.click();
  await expect(backupForm(page, 'zh').concurrency).toBeEditable();
  await expect(page.getByText(labels.zh.chunk.title)).toHaveCount(0);

  await page.unroute(TASKS_CHUNK());
  await shell(page, 'zh').tasksLink.click();
  await chunkFailure(page, 'zh').reload.click();
  await unlockScreen(page, 'zh').unlock(ROOT_PASSWORD);
  await expect(tasksPage(page, 'zh').heading).toBeVisible();
});

test('the pages cannot be fetched after unlocking: explained under the header, Reload brings them', async ({
  page,
}) => {
  await page.route(PAGES_CHUNK(), (route) => route.abort('connectionrefused'));
  await page.goto('/backup');
  // Not unlockScreen().unlock(): that waits for the pages' navigation, which cannot load here.
  await unlockScreen(page).password.fill(ROOT_PASSWORD);
  await unlockScreen(page).unlockButton.click();

  const failure = chunkFailure(page);
  await expect(failure.alert).toBeVisible();
  await expect(page.getByText(/public key/i)).toHaveCount(0);
  // The header stays: Lock is still there, so the password can be dropped without a reload.
  await expect(shell(page).lockButton).toBeVisible();

  await page.unroute(PAGES_CHUNK());
  await failure.reload.click();
  await unlockScreen(page).unlock(ROOT_PASSWORD);
  await expect(backupForm(page).concurrency).toBeEditable();
});
