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
 * obshell auth v2 (contract §2): X-OCS-Header (root@sys password) or X-OCS-Agent-Header (agent
 * password) carries RSA-encrypted JSON {auth, ts, uri, keys}; the body is AES-128-CBC under `keys`.
 * Order: header decryption (every route) → body decryption → header present → uri → ts → password.
 */
export interface AuthHeader {
  auth: string;
  ts: string;
  uri: string;
  keys: string;
}

export interface AuthSettings {
  rootPassword: string | null;
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

export type HeaderKind = 'root' | 'agent';

export interface DecodedAuth {
  kind: HeaderKind;
  header: AuthHeader;
}

/**
 * obshell's global HeaderDecrypt (every route, also unauthenticated ones): X-OCS-Agent-Header
 * when present — X-OCS-Header is then ignored, not even decrypted — else X-OCS-Header.
 */
export function decodeAuthHeaders(
  req: IncomingMessage,
  key: AgentKeyPair,
): DecodedAuth | undefined {
  const agentRaw = headerValue(req, 'X-OCS-Agent-Header');
  if (agentRaw) return { kind: 'agent', header: readAuthHeader(key, agentRaw) };
  const rootRaw = headerValue(req, 'X-OCS-Header');
  if (rootRaw) return { kind: 'root', header: readAuthHeader(key, rootRaw) };
  return undefined;
}

/** secure.VerifyAuth: ts (unless auth is ""), expired when now > ts in whole seconds; then password. */
function verifyAuth(header: AuthHeader, nowMs: number, password: string, wrong: () => SimError) {
  if (header.auth !== '') {
    if (!/^[+-]?\d+$/.test(header.ts)) throw errors.timestampInvalid(header.ts);
    if (Math.floor(nowMs / 1000) > Number(header.ts)) throw errors.expired();
  }
  if (header.auth !== password) throw wrong();
}

/**
 * Verify + VerifyObRouters on a cluster agent (contract §2.6–2.7): header present → uri → the
 * password of the header's kind. `rootPassword: null` = obshell has no root password yet.
 */
export function verifyRequest(
  req: IncomingMessage,
  decoded: DecodedAuth | undefined,
  settings: AuthSettings,
): void {
  if (!decoded) throw errors.headerNotFound();
  const { header, kind } = decoded;
  if (header.uri !== (req.url ?? '')) throw errors.uriMismatch();
  const { rootPassword, agentPassword, nowMs } = settings;
  if (kind === 'root') {
    if (rootPassword === null && agentPassword !== null) throw errors.withAgentPassword();
    verifyAuth(header, nowMs, rootPassword ?? '', errors.incorrectRootPassword);
    return;
  }
  if (rootPassword !== null && agentPassword === null) throw errors.withOceanBasePassword();
  if (agentPassword === null) return;
  verifyAuth(header, nowMs, agentPassword, errors.incorrectAgentPassword);
}

/** BodyDecrypt: an empty body is bound as `{}`; otherwise AES-128-CBC under the header's keys. */
export function decryptRequestBody(body: Buffer, decoded: DecodedAuth | undefined): string {
  const text = body.toString('latin1');
  if (text.trim() === '') return '';
  const keysText = decoded?.header.keys ?? '';
  if (keysText === '') throw errors.bodyDecryptFailed('no AES key in the auth header');
  let keys: Buffer;
  try {
    keys = decodeStdBase64(keysText);
  } catch {
    throw errors.decryptFailed('keys is not base64');
  }
  // obshell takes everything before the last 16 bytes as the AES-128 key: 32 bytes → panic → 500.
  if (keys.length !== 32) throw errors.aesKeyPanic(Math.max(0, keys.length - 16));
  try {
    return decryptBody(text, keys.subarray(0, 16), keys.subarray(16)).toString('utf8');
  } catch (cause) {
    throw errors.bodyDecryptFailed(cause instanceof Error ? cause.message : 'decrypt failed');
  }
}

export { SimError };
