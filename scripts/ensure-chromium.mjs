// Playwright cannot download its own browser here; the e2e suite drives Debian's Chromium.
// This makes sure it is present (installing it with apt when we are root), or says how to get it.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const browser = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (existsSync(browser)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (process.env.CHROMIUM_PATH || !isRoot) {
  console.error(
    `Chromium not found at ${browser}. Install it with: sudo apt-get install -y chromium ` +
      '(or set CHROMIUM_PATH to a Chromium/Chrome binary).',
  );
  process.exit(1);
}

console.log('Chromium is missing: installing Debian package "chromium" with apt-get…');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
try {
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk'], {
    stdio: 'inherit',
    env,
  });
} catch {
  console.error(
    'apt-get could not install chromium. Install it by hand: apt-get install -y chromium',
  );
  process.exit(1);
}
if (!existsSync(browser)) {
  console.error(`apt-get finished but ${browser} is still missing.`);
  process.exit(1);
}
