import type * as core from 'zod/v4/core';
import { z } from '../zod-mini';
import { ObshellError, envelopeSchema, unwrapEnvelope } from './envelope';
import {
  encodeKeys,
  encryptBody,
  encryptHeader,
  importAgentPublicKey,
  randomBytes,
  type AgentPublicKey,
} from './hybrid-crypto';
import { classifyUnauthorized, redactSecrets } from './auth-errors';
import { isChunkLoadError, preloadableChunk } from '../chunk-load';
import { createLimiter } from './limiter';
import { answerOf, batchAnswerReading, transportError } from './answer';
import { READ_BATCH_MAX } from './read-batch-limits';
import { CSRF_HEADER } from '../csrf-header';
import type { createReadBatcher } from './read-batcher';

/**
 * What a request is signed with. Only the root@sys password: obshell checks `X-OCS-Header` against
 * it on a cluster agent whether or not an agent password is set, and a request carrying
 * `X-OCS-Agent-Header` would be checked against the agent password instead (contract §2.6).
 */
export interface Credentials {
  /** root@sys password; "" is a valid (empty) password. */
  rootPassword: string;
}

export type Locale = 'en' | 'zh';
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface ObshellClientOptions {
  /** Prefix put before obshell's own path when fetching ("" in dev, "/base/clusters/x" behind the server). */
  apiBase: string;
  getCredentials: () => Credentials | null;
  /**
   * When there are no credentials: wait for them (re-authentication in progress) instead of
   * failing at once. Resolves null when there is nothing to wait for.
   */
  waitForCredentials?: (signal?: AbortSignal) => Promise<Credentials | null>;
  getLocale: () => Locale;
  fetchImpl?: typeof fetch;
  /** Per-request timeout; a slow agent becomes a `timeout` ObshellError instead of a hang. */
  timeoutMs?: number;
  now?: () => number;
  /** Requests to this obshell in flight at once (default 4); the rest wait their turn. */
  maxInFlight?: number;
  /**
   * The dashboard server's read-batch route for this obshell (read-batch-wire.ts). Reads marked
   * `batch` that wait for a turn then travel together; without it, or when the page turns out to be
   * served without that route, each goes alone.
   */
  readBatchUrl?: string;
}

export type QueryValue = string | number | boolean | undefined;

/** `schema` may be a `zod` or a `zod/mini` schema. */
export interface RequestOptions<T extends core.$ZodType> {
  method: HttpMethod;
  /** obshell's path, e.g. "/api/v1/obcluster/backup/config" — this is what gets signed. */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Unauthenticated reads (`/api/v1/info`, `/api/v1/secret`) pass false. */
  auth?: boolean;
  /**
   * Sign with these instead of the stored ones: the unlock screen checks a password this way
   * before it is kept.
   */
  credentials?: Credentials;
  schema: T;
  signal?: AbortSignal | undefined;
  /** A signed GET that may travel in a read batch with others (the per-tenant reads). */
  batch?: boolean;
}

const secretSchema = z.looseObject({
  ip: z.optional(z.string()),
  port: z.optional(z.number()),
  public_key: z.string().check(z.minLength(1)),
});

/**
 * How long a signed request stays valid, counted on the agent's clock. obshell's SDKs use 60 s and
 * its own UI 1800 s; the agent has no upper bound. Two minutes covers a slow proxy without making a
 * captured header useful for long.
 */
const AUTH_LIFETIME_SECONDS = 120;
const DEFAULT_TIMEOUT_MS = 30_000;
/** Issue 13: one obshell never has more than 4 of our requests in flight (many-tenant reads). */
const MAX_IN_FLIGHT = 4;
/** A re-measured skew this far from the old one means our `ts` was wrong, so a retry can help. */
const SKEW_CHANGE_MS = 5_000;

/**
 * The request target exactly as the browser will send it (and obshell will see it), because the
 * signed `uri` must equal it byte for byte: the URL parser percent-encodes what fetch would.
 */
export function buildUri(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined) params.set(name, String(value));
  }
  const qs = params.toString();
  const url = new URL(qs ? `${path}?${qs}` : path, 'http://obshell.invalid');
  return `${url.pathname}${url.search}`;
}

/** What a request adds to fetch's options: plain headers (spread into the defaults) and a body. */
interface SendInit {
  headers?: Record<string, string>;
  body?: string;
}

interface AgentKeyState {
  key: AgentPublicKey;
  publicKey: string;
  /** agent clock − browser clock, measured when this key was fetched. */
  skewMs: number;
}

