import { z } from 'zod';
import { ObshellError, envelopeSchema, unwrapEnvelope } from './envelope';
import {
  encodeKeys,
  encryptBody,
  encryptHeader,
  importAgentPublicKey,
  randomBytes,
  type AgentPublicKey,
} from './hybrid-crypto';

export interface Credentials {
  /** root@sys password; "" is a valid (empty) password. */
  rootPassword: string;
  /** Agent password, sent in X-OCS-Agent-Header when the agent has `security: true`. */
  agentPassword?: string | undefined;
}

export type Locale = 'en' | 'zh';
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface ObshellClientOptions {
  /** Prefix put before obshell's own path when fetching ("" in dev, "/base/clusters/x" behind the server). */
  apiBase: string;
  getCredentials: () => Credentials | null;
  getLocale: () => Locale;
  fetchImpl?: typeof fetch;
  /** Per-request timeout; a slow agent becomes a `timeout` ObshellError instead of a hang. */
  timeoutMs?: number;
  now?: () => number;
}

export interface RequestOptions<T extends z.ZodType> {
  method: HttpMethod;
  /** obshell's path, e.g. "/api/v1/obcluster/backup/config" — this is what gets signed. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** Unauthenticated reads (`/api/v1/info`, `/api/v1/secret`) pass false. */
  auth?: boolean;
  schema: T;
  signal?: AbortSignal | undefined;
}

const secretSchema = z.looseObject({
  ip: z.string().optional(),
  port: z.number().optional(),
  public_key: z.string().min(1),
});

/** How long a signed request stays valid. The SDKs use 60 s; skew is compensated separately. */
const AUTH_LIFETIME_SECONDS = 120;
const DEFAULT_TIMEOUT_MS = 30_000;

export function buildUri(path: string, query: RequestOptions<z.ZodType>['query']): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined) params.set(name, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function isKeyProblem(error: ObshellError): boolean {
  return (
    error.status === 401 &&
    (/DecryptFailed/i.test(error.errCode ?? '') ||
      /decrypt/i.test(error.message) ||
      error.code === 1)
  );
}

function isExpired(error: ObshellError): boolean {
  return (
    error.status === 401 && (/Expired/i.test(error.errCode ?? '') || /expired/i.test(error.message))
  );
}

export type ObshellClient = ReturnType<typeof createObshellClient>;

export function createObshellClient(options: ObshellClientOptions) {
  const fetchImpl = options.fetchImpl ?? globalThis.fetch.bind(globalThis);
  const now = options.now ?? Date.now;
  let agentKey: Promise<AgentPublicKey> | undefined;
  /** agent clock − browser clock, measured from the envelope timestamp of /api/v1/secret. */
  let skewMs = 0;

  async function send(method: HttpMethod, uri: string, init: RequestInit, signal?: AbortSignal) {
    const timeout = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let response: Response;
    try {
      response = await fetchImpl(`${options.apiBase}${uri}`, {
        ...init,
        method,
        signal: combined,
        headers: {
          'Accept-Language': options.getLocale() === 'zh' ? 'zh-CN' : 'en-US',
          ...init.headers,
        },
      });
    } catch (cause) {
      if (signal?.aborted) throw cause;
      const timedOut = timeout.aborted;
      throw new ObshellError({
        kind: timedOut ? 'timeout' : 'network',
        status: 0,
        message: timedOut
          ? `obshell did not answer within ${Math.round((options.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000)} s`
          : 'Cannot reach obshell (network error)',
      });
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      throw new ObshellError({
        kind: 'bad-response',
        status: response.status,
        message: `Unexpected response from obshell (HTTP ${response.status}): not JSON`,
      });
    }
    return { status: response.status, json };
  }

  async function fetchAgentKey(): Promise<AgentPublicKey> {
    const sentAt = now();
    const { status, json } = await send('GET', '/api/v1/secret', {});
    const receivedAt = now();
    const secret = unwrapEnvelope(status, json, secretSchema);
    const stamp = envelopeSchema.safeParse(json).data?.timestamp;
    const agentTime = stamp ? Date.parse(stamp) : NaN;
    skewMs = Number.isFinite(agentTime) ? agentTime - (sentAt + receivedAt) / 2 : 0;
    return importAgentPublicKey(secret.public_key);
  }

  function currentKey(): Promise<AgentPublicKey> {
    agentKey ??= fetchAgentKey().catch((error: unknown) => {
      agentKey = undefined;
      throw error;
    });
    return agentKey;
  }

  async function signedInit(
    uri: string,
    body: unknown,
    credentials: Credentials,
  ): Promise<RequestInit> {
    const key = await currentKey();
    const aesKey = randomBytes(16);
    const iv = randomBytes(16);
    const keys = await encodeKeys(aesKey, iv);
    const ts = String(Math.floor((now() + skewMs) / 1000) + AUTH_LIFETIME_SECONDS);
    const headers: Record<string, string> = {
      'X-OCS-Header': await encryptHeader(key, { auth: credentials.rootPassword, ts, uri, keys }),
    };
    if (credentials.agentPassword) {
      headers['X-OCS-Agent-Header'] = await encryptHeader(key, {
        auth: credentials.agentPassword,
        ts,
        uri,
        keys,
      });
    }
    if (body === undefined) return { headers };
    headers['Content-Type'] = 'application/json';
    return { headers, body: await encryptBody(JSON.stringify(body), aesKey, iv) };
  }

  async function request<T extends z.ZodType>(req: RequestOptions<T>): Promise<z.infer<T>> {
    const uri = buildUri(req.path, req.query);
    if (req.auth === false) {
      const init: RequestInit =
        req.body === undefined
          ? {}
          : { body: JSON.stringify(req.body), headers: { 'Content-Type': 'application/json' } };
      const { status, json } = await send(req.method, uri, init, req.signal);
      return unwrapEnvelope(status, json, req.schema);
    }
    const credentials = options.getCredentials();
    if (!credentials) {
      throw new ObshellError({
        kind: 'server',
        status: 401,
        errCode: 'Client.Locked',
        message: 'Locked',
      });
    }
    const attempt = async () => {
      const { status, json } = await send(
        req.method,
        uri,
        await signedInit(uri, req.body, credentials),
        req.signal,
      );
      return unwrapEnvelope(status, json, req.schema);
    };
    try {
      return await attempt();
    } catch (error) {
      // Like obshell's SDK: a new agent key (restart) or a clock we misjudged gets one fresh try.
      // A wrong password is not retried.
      if (error instanceof ObshellError && (isKeyProblem(error) || isExpired(error))) {
        agentKey = undefined;
        return attempt();
      }
      throw error;
    }
  }

  return {
    request,
    /** Forget the cached key, e.g. after the user switches agents. */
    resetKey: () => {
      agentKey = undefined;
    },
    get clockSkewMs() {
      return skewMs;
    },
  };
}
