import type { FrameLocator, Page, Request } from '@playwright/test';
import { buildServer } from '../server/app';
import { loadConfig } from '../server/config';
import { startSimulator } from '../sim/start';
import { SimControl } from './fixtures';
import { BASE_PATH, PASSWORD_A, PASSWORD_B, expect, test } from './prod-fixtures';
import { readPageRecord, sendToApp, type RecordingWindow } from './support/page-records';
import { simRequests } from './support/sim-log';

/** The production server and build: base path, CSP, signed uri through the proxy, two clusters. */

const HA = 'HA low-priority threads (ha_low_thread_score)';

interface SimState {
  tenants: { name: string; parameters: Record<string, string>; archive_base_uri: string }[];
}

/** Collects CSP violations (reported by the page itself) and console errors. */
async function watchCsp(page: Page) {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as RecordingWindow).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(
        `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
      );
    });
  });
  return {
    errors,
    violations: () => readPageRecord(page, 'cspViolations'),
  };
}

/** On the page itself, or inside the portal's frame. */
type Surface = Page | FrameLocator;

async function unlock(page: Surface, password: string) {
  await page.getByLabel('root@sys password').fill(password);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('button', { name: 'Lock', exact: true })).toBeVisible();
}

async function pickCluster(page: Page, name: RegExp) {
  // Right after unlocking, the shell's header is replaced by the routed layout's (a lazy chunk); a
  // list opened just before that closes with it, and the user opens it again.
  await expect(async () => {
    await page.getByRole('textbox', { name: 'Cluster' }).click();
    await page.getByRole('option', { name }).click({ timeout: 3_000 });
  }).toPass();
}

async function applyHaChange(page: Surface, value: string) {
  await page.getByLabel(HA).fill(value);
  await page.getByRole('button', { name: 'Review 1 change' }).click();
  const dialog = page.getByRole('dialog', { name: 'Review the change' });
  await dialog.getByRole('button', { name: 'Apply change' }).click();
}

const haOf = (state: SimState) =>
  state.tenants.filter((t) => t.name !== 'sys').map((t) => t.parameters.ha_low_thread_score);

test('served under a base path with a strict CSP: deep links, assets and signed API calls all resolve', async ({
  page,
  prod,
  controlA,
}) => {
  const csp = await watchCsp(page);
  const requests: Request[] = [];
  page.on('request', (request) => requests.push(request));

  const response = await page.goto(`${prod.singleOrigin}${BASE_PATH}tasks`);
  const policy = response?.headers()['content-security-policy'] ?? '';
  expect(policy).toMatch(/script-src 'self';/);
  expect(policy).not.toMatch(/unsafe-eval/);
  expect(policy).toContain(`frame-ancestors 'self' ${prod.portalOrigin}`);
  expect(response?.headers()['x-content-type-options']).toBe('nosniff');
  expect(response?.headers()['referrer-policy']).toBe('no-referrer');

  await unlock(page, PASSWORD_A);
  await expect(page).toHaveURL(`${prod.singleOrigin}${BASE_PATH}tasks`);
  await page.getByRole('link', { name: 'Backup configuration' }).click();
  await expect(page).toHaveURL(`${prod.singleOrigin}${BASE_PATH}backup`);
  await expect(page.getByLabel(HA)).toBeVisible();

  // Everything the page loaded came from under the base path.
  const own = requests.map((r) => new URL(r.url())).filter((u) => u.origin === prod.singleOrigin);
  expect(own.length).toBeGreaterThan(5);
  expect(own.filter((u) => !u.pathname.startsWith(BASE_PATH)).map((u) => u.pathname)).toEqual([]);
  expect(own.some((u) => u.pathname.startsWith(`${BASE_PATH}assets/`))).toBe(true);
  expect(own.some((u) => u.pathname.startsWith(`${BASE_PATH}api/v1/`))).toBe(true);

  // The browser signed obshell's own uri; obshell checks it against what it received
  // (UriMismatch → 401). Authenticated calls through the proxy succeeded, with the prefix gone.
  const received = await simRequests(controlA, '/api/v1/');
  const authenticated = received.filter((r) => !/^\/api\/v1\/(info|secret)$/.test(r.path));
  expect(authenticated.length).toBeGreaterThan(0);
  expect(authenticated.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
  expect(received.every((r) => r.uri.startsWith('/api/v1/'))).toBe(true);
  // …including signed calls with a query string (the part a proxy most easily re-encodes): the
  // per-tenant parameter reads, which the form no longer waits for before it can be used.
  await expect
    .poll(async () =>
      (await simRequests(controlA, '/api/v1/tenant/'))
        .filter((r) => r.uri.includes('?'))
        .map((r) => r.status),
    )
    .toContain(200);

  expect(await csp.violations()).toEqual([]);
  expect(csp.errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
  await page.screenshot({ path: '/tmp/prod-base-path.png' });
});

test('two clusters: separate passwords, and a change applied to one leaves the other untouched', async ({
  page,
  prod,
  controlA,
  controlB,
}) => {
  await controlA.manualClock();
  const csp = await watchCsp(page);
  await page.goto(`${prod.origin}${BASE_PATH}`);
  await expect(page.getByRole('textbox', { name: 'Cluster' })).toHaveValue('Shanghai prod');
  await unlock(page, PASSWORD_A);

  // Hangzhou has its own password store: locked until its own (different) password is given.
  await pickCluster(page, /^Hangzhou DR\s*locked$/);
  await expect(page.getByLabel('root@sys password')).toBeVisible();
  await unlock(page, PASSWORD_B);
  await pickCluster(page, /^Shanghai prod\s*unlocked$/);
  await expect(page.getByRole('button', { name: 'Lock', exact: true })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Cluster' })).toHaveValue('Shanghai prod');

  const before = await controlB.call<SimState>('GET', 'state');
  await applyHaChange(page, '35');
  await expect(page).toHaveURL(new RegExp(`${BASE_PATH}tasks/\\d+$`));
  await expect(page.getByRole('textbox', { name: 'Cluster' })).toHaveValue('Shanghai prod');
  await controlA.runUntil({ state: 'SUCCEED' });
  expect(haOf(await controlA.call<SimState>('GET', 'state'))).toEqual(['35', '35']);

  const after = await controlB.call<SimState>('GET', 'state');
  expect(after.tenants).toEqual(before.tenants);
  expect(haOf(after)).toEqual(['0', '0']);
  const patchesA = (await simRequests(controlA, '/api/v1/obcluster/backup/config')).filter(
    (r) => r.method === 'PATCH',
  );
  expect(patchesA.map((r) => [r.uri, r.status])).toEqual([
    ['/api/v1/obcluster/backup/config', 200],
  ]);
  expect((await simRequests(controlB, '/api/v1/')).filter((r) => r.method !== 'GET')).toEqual([]);
  expect(await csp.violations()).toEqual([]);
  await page.screenshot({ path: '/tmp/prod-clusters.png' });
});

test('embedded in a portal on another origin: theme and locale from the host, events back to it', async ({
  page,
  prod,
  controlA,
}) => {
  await controlA.manualClock();
  const app = `${prod.origin}${BASE_PATH}?embed=1&theme=dark&locale=zh`;
  await page.goto(`${prod.portalOrigin}/host.html?app=${encodeURIComponent(app)}`);
  const frame = page.getByTitle('Backup dashboard').contentFrame();
  const html = frame.locator('html');
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await expect(html).toHaveAttribute('lang', 'zh-CN');
  // Embed mode: the app's own title, theme and language switches are gone; the cluster stays.
  await expect(frame.getByRole('heading', { name: 'OceanBase 备份' })).toHaveCount(0);
  await expect(frame.getByRole('textbox', { name: '集群' })).toBeVisible();

  const hostEvents = async () => (await readPageRecord(page, 'hostEvents')) ?? [];
  await expect
    .poll(hostEvents)
    .toContainEqual(expect.objectContaining({ type: 'obdash:ready', locale: 'zh', theme: 'dark' }));

  await sendToApp(
    page,
    { type: 'obdash:set-locale', locale: 'en' },
    { type: 'obdash:set-theme', theme: 'light' },
    { type: 'something-else', theme: 'dark' },
  );
  await expect(html).toHaveAttribute('lang', 'en');
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');

  await unlock(frame, PASSWORD_A);
  await expect(frame.getByRole('navigation')).toHaveCount(0);
  await page.getByTitle('Backup dashboard').screenshot({ path: '/tmp/prod-embedded-frame.png' });
  await applyHaChange(frame, '40');
  await expect
    .poll(async () => (await hostEvents()).map((e) => e.type))
    .toContain('obdash:dag-started');
  await controlA.runUntil({ state: 'SUCCEED' });
  await expect
    .poll(async () => (await hostEvents()).map((e) => e.type))
    .toContain('obdash:dag-finished');
  const events = await hostEvents();
  const started = events.find((e) => e.type === 'obdash:dag-started');
  const finished = events.find((e) => e.type === 'obdash:dag-finished');
  expect(started).toMatchObject({
    cluster: { id: 'shanghai', name: 'Shanghai prod' },
    dag: { name: 'Set obcluster backup config' },
  });
  expect(finished).toMatchObject({
    outcome: 'succeeded',
    dag: { id: (started?.dag as { id: string }).id, state: 'SUCCEED' },
  });
  await page.screenshot({ path: '/tmp/prod-embedded.png' });
});

test('a page on an origin that is not allow-listed cannot frame the app', async ({
  page,
  prod,
}) => {
  const refused = page.waitForEvent('console', (message) =>
    message.text().includes('frame-ancestors'),
  );
  const app = `${prod.origin}${BASE_PATH}?embed=1`;
  await page.goto(`${prod.strangerOrigin}/host.html?app=${encodeURIComponent(app)}`);
  expect((await refused).text()).toMatch(
    /violates the following Content Security Policy directive/,
  );
  const frame = page.getByTitle('Backup dashboard').contentFrame();
  await expect(frame.getByRole('button', { name: 'Unlock' })).toHaveCount(0);
  expect(await readPageRecord(page, 'hostEvents')).toEqual([]);
});

test('obshell stopped: the UI says so, the typed change survives and goes through once it is back', async ({
  page,
  prod,
}) => {
  let sim = await startSimulator({ port: 0, rootPassword: PASSWORD_A });
  const port = sim.port;
  const server = await buildServer(
    loadConfig({
      BASE_PATH,
      DIST_DIR: prod.distDir,
      LOG_LEVEL: 'silent',
      PROXY_TIMEOUT_MS: '3000',
    }),
    { clusters: [{ id: 'default', name: 'Lab', url: sim.url }], logger: false },
  );
  try {
    const origin = await server.listen({ port: 0, host: '127.0.0.1' });
    await page.goto(`${origin}${BASE_PATH}backup`);
    await unlock(page, PASSWORD_A);
    await page.getByLabel(HA).fill('45');
    // Every tenant read first (Review waits for them): obshell stops after the page has its values.
    const review = page.getByRole('button', { name: 'Review 1 change' });
    await expect(review).toBeEnabled();
    await sim.close();

    await review.click();
    const dialog = page.getByRole('dialog', { name: 'Review the change' });
    await dialog.getByRole('button', { name: 'Apply change' }).click();
    await expect(dialog.getByText(/Cannot reach the obshell of cluster "Lab"/)).toBeVisible();
    await expect(
      dialog.getByText('Your entries are kept. Check the connection, then apply again.'),
    ).toBeVisible();
    await expect(dialog.getByRole('table', { name: 'What will change' })).toContainText('0 → 45');
    await page.screenshot({ path: '/tmp/prod-obshell-down.png' });

    // Back on the same address (an agent restart: new key). Nothing typed was lost: apply again.
    sim = await startSimulator({ port, rootPassword: PASSWORD_A, timeScale: 0.05 });
    const control = new SimControl(sim.url);
    await dialog.getByRole('button', { name: 'Apply change' }).click();
    await expect(page).toHaveURL(new RegExp(`${BASE_PATH}tasks/\\d+$`));
    const patches = (await simRequests(control, '/api/v1/obcluster/backup/config')).filter(
      (r) => r.method === 'PATCH',
    );
    // The first try may meet the restarted agent's new key (401, re-keyed and retried once).
    expect(patches.filter((r) => r.status === 200).map((r) => r.body)).toEqual([
      { ha_low_thread_score: 45 },
    ]);
    expect(patches.filter((r) => r.status !== 200 && r.status !== 401)).toEqual([]);
  } finally {
    await server.close();
    await sim.close();
  }
});
