import type * as Forge from 'node-forge';
import { loadChunk } from '../chunk-load';

/**
 * obshell's "hybrid encryption" (auth v2): the JSON body goes AES-128-CBC under a fresh key/IV, the
 * auth header (password, expiry, uri, key‖iv) goes RSA PKCS#1 v1.5 under the agent's public key.
 *
 * WebCrypto cannot do RSA PKCS#1 v1.5 encryption and `crypto.subtle` is absent on plain-http
 * intranet origins, so this uses node-forge, loaded on first use to keep it out of the first page.
 */

/**
 * RSA PKCS#1 v1.5 takes at most keyBytes − 11 bytes a block, and obshell decrypts the header in
 * key-sized blocks whatever their plaintext length (since v4.2.3; its own sectionalEncrypt uses
 * keyBytes − 11 too). So a 1024-bit key takes 117-byte chunks: a read's header is 1–2 blocks where
 * the SDKs' fixed 53 bytes make 3–4, and each block is an RSA operation on both sides.
 */
export function headerChunkBytes(bits: number): number {
  return Math.ceil(bits / 8) - 11;
}

export interface AuthHeaderFields {
  auth: string;
  /** Expiry, unix seconds. obshell only decodes it as a string. */
  ts: string;
  uri: string;
  /** base64(AES key ‖ IV); obshell reads it only to decrypt a body, so body-less requests omit it. */
  keys?: string;
}

export interface EncryptedRequest {
  header: string;
  body: string | undefined;
}

let forgePromise: Promise<typeof Forge> | undefined;
function loadForge(): Promise<typeof Forge> {
  // A failed load is a ChunkLoadError (our code, not obshell's key) and is not kept: a later
  // attempt, once the network is back, loads it again.
  forgePromise ??= loadChunk(() => import('node-forge')).then(
    (m) => m.default,
    (error: unknown) => {
      forgePromise = undefined;
      throw error;
    },
  );
  return forgePromise;
}

export function randomBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  return bytes;
}

function toBinaryString(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += String.fromCharCode(byte);
  return out;
}

function utf8Binary(text: string): string {
  return toBinaryString(new TextEncoder().encode(text));
}

/** A loaded agent key; parse once per key, reuse for every request. */
export interface AgentPublicKey {
  encryptBlock(binary: string): string;
  readonly bits: number;
}

/** Parses obshell's `public_key`: base64 of a PKCS#1 DER RSAPublicKey (SPKI is accepted too). */
export async function importAgentPublicKey(publicKeyBase64: string): Promise<AgentPublicKey> {
  const forge = await loadForge();
  const der = forge.util.decode64(publicKeyBase64.trim());
  const key = forge.pki.publicKeyFromAsn1(forge.asn1.fromDer(der));
  const bits = key.n.bitLength();
  return {
    bits,
    encryptBlock: pkcs1Encryptor(
      BigInt(`0x${key.n.toString(16)}`),
      BigInt(`0x${key.e.toString(16)}`),
      bits,
    ),
  };
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hexByte = (byte: number) => HEX[byte] ?? '00';

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
  }
  return result;
}

/**
 * RSAES-PKCS1-v1_5 encryption (RFC 8017 §7.2.1) with the engine's BigInt: every request signs a
 * header of 3–4 blocks, and forge's JavaScript big integers cost ~0.5 ms a block on the main
 * thread (≈ 1 s for the 600 reads of a 200-tenant status page); BigInt is ~4x faster. Only the
 * public operation: no secret exponent is involved, so timing does not matter here.
 */
function pkcs1Encryptor(n: bigint, e: bigint, bits: number) {
  const k = Math.ceil(bits / 8);
  return (binary: string): string => {
    if (binary.length > k - 11) throw new Error('message too long for the RSA key');
    // EM = 0x00 ‖ 0x02 ‖ PS (≥ 8 random non-zero bytes) ‖ 0x00 ‖ M
    let hex = '0002';
    for (let byte of randomBytes(k - binary.length - 3)) {
      while (byte === 0) byte = randomBytes(1)[0] ?? 0;
      hex += hexByte(byte);
    }
    hex += '00';
    for (let i = 0; i < binary.length; i++) hex += hexByte(binary.charCodeAt(i) & 0xff);
    const cipher = modPow(BigInt(`0x${hex}`), e, n)
      .toString(16)
      .padStart(2 * k, '0');
    let out = '';
    for (let i = 0; i < cipher.length; i += 2) {
      out += String.fromCharCode(parseInt(cipher.slice(i, i + 2), 16));
    }
    return out;
  };
}

/** Encrypts the auth header JSON in chunks as large as the key allows; concatenates the blocks. */
export function encryptHeader(key: AgentPublicKey, fields: AuthHeaderFields): string {
  const plain = utf8Binary(JSON.stringify(fields));
  const chunk = headerChunkBytes(key.bits);
  let cipher = '';
  for (let offset = 0; offset < plain.length; offset += chunk) {
    cipher += key.encryptBlock(plain.slice(offset, offset + chunk));
  }
  // The engine's own base64 (a binary string is Latin-1): no wait for forge on every request.
  return btoa(cipher);
}

/** AES-128-CBC with PKCS#7 padding, base64. The key must be 16 bytes (32 makes obshell panic). */
export async function encryptBody(
  json: string,
  aesKey: Uint8Array,
  iv: Uint8Array,
): Promise<string> {
  const forge = await loadForge();
  const cipher = forge.cipher.createCipher('AES-CBC', toBinaryString(aesKey));
  cipher.start({ iv: toBinaryString(iv) });
  cipher.update(forge.util.createBuffer(utf8Binary(json), 'raw'));
  cipher.finish();
  return forge.util.encode64(cipher.output.getBytes());
}

export async function encodeKeys(aesKey: Uint8Array, iv: Uint8Array): Promise<string> {
  const forge = await loadForge();
  return forge.util.encode64(toBinaryString(aesKey) + toBinaryString(iv));
}
