import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildServer } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { fakeDist, startUpstream, testConfig } from './testing/helpers.ts';

/** The change history as the production server wires it: config, routes, proxy, restart, start-up. */

const dist = fakeDist();
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

const freshDb = () => path.join(mkdtempSync(path.join(tmpdir(), 'obdash-wiring-')), 'history.db');

async function serve(env: Record<string, string>, upstreamUrl = 'http://127.0.0.1:9') {
  const app = await buildServer(testConfig({ BASE_PATH: '/ops/backup/', ...env }, dist), {
    clusters: [{ id: 'prod', name: 'Prod', url: upstreamUrl }],
    logger: false,
  });
  const origin = await app.listen({ port: 0, host: '127.0.0.1' });
  cleanups.push(() => app.close());
  return { app, origin, api: `${origin}/ops/backup/history` };
}

const sameOrigin = (origin: string) => ({
  'x-obdash-request': '1',
  'sec-fetch-site': 'same-origin',
  origin,
});

function record(api: string, origin: string, headers: Record<string, string> = {}, dagId = '11') {
  return fetch(`${api}/entries`, {
    method: 'POST',
    headers: { ...sameOrigin(origin), 'content-type': 'application/json', ...headers },
    body: JSON.stringify({
      clusterId: 'prod',
      scope: 'cluster',
      dagId,
      changes: [{ field: 'log_archive_concurrency', old: 1, new: 4 }],
    }),
  });
}

describe('history settings in the configuration table', () => {
  it('defaults: data/history.db under the working directory, 365 days, no user header', () => {
    const config = loadConfig({});
    expect(config.historyDb).toBe(path.resolve('data/history.db'));
    expect(config.historyRetentionDays).toBe(365);
    expect(config.trustedUserHeader).toBeUndefined();
  });

  it('names each mistake, and wants TRUSTED_PROXIES with TRUSTED_USER_HEADER', () => {
    const message = (() => {
      try {
        loadConfig({ HISTORY_RETENTION_DAYS: '0', TRUSTED_USER_HEADER: 'X-Forwarded-User' });
        return '';
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as Error).message;
      }
    })();
    expect(message).toMatch(/HISTORY_RETENTION_DAYS: must be at least 1 day/);
    expect(message).toMatch(/TRUSTED_USER_HEADER: set TRUSTED_PROXIES too/);
    expect(() => loadConfig({ TRUSTED_USER_HEADER: 'X User' })).toThrow(/HTTP header name/);
  });
});

describe('history routes under the base path', () => {
  it('trusted header honoured only from a trusted proxy', async () => {
    const trusted = await serve({
      HISTORY_DB: freshDb(),
      TRUSTED_USER_HEADER: 'X-Portal-User',
      TRUSTED_PROXIES: '127.0.0.1',
    });
    const ok = await record(trusted.api, trusted.origin, { 'x-portal-user': 'alice' });
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ data: { entry: { user: 'alice' } } });

    const untrusted = await serve({
      HISTORY_DB: freshDb(),
      TRUSTED_USER_HEADER: 'X-Portal-User',
      TRUSTED_PROXIES: '10.9.9.9',
    });
    const spoofed = await record(untrusted.api, untrusted.origin, {
      'x-portal-user': 'mallory',
      'x-forwarded-for': '10.9.9.9',
    });
    expect(await spoofed.json()).toMatchObject({ data: { entry: { user: 'unknown' } } });
  });

  it('refuses a cross-site request and unknown clusters with an envelope', async () => {
    const { api, origin } = await serve({ HISTORY_DB: freshDb() });
    const cross = await record(api, origin, { 'sec-fetch-site': 'cross-site' });
    expect(cross.status).toBe(403);
    expect(await cross.json()).toMatchObject({ error: { errCode: 'History.CrossSite' } });
    const bad = await fetch(`${api}/entries`, {
      method: 'POST',
      headers: { ...sameOrigin(origin), 'content-type': 'application/json' },
      body: JSON.stringify({ clusterId: 'elsewhere', scope: 'cluster', dagId: '1', changes: [] }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { errCode: 'History.BadRequest' } });
  });

  it('restart keeps entries', async () => {
    const file = freshDb();
    const first = await serve({ HISTORY_DB: file });
    expect((await record(first.api, first.origin)).status).toBe(201);
    await first.app.close();
    const second = await serve({ HISTORY_DB: file });
    const list = await fetch(`${second.api}/entries`, { headers: sameOrigin(second.origin) });
    expect(await list.json()).toMatchObject({ data: { total: 1, items: [{ dagId: '11' }] } });
  });

  it('the user header stops at the server: obshell never sees it', async () => {
    const upstream = await startUpstream();
    cleanups.push(upstream.close);
    const { origin } = await serve(
      {
        HISTORY_DB: freshDb(),
        TRUSTED_USER_HEADER: 'X-Portal-User',
        TRUSTED_PROXIES: '127.0.0.1',
      },
      upstream.url,
    );
    await fetch(`${origin}/ops/backup/api/v1/info`, { headers: { 'X-Portal-User': 'alice' } });
    expect(upstream.seen).toHaveLength(1);
    expect(upstream.seen[0]?.headers['x-portal-user']).toBeUndefined();
  });
});

describe('start-up', () => {
  it('exits with code 2 and names the file when the history database cannot be opened', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'obdash-badhistory-'));
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>(
      (resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
          // A directory where the file should be: SQLite cannot open it.
          env: {
            ...process.env,
            HISTORY_DB: dir,
            DIST_DIR: dist,
            OBSHELL_URL: 'http://127.0.0.1:9',
            PORT: '0',
            HOST: '127.0.0.1',
          },
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        let text = '';
        child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        child.on('exit', (exitCode) => resolve({ code: exitCode, stderr: text }));
      },
    );
    expect(code).toBe(2);
    expect(stderr).toContain(`Cannot open the change-history database ${dir}`);
    expect(readFileSync('.gitignore', 'utf8')).toMatch(/^data\/$/m);
  }, 30_000);
});
