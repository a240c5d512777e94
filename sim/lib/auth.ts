import type { IncomingMessage } from 'node:http';
import {
  decodeStdBase64,
  decryptBody,
  decryptHeader,
  DecryptError,
  type AgentKeyPair,
} from './crypto';
import { errors, SimError } from './errors';

/**
 * obshell auth v2 (contract §2): X-OCS-Header (and X-OCS-Agent-Header when security is on) carry
 * RSA-encrypted JSON {auth, ts, uri, keys}; the body is AES-128-CBC under `keys`.
 * Check order: header present → decrypts → uri → ts (skipped for auth "") → password.
 */
export interface AuthHeader {
  auth: string;
  ts: string;
  uri: string;
  keys: string;
}

export interface AuthSettings {
  key: AgentKeyPair;
  rootPassword: string;
  agentPassword: string | null;
  nowMs: number;
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** Decodes and shape-checks the header JSON; any problem is a decrypt failure, as in obshell. */
export function readAuthHeader(key: AgentKeyPair, raw: string): AuthHeader {
  let plain: Buffer;
  try {
    plain = decryptHeader(key, raw);
  } catch (cause) {
    throw errors.decryptFailed(cause instanceof DecryptError ? cause.message : 'decryption error');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(plain.toString('utf8'));
  } catch {
    throw errors.decryptFailed('header is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw errors.decryptFailed('header is not a JSON object');
  }
  // Go's encoding/json matches field names case-insensitively.
  const fields = new Map<string, unknown>();
  for (const [name, value] of Object.entries(parsed)) fields.set(name.toLowerCase(), value);
  const out: Record<string, string> = {};
  for (const name of ['auth', 'ts', 'uri', 'keys']) {
    const value = fields.get(name);
    if (value === undefined || value === null) {
      out[name] = '';
      continue;
    }
    if (typeof value !== 'string') {
      throw errors.decryptFailed(
        `json: cannot unmarshal ${typeof value} into Go struct field HttpHeader.${name} of type string`,
      );
    }
    out[name] = value;
  }
  return { auth: out.auth ?? '', ts: out.ts ?? '', uri: out.uri ?? '', keys: out.keys ?? '' };
}

function checkHeader(
  header: AuthHeader,
  req: IncomingMessage,
  nowMs: number,
  password: string,
  wrong: () => SimError,
): void {
  const uri = req.url ?? '';
  if (header.uri !== uri) throw errors.uriMismatch(header.uri, uri);
  if (header.auth !== '') {
    if (!/^-?\d+$/.test(header.ts)) throw errors.timestampInvalid(header.ts);
    if (Number(header.ts) * 1000 < nowMs) throw errors.expired(header.ts);
  }
  if (header.auth !== password) throw wrong();
}

export interface Verified {
  aesKey: Buffer | undefined;
  iv: Buffer | undefined;
}

export function verifyRequest(req: IncomingMessage, settings: AuthSettings): Verified {
  const raw = headerValue(req, 'X-OCS-Header');
  if (raw === undefined || raw === '') throw errors.headerNotFound('X-OCS-Header');
  const header = readAuthHeader(settings.key, raw);
  checkHeader(header, req, settings.nowMs, settings.rootPassword, errors.incorrectRootPassword);
  if (settings.agentPassword !== null) {
    const agentRaw = headerValue(req, 'X-OCS-Agent-Header');
    if (agentRaw === undefined || agentRaw === '')
      throw errors.headerNotFound('X-OCS-Agent-Header');
    const agent = readAuthHeader(settings.key, agentRaw);
    checkHeader(agent, req, settings.nowMs, settings.agentPassword, errors.incorrectAgentPassword);
  }
  if (header.keys === '') return { aesKey: undefined, iv: undefined };
  let keys: Buffer;
  try {
    keys = decodeStdBase64(header.keys);
  } catch {
    throw errors.decryptFailed('keys is not base64');
  }
  // obshell takes everything before the last 16 bytes as the AES-128 key: 32 bytes → panic → 500.
  if (keys.length !== 32) throw errors.aesKeyPanic(Math.max(0, keys.length - 16));
  return { aesKey: keys.subarray(0, 16), iv: keys.subarray(16) };
}

export function decryptRequestBody(body: Buffer, verified: Verified): string {
  const text = body.toString('latin1');
  if (text.trim() === '') return '';
  if (!verified.aesKey || !verified.iv)
    throw errors.bodyDecryptFailed('no AES key in X-OCS-Header');
  try {
    return decryptBody(text, verified.aesKey, verified.iv).toString('utf8');
  } catch (cause) {
    throw errors.bodyDecryptFailed(cause instanceof Error ? cause.message : 'decrypt failed');
  }
}

export { SimError };
