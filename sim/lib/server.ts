import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { decodeAuthHeaders, decryptRequestBody, verifyRequest } from './auth';
import { matchRoute } from './api-routes';
import { ControlError, handleControl } from './control-routes';
import { formatTime } from './dag-model';
import {
  errorBody,
  newTraceId,
  pickLocale,
  sendJson,
  successBody,
  type ReplyContext,
} from './envelope';
import { errors, SimError } from './errors';
import type { SimulatorOptions } from './options';
import type { SimState } from './sim-state';

/** Past this much discarded body the connection is cut instead of drained. */
const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;

type BodyResult = { ok: true; body: Buffer } | { ok: false; tooLarge: true };

function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > DRAIN_LIMIT_BYTES) {
        req.socket.destroy();
        return;
      }
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () =>
      resolve(
        size > limit ? { ok: false, tooLarge: true } : { ok: true, body: Buffer.concat(chunks) },
      ),
    );
    req.on('error', reject);
  });
}

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || /^(::ffff:)?127\./.test(address);
}

const SECRET_KEYS = /pass(word)?|auth|secret|access_key/i;

/** The request log never holds passwords; access keys inside URIs are masked too. */
function scrub(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(scrub);
  if (typeof value === 'string') return value.replace(/(access_key=)[^&]*/gi, '$1******');
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, SECRET_KEYS.test(k) ? '******' : scrub(v)]),
  );
}

function parseForLog(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return scrub(JSON.parse(text));
  } catch {
    return '(not JSON)';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const latencyFor = (sim: SimState, path: string) =>
  Math.max(0, ...sim.latency.filter((l) => path.startsWith(l.path)).map((l) => l.ms));

/**
 * The latency in force when the request arrived, cut short when its rule is cleared (or the
 * simulator reset): a test can hold reads with a long latency and let them through when it
 * chooses, instead of racing a timer.
 */
async function waitLatency(sim: SimState, path: string): Promise<void> {
  const until = Date.now() + latencyFor(sim, path);
  while (Date.now() < until && latencyFor(sim, path) > 0) {
    await sleep(Math.min(20, until - Date.now()));
  }
}

export function createHandler(sim: SimState, initial: SimulatorOptions) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const ctx: ReplyContext = {
      startedAt: Date.now(),
      now: sim.now(),
      locale: pickLocale(req.headers['accept-language']),
      style: sim.options.errorStyle,
      traceId: newTraceId(),
    };
    const method = req.method ?? 'GET';
    const uri = req.url ?? '/';
    let path = uri;
    let query = new URLSearchParams();
    let logBody: unknown = null;
    let status = 200;
    const reply = (code: number, text: string) => {
      status = code;
      sendJson(res, code, text);
    };
    try {
      const url = new URL(uri, 'http://sim.invalid');
      path = url.pathname;
      query = url.searchParams;
    } catch {
      reply(400, errorBody(ctx, errors.notFound(`malformed request target`)));
      return;
    }

    if (path.startsWith('/__sim/')) {
      if (!isLoopback(req.socket.remoteAddress)) {
        reply(404, errorBody(ctx, errors.notFound(`${method} ${path}`)));
        return;
      }
      await handleControlRequest(
        sim,
        initial,
        req,
        res,
        method,
        path.slice('/__sim/'.length),
        query,
      );
      return;
    }

    const isApi = path.startsWith('/api/');
    if (isApi) sim.count(path);
    const leave = isApi ? sim.enter() : undefined;
    try {
      const fault = sim.faults.find((f) => f.remaining > 0 && path.startsWith(f.path));
      if (fault) {
        fault.remaining--;
        sim.faults = sim.faults.filter((f) => f.remaining > 0);
        if (fault.kind === 'drop') {
          status = 0;
          req.socket.destroy();
          return;
        }
        throw errors.injected500();
      }
      await waitLatency(sim, path);

      const read = await readBody(req, sim.options.bodyLimitBytes);
      if (!read.ok) {
        res.setHeader('Connection', 'close');
        throw errors.bodyTooLarge(sim.options.bodyLimitBytes);
      }
      // Header decryption runs on every route, before the 404 of an unknown one.
      const decoded = decodeAuthHeaders(req, sim.key);
      const matched = matchRoute(method, path);
      if (!matched) throw errors.notFound(`${method} ${path}`);
      let bodyText = read.body.toString('utf8');
      ctx.now = sim.now();
      if (matched.route.auth) {
        bodyText = decryptRequestBody(read.body, decoded);
        verifyRequest(req, decoded, {
          rootPassword: sim.options.rootPassword,
          agentPassword: sim.options.agentPassword,
          nowMs: sim.now(),
        });
      }
      logBody = parseForLog(bodyText);
      const data = matched.route.handle(sim, {
        method,
        path,
        query,
        params: matched.params,
        body: bodyText,
      });
      ctx.now = sim.now();
      reply(200, successBody(ctx, data));
    } catch (error) {
      const simError =
        error instanceof SimError
          ? error
          : new SimError({
              errCode: 'Common.Unexpected',
              status: 500,
              legacy: 1002,
              kind: 'unexpected',
              en: 'Unexpected error: internal simulator error',
              zh: '意外错误：模拟器内部错误',
            });
      if (!(error instanceof SimError)) console.error('[obshell-sim] unexpected error', error);
      reply(simError.status, errorBody(ctx, simError));
    } finally {
      leave?.();
      if (isApi) {
        sim.logRequest({ time: formatTime(Date.now()), method, uri, path, status, body: logBody });
        if (sim.options.logRequests)
          console.log(`[obshell-sim] ${method} ${uri} → ${status || 'dropped'}`);
      }
    }
  };
}

async function handleControlRequest(
  sim: SimState,
  initial: SimulatorOptions,
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  route: string,
  query: URLSearchParams,
): Promise<void> {
  try {
    const read = await readBody(req, 1024 * 1024);
    if (!read.ok) throw new ControlError(413, 'body too large');
    const text = read.body.toString('utf8');
    let body: unknown;
    try {
      body = text.trim() === '' ? undefined : JSON.parse(text);
    } catch {
      throw new ControlError(400, 'body is not JSON');
    }
    const result = await handleControl(sim, initial, method, route, query, body);
    sendJson(res, 200, JSON.stringify(result ?? {}));
  } catch (error) {
    const status = error instanceof ControlError ? error.status : 500;
    const message = error instanceof Error ? error.message : 'control failed';
    sendJson(res, status, JSON.stringify({ error: message }));
  }
}

/** Malformed HTTP (bad header bytes, oversized headers) still gets an obshell envelope. */
export function installClientErrorHandler(server: Server, sim: SimState): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable) return socket.destroy();
    const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
    const status = tooLarge ? 431 : 400;
    const body = errorBody(
      {
        startedAt: Date.now(),
        now: sim.now(),
        locale: 'en',
        style: sim.options.errorStyle,
        traceId: newTraceId(),
      },
      new SimError({
        errCode: 'Common.BadRequest',
        status,
        legacy: 1000,
        kind: 'bad-request',
        en: tooLarge
          ? 'Bad request: request headers too large'
          : 'Bad request: malformed HTTP request',
        zh: tooLarge ? '请求错误：请求头过大' : '请求错误：HTTP 请求格式错误',
      }),
    );
    socket.end(
      `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  });
}
