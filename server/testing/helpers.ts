import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { buildServer } from '../app.ts';
import { loadConfig, type ClusterTarget, type ServerConfig } from '../config.ts';
import { afterEach } from 'vitest';

/** A minimal built app: what `vite build` emits, reduced to what the server cares about. */
export function fakeDist(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'obdash-dist-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><html><head><meta charset="UTF-8" /><title>t</title>' +
      '<script type="module" crossorigin src="./assets/app-abc.js"></script></head>' +
      '<body><div id="root"></div></body></html>',
  );
  writeFileSync(path.join(dir, 'assets', 'app-abc.js'), 'console.log("app");');
  writeFileSync(
    path.join(dir, 'assets', 'app-abc.js.map'),
    '{"version":3,"sources":["secret.ts"]}',
  );
  writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dir;
}

export function testConfig(env: Record<string, string>, distDir: string): ServerConfig {
  // Each server its own history file, never data/history.db of the working copy.
  const historyDb = path.join(mkdtempSync(path.join(tmpdir(), 'obdash-history-')), 'history.db');
  return loadConfig(
    { DIST_DIR: distDir, LOG_LEVEL: 'silent', HISTORY_DB: historyDb, ...env },
    () => {
      throw new Error('no files in this test');
    },
  );
}

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A stand-in upstream that records what reached it and answers as `handler` says. */
export async function startUpstream(
  handler: (request: SeenRequest, response: ServerResponse) => void = (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ successful: true, status: 200, data: { ok: true } }));
  },
) {
  const seen: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      seen.push(request);
      handler(request, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An upstream handler that answers 200 with the JSON `body` after `ms` (a slow obshell). */
export function answerAfter(ms: number, body: string) {
  return (_request: SeenRequest, response: ServerResponse) => {
    setTimeout(() => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(body);
    }, ms);
  };
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Writes `text` on a raw socket and collects everything until the server closes it (or `waitMs`
 * passes: then `closed` is false). For what fetch hides: HTTP/1.0, oversized headers, hop-by-hop.
 */
export function rawExchange(url: string, text: string, waitMs = 5_000) {
  const { hostname, port } = new URL(url);
  return new Promise<{ received: string; closed: boolean }>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(Number(port), hostname, () => socket.write(text));
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ received: Buffer.concat(chunks).toString('utf8'), closed: false });
    }, waitMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ received: Buffer.concat(chunks).toString('utf8'), closed: true });
    });
  });
}

/** The production server on a loopback port; `logs` collects what it logs (as JSON lines). */
export async function startServer(
  env: Record<string, string>,
  clusters: ClusterTarget[],
  options: { logs?: string[]; dist?: string } = {},
) {
  const { logs } = options;
  const app = await buildServer(testConfig(env, options.dist ?? fakeDist()), {
    clusters,
    ...(logs
      ? {
          logger: {
            level: 'info',
            stream: new Writable({
              write(chunk: Buffer, _encoding, done) {
                logs.push(chunk.toString('utf8'));
                done();
              },
            }),
          },
        }
      : {}),
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, app, close: () => app.close() };
}

/**
 * What a test starts (servers, fake obshells), closed after it, last started first. Call once at
 * the top of a test file; pass each close function to what it returns.
 */
export function closedAfterEach() {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()?.();
  });
  return (close: () => Promise<unknown>) => {
    cleanups.push(close);
  };
}

/** startServer (resolving with its URL) and startUpstream for a test file, closed after each test. */
export function testServers() {
  const closeLater = closedAfterEach();
  return {
    closeLater,
    serve: async (
      env: Record<string, string>,
      clusters: ClusterTarget[],
      options: { logs?: string[] } = {},
    ) => {
      const server = await startServer(env, clusters, options);
      closeLater(server.close);
      return server.url;
    },
    upstream: async (...args: Parameters<typeof startUpstream>) => {
      const started = await startUpstream(...args);
      closeLater(started.close);
      return started;
    },
  };
}
