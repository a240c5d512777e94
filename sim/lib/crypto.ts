import {
  constants,
  createDecipheriv,
  createPublicKey,
  generateKeyPairSync,
  privateDecrypt,
  type KeyObject,
} from 'node:crypto';

/**
 * The agent side of obshell's "hybrid encryption". Node 20 refuses `privateDecrypt` with
 * RSA_PKCS1_PADDING (CVE-2023-46809, the Marvin attack), so blocks are decrypted raw
 * (RSA_NO_PADDING) and the PKCS#1 v1.5 type-2 padding is checked here. A simulator on loopback
 * does not need constant-time unpadding; it does need to reject every malformed block.
 */
export interface AgentKeyPair {
  bits: number;
  privateKey: KeyObject;
  /** base64 of the PKCS#1 DER RSAPublicKey, exactly what `GET /api/v1/secret` serves. */
  publicKeyBase64: string;
}

export function generateAgentKey(bits: number): AgentKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  const der = publicKey.export({ type: 'pkcs1', format: 'der' });
  return { bits, privateKey, publicKeyBase64: der.toString('base64') };
}

export function publicKeyPem(pair: AgentKeyPair): string {
  return createPublicKey(pair.privateKey).export({ type: 'pkcs1', format: 'pem' }).toString();
}

export class DecryptError extends Error {}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Strict standard base64 (Go's StdEncoding): no whitespace, no URL alphabet, proper padding. */
export function decodeStdBase64(text: string): Buffer {
  if (text.length % 4 !== 0 || !BASE64.test(text)) throw new DecryptError('illegal base64 data');
  return Buffer.from(text, 'base64');
}

/** Removes PKCS#1 v1.5 encryption padding: 00 02 PS(≥ 8 non-zero bytes) 00 M. */
export function unpadPkcs1Type2(block: Buffer): Buffer {
  if (block.length < 11 || block[0] !== 0x00 || block[1] !== 0x02) {
    throw new DecryptError('crypto/rsa: decryption error');
  }
  const separator = block.indexOf(0x00, 2);
  if (separator < 0 || separator < 10) throw new DecryptError('crypto/rsa: decryption error');
  return block.subarray(separator + 1);
}

/** Decrypts X-OCS-Header: base64 of concatenated keyBytes-sized RSA PKCS#1 v1.5 blocks. */
export function decryptHeader(pair: AgentKeyPair, headerBase64: string): Buffer {
  const cipher = decodeStdBase64(headerBase64.trim());
  const blockBytes = pair.bits / 8;
  if (cipher.length === 0 || cipher.length % blockBytes !== 0) {
    throw new DecryptError('crypto/rsa: decryption error');
  }
  const parts: Buffer[] = [];
  for (let offset = 0; offset < cipher.length; offset += blockBytes) {
    let raw: Buffer;
    try {
      raw = privateDecrypt(
        { key: pair.privateKey, padding: constants.RSA_NO_PADDING },
        cipher.subarray(offset, offset + blockBytes),
      );
    } catch {
      // e.g. a block numerically larger than the modulus
      throw new DecryptError('crypto/rsa: decryption error');
    }
    parts.push(unpadPkcs1Type2(raw));
  }
  return Buffer.concat(parts);
}

/** AES-CBC with PKCS#7 padding; the caller has already insisted on a 16-byte key. */
export function decryptBody(bodyBase64: string, key: Buffer, iv: Buffer): Buffer {
  const cipher = decodeStdBase64(bodyBase64.trim());
  if (cipher.length === 0 || cipher.length % 16 !== 0) {
    throw new DecryptError('ciphertext is not a multiple of the block size');
  }
  try {
    const decipher = createDecipheriv('aes-128-cbc', key, iv);
    return Buffer.concat([decipher.update(cipher), decipher.final()]);
  } catch {
    throw new DecryptError('invalid padding');
  }
}
