import { test, expect } from './fixtures';
import { startBackupConfigDag } from './support/obshell-node-client';
import { readPageRecord, type RecordingWindow } from './support/page-records';
import { openUnlocked } from './support/unlock';

test('when the DAG ends while the page is in the background, a desktop notification says how', async ({
  page,
  simControl,
  stack,
}) => {
  await page.addInitScript(() => {
    // Record notifications instead of showing them; report permission as granted and the page
    // as not focused (another window in front: the tab is visible, so polling goes on).
    const shown: { title: string; body?: string }[] = [];
    (window as RecordingWindow).__notifications = shown;
    // eslint-disable-next-line @typescript-eslint/no-extraneous-class -- stands in for the Notification constructor, which the page calls with `new`
    class RecordingNotification {
      static permission = 'granted';
      static requestPermission = () => Promise.resolve('granted');
      constructor(title: string, options?: { body?: string }) {
        shown.push({ title, body: options?.body });
      }
    }
    Object.defineProperty(window, 'Notification', { value: RecordingNotification });
    document.hasFocus = () => false;
  });
  // Manual clock: the DAG ends when the test says so, after the page is watching it.
  await simControl.manualClock();
  await openUnlocked(page, '/tasks');
  const dag = await startBackupConfigDag(stack.sim.url);
  await page.getByLabel('Task id').fill(dag.id);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByText('A desktop notification will be shown')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: dag.name })).toBeVisible();
  await simControl.runUntil({ dag_id: dag.id, state: 'SUCCEED' });
  await expect(page.getByTestId('dag-freshness')).toContainText('Final state');
  await expect
    .poll(() => readPageRecord(page, '__notifications'))
    .toEqual([
      {
        title: 'Succeeded · Set obcluster backup config',
        body: 'Set obcluster backup config: Succeeded',
      },
    ]);
});

test('no notification for a DAG that had already ended when opened', async ({
  page,
  simControl,
}) => {
  await page.addInitScript(() => {
    const shown: { title: string }[] = [];
    (window as RecordingWindow).__notifications = shown;
    // eslint-disable-next-line @typescript-eslint/no-extraneous-class -- stands in for the Notification constructor, which the page calls with `new`
    class RecordingNotification {
      static permission = 'granted';
      constructor(title: string) {
        shown.push({ title });
      }
    }
    Object.defineProperty(window, 'Notification', { value: RecordingNotification });
    document.hasFocus = () => false;
  });
  const dag = await simControl.call<{ id: string }>('POST', 'dag', { nodes: 2, state: 'SUCCEED' });
  await openUnlocked(page, `/tasks/${dag.id}`);
  await expect(page.getByTestId('dag-freshness')).toContainText('Final state');
  await expect(page).toHaveTitle(/^Succeeded · Synthetic DAG/);
  // The outcome stays in the title when the language changes (the shell retitles on that too).
  await page.getByRole('radiogroup', { name: 'Language' }).getByText('中文').click();
  await expect(page).toHaveTitle(/^成功 · Synthetic DAG/);
  expect(await readPageRecord(page, '__notifications')).toEqual([]);
});