/**
 * Which credentials a refused request was signed with, kept beside the error rather than on it (an
 * error may be logged or shown; this never is). Lets the app tell "obshell refused the password we
 * hold now" from a late answer to a request signed before the user re-authenticated.
 */
const signedWith = new WeakMap<object, Credentials>();

export function credentialsUsedFor(error: unknown): Credentials | undefined {
  return typeof error === 'object' && error !== null ? signedWith.get(error) : undefined;
}

/** Read batching (read-batching.ts), fetched once, with the first batched read of any client. */
const readBatchingChunk = preloadableChunk(() => import('./read-batching'));

export type ObshellClient = ReturnType<typeof createObshellClient>;

export function createObshellClient(options: ObshellClientOptions) {
  const fetchImpl = options.fetchImpl ?? globalThis.fetch.bind(globalThis);
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let agentKey: Promise<AgentKeyState> | undefined;
  let skewMs = 0;
  const slots = options.maxInFlight ?? MAX_IN_FLIGHT;
  const limiter = createLimiter(slots);

  /**
   * `init` may be a function: a signed request is signed once it has its turn, not when it is
   * queued. 400 reads queued at once were otherwise all signed (~0.3 ms each on the main thread)
   * before the first one left, and each `ts` would start counting while still waiting.
   */
  function send(
    method: HttpMethod,
    uri: string,
    init: SendInit | (() => Promise<SendInit>),
    signal?: AbortSignal,
  ) {
    return limiter.run(
      async () => sendNow(method, uri, typeof init === 'function' ? await init() : init, signal),
      signal,
    );
  }

  const acceptLanguage = () => ({
    'Accept-Language': options.getLocale() === 'zh' ? 'zh-CN' : 'en-US',
  });

  async function sendNow(method: HttpMethod, uri: string, init: SendInit, signal?: AbortSignal) {
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let status: number;
    let text: string;
    try {
      const response = await fetchImpl(`${options.apiBase}${uri}`, {
        ...init,
        method,
        // obshell's answers can carry access_key=… in clear: never in the browser's HTTP cache.
        cache: 'no-store',
        signal: combined,
        headers: { ...acceptLanguage(), ...init.headers },
      });
      status = response.status;
      text = await response.text();
    } catch (cause) {
      if (signal?.aborted) throw cause;
      throw transportError(timeout.aborted, timeoutMs);
    }
    return answerOf(status, text);
  }

  let batcher: ReturnType<typeof createReadBatcher> | undefined;

  /**
   * The read batcher, made once the read-batching chunk is in: that chunk loads with the first
   * batched read (after unlocking), not with the connection screen. A chunk that does not load
   * only means the reads go alone; the next batched read tries it again.
   */
  async function readBatcher() {
    const url = options.readBatchUrl;
    if (url === undefined) return undefined;
    if (batcher) return batcher;
    const chunk = await readBatchingChunk.load().catch(() => undefined);
    batcher ??= chunk?.createReadBatching({
      url,
      limiter,
      slots,
      maxReads: READ_BATCH_MAX,
      timeoutMs,
      reading: batchAnswerReading,
      fetchImpl,
      headers: () => ({ ...acceptLanguage(), [CSRF_HEADER]: '1' }),
      sendOne: (uri, init, signal) => sendNow('GET', uri, init, signal),
    });
    return batcher;
  }

  async function fetchAgentKey(): Promise<AgentKeyState> {
    const sentAt = now();
    const { status, json } = await send('GET', '/api/v1/secret', {});
    const receivedAt = now();
    const secret = unwrapEnvelope(status, json, secretSchema);
    // The agent compares `ts` with its own clock, so measure that clock: the envelope's timestamp
    // was taken between our send and receive; the midpoint is the best guess of "now" over there.
    const stamp = envelopeSchema.safeParse(json).data?.timestamp;
    const agentTime = stamp ? Date.parse(stamp) : NaN;
    const measured = Number.isFinite(agentTime) ? agentTime - (sentAt + receivedAt) / 2 : 0;
    let key: AgentPublicKey;
    try {
      key = await importAgentPublicKey(secret.public_key);
    } catch (error) {
      // The crypto code itself did not load: the dashboard's fault, not obshell's key.
      if (isChunkLoadError(error)) throw error;
      throw new ObshellError({
        kind: 'bad-response',
        status,
        message: 'obshell sent a public key that cannot be read',
      });
    }
    skewMs = measured;
    return { key, publicKey: secret.public_key.trim(), skewMs: measured };
  }

  function currentKey(): Promise<AgentKeyState> {
    agentKey ??= fetchAgentKey().catch((error: unknown) => {
      agentKey = undefined;
      throw error;
    });
    return agentKey;
  }

  /**
   * Fetches the key again unless another request already did since `stale` was used: several
   * requests failing together after an agent restart then share one `/api/v1/secret` call.
   */
  function refreshKey(stale: Promise<AgentKeyState>): Promise<AgentKeyState> {
    if (agentKey === stale) agentKey = undefined;
    return currentKey();
  }

  async function signedInit(
    state: AgentKeyState,
    uri: string,
    body: unknown,
    credentials: Credentials,
  ): Promise<SendInit> {
    // obshell decodes `ts` only as a string; a number makes it answer 401.
    const ts = String(Math.floor((now() + state.skewMs) / 1000) + AUTH_LIFETIME_SECONDS);
    const fields = { auth: credentials.rootPassword, ts, uri };
    // Exactly one header (contract §2.6): X-OCS-Header with the root@sys password. Without a body
    // obshell never reads `keys` (§2 item 4), and leaving it out makes a read's header one RSA block
    // shorter.
    if (body === undefined) {
      return { headers: { 'X-OCS-Header': encryptHeader(state.key, fields) } };
    }
    const aesKey = randomBytes(16);
    const iv = randomBytes(16);
    const keys = await encodeKeys(aesKey, iv);
    return {
      headers: {
        'X-OCS-Header': encryptHeader(state.key, { ...fields, keys }),
        'Content-Type': 'application/json',
      },
      body: await encryptBody(JSON.stringify(body), aesKey, iv),
    };
  }

  async function authenticated<T extends core.$ZodType>(
    req: RequestOptions<T>,
    uri: string,
    credentials: Credentials,
  ): Promise<core.output<T>> {
    const attempt = async (keyState: Promise<AgentKeyState>) => {
      // The key first, outside the queue: fetching it takes a turn of its own.
      const state = await keyState;
      const sign = () => signedInit(state, uri, req.body, credentials);
      const batcher = req.batch && req.method === 'GET' ? await readBatcher() : undefined;
      const { status, json } = batcher
        ? await batcher.read(uri, sign, req.signal)
        : await send(req.method, uri, sign, req.signal);
      return unwrapEnvelope(status, json, req.schema);
    };
    const used = currentKey();
    try {
      return await attempt(used);
    } catch (error) {
      if (!(error instanceof ObshellError) || !error.isUnauthorized) throw error;
      // Like obshell's SDK: a new agent key (restart) or a clock we misjudged gets one fresh try.
      // A wrong or changed password is reported as it is: retrying it cannot help.
      const reason = classifyUnauthorized(error);
      if (reason === 'password' || reason === 'request') throw error;
      const before = await used.catch(() => undefined);
      const fresh = refreshKey(used);
      const after = await fresh;
      const changed =
        before?.publicKey !== after.publicKey ||
        Math.abs(before.skewMs - after.skewMs) > SKEW_CHANGE_MS;
      // Old obshell (integer codes only) does not say why it refused; retry only if something
      // we sign with actually changed, so a wrong password is still not sent twice.
      if (reason === 'unknown' && !changed) throw error;
      return attempt(fresh);
    }
  }

  async function request<T extends core.$ZodType>(req: RequestOptions<T>): Promise<core.output<T>> {
    const uri = buildUri(req.path, req.query);
    if (req.auth === false) {
      const init: SendInit =
        req.body === undefined
          ? {}
          : { body: JSON.stringify(req.body), headers: { 'Content-Type': 'application/json' } };
      const { status, json } = await send(req.method, uri, init, req.signal);
      return unwrapEnvelope(status, json, req.schema);
    }
    let credentials = req.credentials ?? options.getCredentials();
    if (!credentials && options.waitForCredentials) {
      credentials = await options.waitForCredentials(req.signal);
    }
    if (!credentials) {
      throw new ObshellError({
        kind: 'locked',
        status: 401,
        errCode: 'Client.Locked',
        message: 'Locked: enter the root@sys password first',
      });
    }
    try {
      return await authenticated(req, uri, credentials);
    } catch (error) {
      const redacted = redactSecrets(error, credentials);
      if (typeof redacted === 'object' && redacted !== null) signedWith.set(redacted, credentials);
      throw redacted;
    }
  }

  return {
    request,
    /** Forget the cached key, e.g. after the user switches agents. */
    resetKey: () => {
      agentKey = undefined;
    },
    /** agent clock − browser clock in ms, as last measured (0 before the first signed request). */
    get clockSkewMs() {
      return skewMs;
    },
  };
}
