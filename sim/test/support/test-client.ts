import {
  constants,
  createCipheriv,
  createPublicKey,
  publicEncrypt,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { callSimControl } from '../../control-client';

/**
 * A deliberately independent obshell client for the simulator's contract tests: written from the
 * contract (§2), sharing no code with the simulator or with the app's src/lib client. Node allows
 * RSA PKCS#1 v1.5 *encryption*; only decryption is restricted.
 */
export interface Envelope {
  successful: boolean;
  timestamp: string;
  duration: number;
  status: number;
  traceId: string;
  data?: unknown;
  error?: { code?: number; errCode?: string; message: string; subErrors: unknown[] };
}

export interface Reply<T = unknown> {
  status: number;
  envelope: Envelope;
  data: T;
}

export interface CallOptions {
  body?: unknown;
  /** Raw body text sent instead of encrypting `body`. */
  rawBody?: string;
  /** Text encrypted as the body as is (not JSON-encoded first). */
  bodyText?: string;
  password?: string;
  agentPassword?: string;
  /** Overrides for the signed header JSON (e.g. uri, ts as number, extra keys). */
  header?: Record<string, unknown>;
  /** Replace the X-OCS-Header value entirely (garbage tests). */
  rawHeader?: string;
  noHeader?: boolean;
  /** Send only X-OCS-Agent-Header (with `agentPassword`). */
  agentOnly?: boolean;
  /** Field overrides for X-OCS-Header only (e.g. other `keys` than the agent header's). */
  rootHeader?: Record<string, unknown>;
  aesKeyBytes?: number;
  tsOffsetSeconds?: number;
  lang?: string;
  headers?: Record<string, string>;
}

export function pkcs1PublicKey(base64: string): KeyObject {
  return createPublicKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'pkcs1' });
}

export function encryptHeaderJson(key: KeyObject, json: string, chunkBytes = 53): string {
  const plain = Buffer.from(json, 'utf8');
  const blocks: Buffer[] = [];
  for (let i = 0; i < plain.length; i += chunkBytes) {
    blocks.push(
      publicEncrypt(
        { key, padding: constants.RSA_PKCS1_PADDING },
        plain.subarray(i, i + chunkBytes),
      ),
    );
  }
  return Buffer.concat(blocks).toString('base64');
}

export function aesEncrypt(json: string, key: Buffer, iv: Buffer): string {
  const algorithm = key.length === 32 ? 'aes-256-cbc' : 'aes-128-cbc';
  const cipher = createCipheriv(algorithm, key, iv);
  return Buffer.concat([cipher.update(json, 'utf8'), cipher.final()]).toString('base64');
}

export class TestClient {
  private key: KeyObject | undefined;

  constructor(
    readonly baseUrl: string,
    private readonly password: string,
    private readonly agentPassword?: string,
  ) {}

  async publicKeyBase64(): Promise<string> {
    const reply = await this.plain<{ public_key: string }>('GET', '/api/v1/secret');
    return reply.data.public_key;
  }

  async refreshKey(): Promise<KeyObject> {
    this.key = pkcs1PublicKey(await this.publicKeyBase64());
    return this.key;
  }

  async plain<T = unknown>(method: string, uri: string, init: RequestInit = {}): Promise<Reply<T>> {
    const response = await fetch(this.baseUrl + uri, { method, ...init });
    const envelope = (await response.json()) as Envelope;
    return { status: response.status, envelope, data: envelope.data as T };
  }

  async call<T = unknown>(
    method: string,
    uri: string,
    options: CallOptions = {},
  ): Promise<Reply<T>> {
    const key = this.key ?? (await this.refreshKey());
    const aesKey = randomBytes(options.aesKeyBytes ?? 16);
    const iv = randomBytes(16);
    const ts = String(Math.floor(Date.now() / 1000) + (options.tsOffsetSeconds ?? 60));
    const fields = (auth: string) => ({
      auth,
      ts,
      uri,
      keys: Buffer.concat([aesKey, iv]).toString('base64'),
      ...options.header,
    });
    const headers: Record<string, string> = {
      'Accept-Language': options.lang ?? 'en-US',
      ...options.headers,
    };
    if (!options.noHeader && !options.agentOnly) {
      headers['X-OCS-Header'] =
        options.rawHeader ??
        encryptHeaderJson(
          key,
          JSON.stringify({ ...fields(options.password ?? this.password), ...options.rootHeader }),
        );
    }
    const agentPassword = options.agentPassword ?? this.agentPassword;
    if (agentPassword !== undefined) {
      headers['X-OCS-Agent-Header'] = encryptHeaderJson(key, JSON.stringify(fields(agentPassword)));
    }
    let body: string | undefined = options.rawBody;
    if (body === undefined && options.bodyText !== undefined) {
      body = aesEncrypt(options.bodyText, aesKey, iv);
    }
    if (body === undefined && options.body !== undefined) {
      body = aesEncrypt(JSON.stringify(options.body), aesKey, iv);
    }
    return this.plain<T>(method, uri, { headers, body });
  }
}

/** Calls the loopback control API; throws on a non-2xx answer. */
export const control = callSimControl;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
