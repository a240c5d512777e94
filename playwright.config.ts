import { defineConfig } from '@playwright/test';

/** Debian's Chromium: Playwright cannot download its own browser on these machines. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags this sandbox needs (root, no GPU, closed network: no background connections). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // A plain-http, non-localhost origin for the "crypto.subtle is missing" test (see e2e/fixtures.ts).
  '--host-resolver-rules=MAP obshell-dash.test 127.0.0.1',
];

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  // Two on every machine: the suite is sized for a 2-core CI box (about 5 minutes), and more
  // workers than cores only makes each test's page slower.
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    headless: true,
    // A failed test keeps its trace (actions, network, console), without DOM snapshots or a
    // screencast: recording those for every test made the suite about 40% slower, and the failure
    // screenshot and error context below show the page.
    trace: { mode: 'retain-on-failure', snapshots: false, screenshots: false, sources: true },
    screenshot: 'only-on-failure',
    locale: 'en-US',
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
  },
  projects: [{ name: 'chromium' }],
});
