import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildServer } from './app.ts';
import { installGracefulShutdown } from './shutdown.ts';
import { answerAfter, fakeDist, startUpstream, testConfig } from './testing/helpers.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

describe('graceful shutdown', () => {
  it('lets an in-flight request finish, refuses new ones, then exits 0', async () => {
    const upstream = await startUpstream(
      answerAfter(700, '{"successful":true,"status":200,"data":{"dag":"started"}}'),
    );
    cleanups.push(upstream.close);
    const config = testConfig({}, fakeDist());
    const app = await buildServer(config, {
      clusters: [{ id: 'default', name: 'a', url: upstream.url }],
      logger: false,
    });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const exit = vi.fn();
    const after = vi.fn(() => Promise.resolve());
    const handle = installGracefulShutdown(app, {
      timeoutMs: 5_000,
      exit,
      after,
      signals: ['SIGUSR2'],
    });
    cleanups.push(handle.dispose);

    const inFlight = fetch(`${url}/api/v1/obcluster/backup/config`, { method: 'PATCH', body: 'x' });
    // Wait until the request reached obshell, then signal: the PATCH must still get its answer.
    await vi.waitFor(() => expect(upstream.seen).toHaveLength(1));
    process.emit('SIGUSR2', 'SIGUSR2');
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ data: { dag: 'started' } });
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(0));
    expect(after).toHaveBeenCalledTimes(1);
  });

  it('forces exit 1 when in-flight requests outlast the timeout', async () => {
    const upstream = await startUpstream(() => {
      // Never answers.
    });
    cleanups.push(upstream.close);
    const config = testConfig({ PROXY_TIMEOUT_MS: '60000' }, fakeDist());
    const app = await buildServer(config, {
      clusters: [{ id: 'default', name: 'a', url: upstream.url }],
      logger: false,
    });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const exit = vi.fn();
    const handle = installGracefulShutdown(app, { timeoutMs: 300, exit, signals: ['SIGUSR2'] });
    cleanups.push(handle.dispose);
    const stuck = fetch(`${url}/api/v1/info`).catch(() => 'aborted');
    await vi.waitFor(() => expect(upstream.seen).toHaveLength(1));
    void handle.shutdown('SIGUSR2');
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(1));
    await upstream.close();
    await stuck;
  });
});
