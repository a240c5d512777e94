import type { Page } from '@playwright/test';
import { test, expect, ROOT_PASSWORD } from './fixtures';
import { simRequests } from './support/sim-log';
import { openUnlocked } from './support/unlock';

const lockButton = (page: Page) => page.getByRole('button', { name: 'Lock', exact: true });

test('shows who the agent is before asking for a password', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Connect to obshell' })).toBeVisible();
  await expect(page.getByText(/^4\.5\.0\.0/)).toBeVisible();
  await expect(page.getByText('127.0.0.1:2886', { exact: true })).toBeVisible();
  await expect(page.getByText('CLUSTER AGENT', { exact: true })).toBeVisible();
  await expect(page.getByText('Backup changes will be refused')).toBeHidden();
  await expect(page.getByLabel('root@sys password')).toBeFocused();
});

test('warns when the agent is not a CLUSTER AGENT', async ({ page, simControl }) => {
  await simControl.reset({ identity: 'SINGLE' });
  await page.goto('/');
  await expect(page.getByText('Backup changes will be refused')).toBeVisible();
  await expect(page.getByText(/identity is "SINGLE", not "CLUSTER AGENT"/)).toBeVisible();
});

test('wrong password: a specific error, the input kept, no retry', async ({ page, simControl }) => {
  await page.goto('/');
  const password = page.getByLabel('root@sys password');
  await password.fill('not-the-password');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(
    page.getByText('obshell refused this root@sys password. Check it and try again.'),
  ).toBeVisible();
  await expect(password).toHaveValue('not-the-password');
  await expect(password).toBeFocused();
  await expect(lockButton(page)).toBeHidden();
  // Reported, not retried: obshell saw exactly one attempt.
  const attempts = await simRequests(simControl, '/api/v1/obcluster/info');
  expect(attempts.map((request) => request.status)).toEqual([401]);

  // Correcting it then works.
  await password.fill(ROOT_PASSWORD);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(lockButton(page)).toBeVisible();
});

test('right password: cluster name, version and tenants in the header', async ({ page }) => {
  await openUnlocked(page, '/');
  const cluster = page.getByRole('group', { name: 'Cluster' });
  await expect(cluster.getByText('obdemo', { exact: true })).toBeVisible();
  await expect(cluster.getByText('OceanBase 4.3.5.0')).toBeVisible();
  await expect(cluster.getByText('Tenants: sys, app_tenant, report_tenant')).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav.getByRole('link', { name: 'Backup configuration' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Tasks' })).toBeVisible();
  // The status page is the first screen after unlocking (issue 13).
  await expect(nav.getByRole('link', { name: 'Status' })).toBeVisible();
  await expect(page).toHaveURL(/\/status$/);
});

test('reload asks for the password again; nothing is stored', async ({ page }) => {
  await openUnlocked(page, '/tasks');
  await page.reload();
  await expect(page.getByLabel('root@sys password')).toBeVisible();
  await expect(lockButton(page)).toBeHidden();
  await expect(page).toHaveURL(/\/tasks$/);
  const stored = await page.evaluate(() =>
    JSON.stringify({
      ...Object.fromEntries(Object.entries(localStorage)),
      ...Object.fromEntries(Object.entries(sessionStorage)),
      cookie: document.cookie,
    }),
  );
  expect(stored).not.toContain(ROOT_PASSWORD);
  expect(page.url()).not.toContain(ROOT_PASSWORD);
});

test('Lock forgets the password and returns to the connection screen', async ({ page }) => {
  await openUnlocked(page, '/');
  await lockButton(page).click();
  await expect(page.getByLabel('root@sys password')).toHaveValue('');
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeHidden();
  await expect(page.getByText('obdemo', { exact: true })).toBeHidden();
});

test('a cluster agent with security on needs root@sys only: one line says why, one header is sent', async ({
  page,
  simControl,
}) => {
  await simControl.reset({ agentPassword: 'agent-secret' });
  await page.goto('/');
  await expect(page.getByTestId('agent-security-note')).toHaveText(
    /^security: true means this agent has its own agent password\. It is not needed here/,
  );
  await expect(page.getByLabel('Agent password')).toHaveCount(0);
  const sent: string[][] = [];
  page.on('request', (request) => {
    if (!request.url().includes('/api/v1/obcluster/info')) return;
    sent.push(Object.keys(request.headers()).filter((name) => name.startsWith('x-ocs')));
  });
  await page.getByLabel('root@sys password').fill(ROOT_PASSWORD);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(lockButton(page)).toBeVisible();
  expect(sent.length).toBeGreaterThan(0);
  for (const names of sent) expect(names).toEqual(['x-ocs-header']);
});

test('old obshell (integer error codes only): wrong password still reported as such', async ({
  page,
  simControl,
}) => {
  await simControl.reset({ errorStyle: 'legacy' });
  await page.goto('/');
  await page.getByLabel('root@sys password').fill('nope');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByText(/obshell refused (this root@sys|the) password/)).toBeVisible();
  await page.getByLabel('root@sys password').fill(ROOT_PASSWORD);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(lockButton(page)).toBeVisible();
});

test('an unreachable agent is explained, with a retry', async ({ page, simControl }) => {
  await simControl.call('POST', 'faults', { kind: 'drop', count: 10, path: '/api/v1/info' });
  await page.goto('/');
  const alert = page.getByRole('alert').filter({ hasText: 'Cannot read agent information' });
  await expect(alert).toBeVisible({ timeout: 15_000 });
  await expect(alert).toContainText('Cannot reach obshell');
  await simControl.call('POST', 'faults', { kind: 'drop', count: 0, path: '/api/v1/info' });
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByText('CLUSTER AGENT', { exact: true })).toBeVisible();
});
