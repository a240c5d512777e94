import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const noFiles = (file: string): string => {
  throw Object.assign(new Error(`ENOENT ${file}`), { code: 'ENOENT' });
};
const files =
  (contents: Record<string, string>) =>
  (file: string): string => {
    const text = contents[file];
    if (text === undefined) return noFiles(file);
    return text;
  };

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('has safe defaults and no target (→ embedded simulator)', () => {
    const config = loadConfig({}, noFiles);
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      basePath: '/',
      clusters: [],
      frameAncestors: ["'self'"],
      embedOrigins: [],
      logLevel: 'info',
      proxyTimeoutMs: 30_000,
    });
  });

  it('normalises BASE_PATH and reads a single OBSHELL_URL', () => {
    const config = loadConfig(
      { BASE_PATH: '/ops/backup', OBSHELL_URL: 'http://10.0.0.5:2886', OBSHELL_NAME: 'prod' },
      noFiles,
    );
    expect(config.basePath).toBe('/ops/backup/');
    expect(config.clusters).toEqual([{ id: 'default', name: 'prod', url: 'http://10.0.0.5:2886' }]);
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT: /],
    [{ PORT: '70000' }, /PORT: /],
    [{ BASE_PATH: 'ops/backup' }, /BASE_PATH: must be a URL path/],
    [{ BASE_PATH: '/ops/<script>/' }, /BASE_PATH: must be a URL path/],
    [{ OBSHELL_URL: 'ftp://x:2886' }, /OBSHELL_URL: must be an http/],
    [{ OBSHELL_URL: 'http://x:2886/api' }, /OBSHELL_URL: must be only scheme:\/\/host:port/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL: /],
    [{ FRAME_ANCESTORS: 'https://portal.example.com/path' }, /FRAME_ANCESTORS\[0\]: /],
    [{ FRAME_ANCESTORS: "'none' https://portal.example.com" }, /'none' cannot be combined/],
    [{ EMBED_ORIGINS: '*' }, /EMBED_ORIGINS\[0\]: must be an origin/],
  ])('rejects %o with a readable message', (env, pattern) => {
    expect(errorOf(() => loadConfig(env, noFiles))).toMatch(pattern);
  });

  it('reads frame ancestors and defaults the embed origins to them', () => {
    const config = loadConfig(
      { FRAME_ANCESTORS: "'self', https://portal.example.com http://10.1.1.1:8000" },
      noFiles,
    );
    expect(config.frameAncestors).toEqual([
      "'self'",
      'https://portal.example.com',
      'http://10.1.1.1:8000',
    ]);
    expect(config.embedOrigins).toEqual(['https://portal.example.com', 'http://10.1.1.1:8000']);
  });

  it('reads a clusters file, deriving ids from names', () => {
    const config = loadConfig(
      { CLUSTERS_FILE: '/etc/obdash/clusters.json' },
      files({
        '/etc/obdash/clusters.json': JSON.stringify([
          { name: 'Prod Shanghai', url: 'http://10.0.0.1:2886', notes: 'on call: DBA team A' },
          { id: 'dr', name: 'DR', url: 'https://10.0.0.2:2886/' },
        ]),
      }),
    );
    expect(config.clusters).toEqual([
      {
        id: 'prod-shanghai',
        name: 'Prod Shanghai',
        url: 'http://10.0.0.1:2886',
        notes: 'on call: DBA team A',
      },
      { id: 'dr', name: 'DR', url: 'https://10.0.0.2:2886', notes: undefined },
    ]);
  });

  it('reads a JSON config file, with the environment winning, and a clusters file beside it', () => {
    const config = loadConfig(
      { CONFIG_FILE: '/etc/obdash/config.json', PORT: '9000' },
      files({
        '/etc/obdash/config.json': JSON.stringify({
          port: 8500,
          basePath: '/ops/backup/',
          clustersFile: 'clusters.json',
          frameAncestors: ['https://portal.example.com'],
          logLevel: 'warn',
        }),
        '/etc/obdash/clusters.json': JSON.stringify({
          clusters: [{ name: 'a', url: 'http://127.0.0.1:1' }],
        }),
      }),
    );
    expect(config).toMatchObject({
      port: 9000,
      basePath: '/ops/backup/',
      logLevel: 'warn',
      frameAncestors: ['https://portal.example.com'],
      clusters: [{ id: 'a', name: 'a', url: 'http://127.0.0.1:1' }],
    });
  });

  it.each([
    ['a missing file', {}, /Cannot read the clusters file \/c.json \(ENOENT\)/],
    ['broken JSON', { '/c.json': '[{' }, /clusters file \/c.json is not valid JSON/],
    ['an empty list', { '/c.json': '[]' }, /lists no cluster/],
    [
      'a cluster without url',
      { '/c.json': '[{"name":"a"}]' },
      /Bad configuration:\n {2}clusters \(in \/c.json\)\[0\]\.url: /,
    ],
    [
      'an unknown key (a typo)',
      { '/c.json': '[{"name":"a","url":"http://h:1","note":"x"}]' },
      /Unrecognized key: "note"/,
    ],
    [
      'two clusters with the same id',
      { '/c.json': '[{"name":"A","url":"http://h:1"},{"name":"a","url":"http://h:2"}]' },
      /clusters \(in \/c.json\)\[1\]: id "a" is also used by clusters\[0\]/,
    ],
  ])('rejects a clusters file with %s', (_what, contents, pattern) => {
    expect(errorOf(() => loadConfig({ CLUSTERS_FILE: '/c.json' }, files(contents)))).toMatch(
      pattern,
    );
  });

  it('refuses OBSHELL_URL together with a clusters list', () => {
    expect(
      errorOf(() =>
        loadConfig(
          { CLUSTERS_FILE: '/c.json', OBSHELL_URL: 'http://h:1' },
          files({ '/c.json': '[{"name":"a","url":"http://h:2"}]' }),
        ),
      ),
    ).toMatch(/use one or the other/);
  });

  it('rejects unknown keys in the config file', () => {
    expect(
      errorOf(() => loadConfig({ CONFIG_FILE: '/x.json' }, files({ '/x.json': '{"prot": 80}' }))),
    ).toMatch(/Bad configuration:\n {2}prot: unknown key in \/x.json/);
  });
});

describe('npm start with a bad configuration', () => {
  it('prints the problem and exits with code 2', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, PORT: 'eighty', BASE_PATH: 'nope' },
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Configuration error: Bad configuration:/);
    expect(result.stderr).toMatch(/PORT: /);
    expect(result.stderr).toMatch(/BASE_PATH: must be a URL path/);
  });
});
