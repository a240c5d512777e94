import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configKeys, ConfigError, loadConfig } from './config.ts';

const noFiles = (file: string): string => {
  throw Object.assign(new Error(`ENOENT ${file}`), { code: 'ENOENT' });
};

function errorOf(env: Record<string, string>): string {
  try {
    loadConfig(env, noFiles);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration hardening (issue 12)', () => {
  it('item 6: BASE_PATH is refused at once, and . / .. segments are refused', () => {
    const started = performance.now();
    expect(errorOf({ BASE_PATH: `/ops/${'backup-dashboard-production-01'.repeat(6)}!` })).toMatch(
      /BASE_PATH: must be a URL path/,
    );
    // Was exponential: 74 s for the 36-character form of this value.
    expect(performance.now() - started).toBeLessThan(1_000);
    for (const bad of ['/ops/../etc/', '/ops/./x', '/..', '//x', '/a//b/']) {
      expect(errorOf({ BASE_PATH: bad }), bad).toMatch(/BASE_PATH: must be a URL path/);
    }
    expect(loadConfig({ BASE_PATH: '/ops/v1.2/~me' }, noFiles).basePath).toBe('/ops/v1.2/~me/');
  });

  it('item 6: npm start exits 2 at once on a backtracking BASE_PATH', () => {
    const started = Date.now();
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, BASE_PATH: '/ops/backup-dashboard-production-01!' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/BASE_PATH: must be a URL path/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it.each([
    ['FRAME_ANCESTORS', 'https://portal.example;sandbox'],
    ['FRAME_ANCESTORS', "https://portal.example 'unsafe-inline'"],
    ['FRAME_ANCESTORS', 'https://portal..example'],
    ['FRAME_ANCESTORS', 'https://-portal.example'],
    ['FRAME_ANCESTORS', 'https://portal.example:99999'],
    ['FRAME_ANCESTORS', 'https://user@portal.example'],
    ['EMBED_ORIGINS', 'https://portal.example;sandbox'],
    ['EMBED_ORIGINS', 'https://portal_example.com'],
  ])('item 7: %s=%s cannot inject into the CSP', (name, value) => {
    expect(errorOf({ [name]: value })).toMatch(new RegExp(`${name}\\[\\d\\]: must be`));
  });

  it('item 7: strict origins still accept what portals use', () => {
    const config = loadConfig(
      {
        FRAME_ANCESTORS: "'self' https://Portal.Example.com:8443 http://10.1.1.1 http://[::1]:8000",
      },
      noFiles,
    );
    expect(config.frameAncestors).toEqual([
      "'self'",
      'https://portal.example.com:8443',
      'http://10.1.1.1',
      'http://[::1]:8000',
    ]);
  });

  it('item 8: TRUSTED_PROXIES is parsed (addresses, CIDRs) and checked', () => {
    expect(loadConfig({}, noFiles).trustedProxies).toEqual([]);
    expect(
      loadConfig({ TRUSTED_PROXIES: '10.0.0.0/8, 192.168.1.5 ::1 fd00::/8' }, noFiles)
        .trustedProxies,
    ).toEqual(['10.0.0.0/8', '192.168.1.5', '::1', 'fd00::/8']);
    expect(errorOf({ TRUSTED_PROXIES: '10.0.0.0/33 * loopback' })).toMatch(
      /TRUSTED_PROXIES\[0\]: must be an IP address[\s\S]*TRUSTED_PROXIES\[1\]: must be[\s\S]*TRUSTED_PROXIES\[2\]: must be/,
    );
  });

  it('item 10: cluster URLs with credentials are refused, not stripped', () => {
    expect(errorOf({ OBSHELL_URL: 'http://user:pw@10.0.0.5:2886' })).toMatch(
      /OBSHELL_URL: must not contain a user name or password/,
    );
  });

  it('item 11: SERVE_SOURCE_MAPS is off by default', () => {
    expect(loadConfig({}, noFiles).serveSourceMaps).toBe(false);
    expect(loadConfig({ SERVE_SOURCE_MAPS: 'true' }, noFiles).serveSourceMaps).toBe(true);
    expect(errorOf({ SERVE_SOURCE_MAPS: 'maybe' })).toMatch(/SERVE_SOURCE_MAPS: /);
  });
});

describe('every problem at once (issue 11)', () => {
  it('lists each bad key under the name the operator used', () => {
    const message = errorOf({
      PORT: 'eighty',
      BASE_PATH: 'nope',
      LOG_LEVEL: 'loud',
      FRAME_ANCESTORS: "'none' https://portal.example.com",
    });
    expect(message.split('\n')).toEqual([
      'Bad configuration:',
      expect.stringMatching(/^ {2}PORT: /),
      expect.stringMatching(/^ {2}BASE_PATH: must be a URL path/),
      expect.stringMatching(/^ {2}LOG_LEVEL: /),
      "  FRAME_ANCESTORS: 'none' cannot be combined with other sources",
    ]);
  });

  it('names config-file keys as the file spells them', () => {
    const message = (() => {
      try {
        loadConfig({ CONFIG_FILE: '/c.json', LOG_LEVEL: 'loud' }, () =>
          JSON.stringify({ port: 'x', prot: 1 }),
        );
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    })();
    expect(message).toMatch(/ {2}prot: unknown key in \/c.json/);
    expect(message).toMatch(/ {2}port \(config file\): /);
    expect(message).toMatch(/ {2}LOG_LEVEL: /);
  });
});

describe('README configuration table', () => {
  it('lists every key of the key table, by variable and JSON key', () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const { key, env } of configKeys) {
      const row = env ? `| \`${env}\` | \`${key}\` |` : `| — | \`${key}\` |`;
      expect(readme, key).toContain(row);
    }
  });
});
