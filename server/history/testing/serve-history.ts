import Fastify from 'fastify';
import path from 'node:path';
import { Writable } from 'node:stream';
import { registerHistoryRoutes, type HistoryRoutesOptions } from '../history-routes.ts';
import { openHistoryStore } from '../history-store.ts';
import { tempDir } from './temp-dir.ts';

export interface CallInit {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Default headers to leave out (lower-case names). */
  omit?: string[];
}

/**
 * The history API on a real socket (127.0.0.1, port 0), set up like server/app.ts does
 * (trustProxy on, base path), with everything Fastify logs captured.
 */
export async function serveHistory(options: Partial<Omit<HistoryRoutesOptions, 'store'>> = {}) {
  const temp = tempDir();
  const file = path.join(temp.dir, 'history.db');
  const store = openHistoryStore(file, { retentionDays: 365 });
  const logs: string[] = [];
  const app = Fastify({
    trustProxy: true,
    logger: {
      level: 'trace',
      stream: new Writable({
        write(chunk: Buffer, _encoding, done) {
          logs.push(chunk.toString('utf8'));
          done();
        },
      }),
    },
  });
  await registerHistoryRoutes(app, {
    store,
    basePath: '/ops/backup/',
    trustedProxies: [],
    clusterIds: ['prod', 'test'],
    ...options,
  });
  const origin = await app.listen({ port: 0, host: '127.0.0.1' });
  const api = `${origin}/ops/backup/history`;
  const close = async () => {
    await app.close();
    store.close();
    temp.cleanup();
  };
  /** A request as the dashboard's own page sends it. */
  const call = (route: string, init: CallInit = {}) =>
    fetch(`${api}/${route}`, {
      method: init.method ?? 'GET',
      headers: Object.fromEntries(
        Object.entries({
          'x-obdash-request': '1',
          'sec-fetch-site': 'same-origin',
          origin,
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...init.headers,
        }).filter(([name]) => !init.omit?.includes(name)),
      ),
      ...(init.body === undefined
        ? {}
        : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
    });
  return { api, origin, file, store, logs, call, close };
}
