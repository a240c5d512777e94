import { createDecipheriv } from 'node:crypto';
import fc from 'fast-check';
import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import {
  encodeKeys,
  encryptBody,
  encryptHeader,
  headerChunkBytes,
  importAgentPublicKey,
  randomBytes,
} from './hybrid-crypto';

// What obshell does on its side, written independently of the code under test: split the
// ciphertext into key-sized blocks, RSA-decrypt each (PKCS#1 v1.5), concatenate the bytes.
function decryptHeader(privateKey: forge.pki.rsa.PrivateKey, bits: number, header: string) {
  const cipher = Buffer.from(header, 'base64');
  const blockBytes = bits / 8;
  expect(cipher.length % blockBytes).toBe(0);
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < cipher.length; offset += blockBytes) {
    const block = cipher.subarray(offset, offset + blockBytes).toString('binary');
    const plain = Buffer.from(privateKey.decrypt(block, 'RSAES-PKCS1-V1_5'), 'binary');
    expect(plain.length).toBeLessThanOrEqual(blockBytes - 11);
    chunks.push(plain);
  }
  return { text: Buffer.concat(chunks).toString('utf8'), blocks: chunks.length };
}

function pkcs1PublicKeyBase64(publicKey: forge.pki.rsa.PublicKey): string {
  const der = forge.asn1
    .toDer(forge.pki.publicKeyToRSAPublicKey(publicKey) as forge.asn1.Asn1)
    .getBytes();
  return forge.util.encode64(der);
}

function makeKeyPair(bits: number) {
  return forge.pki.rsa.generateKeyPair({ bits, e: 0x10001 });
}

describe('hybrid encryption (auth v2)', () => {
  const pair1024 = makeKeyPair(1024);
  const pair512 = makeKeyPair(512);

  it.each([
    ['1024', pair1024, 1024],
    ['512', pair512, 512],
  ] as const)(
    'encrypts the auth header in PKCS#1 v1.5 chunks of keyBytes − 11 (%s-bit key)',
    async (_, pair, bits) => {
      const key = await importAgentPublicKey(pkcs1PublicKeyBase64(pair.publicKey));
      expect(key.bits).toBe(bits);
      const fields = {
        auth: 'pässwörd-密码-"quoted"',
        ts: '1900000000',
        uri: '/api/v1/tenant/app_tenant/parameters?filter=%25',
        keys: await encodeKeys(randomBytes(16), randomBytes(16)),
      };
      const header = encryptHeader(key, fields);
      const { text, blocks } = decryptHeader(pair.privateKey, bits, header);
      const json = JSON.stringify(fields);
      // obshell's own sectionalEncrypt chunks the same way: 117 bytes (1024-bit), 53 (512-bit).
      expect(headerChunkBytes(bits)).toBe(bits === 1024 ? 117 : 53);
      expect(blocks).toBe(Math.ceil(Buffer.byteLength(json) / headerChunkBytes(bits)));
      expect(JSON.parse(text)).toEqual(fields);
      // ts is a string: obshell fails to decode a number.
      expect(text).toContain('"ts":"1900000000"');
    },
  );

  it('splits multi-byte UTF-8 across chunks without corrupting it', async () => {
    const key = await importAgentPublicKey(pkcs1PublicKeyBase64(pair512.publicKey));
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (auth) => {
        const fields = { auth, ts: '1', uri: '/api/v1/obcluster/info', keys: 'k' };
        const { text } = decryptHeader(pair512.privateKey, 512, encryptHeader(key, fields));
        expect(JSON.parse(text)).toEqual(fields);
      }),
      { numRuns: 40 },
    );
  });

  it('accepts an SPKI public key as well as PKCS#1', async () => {
    const spki = forge.util.encode64(
      forge.asn1.toDer(forge.pki.publicKeyToAsn1(pair512.publicKey)).getBytes(),
    );
    const key = await importAgentPublicKey(spki);
    const { text } = decryptHeader(
      pair512.privateKey,
      512,
      encryptHeader(key, { auth: '', ts: '1', uri: '/', keys: '' }),
    );
    expect(JSON.parse(text)).toMatchObject({ auth: '' });
  });

  it('encrypts the body with AES-128-CBC / PKCS#7 under the key and IV sent in `keys`', async () => {
    await fc.assert(
      fc.asyncProperty(fc.json(), async (json) => {
        const aesKey = randomBytes(16);
        const iv = randomBytes(16);
        const keys = Buffer.from(await encodeKeys(aesKey, iv), 'base64');
        expect(keys.length).toBe(32);
        expect(keys.subarray(0, 16)).toEqual(Buffer.from(aesKey));
        expect(keys.subarray(16)).toEqual(Buffer.from(iv));
        const cipherText = Buffer.from(await encryptBody(json, aesKey, iv), 'base64');
        expect(cipherText.length % 16).toBe(0);
        const decipher = createDecipheriv('aes-128-cbc', keys.subarray(0, 16), keys.subarray(16));
        const plain = Buffer.concat([decipher.update(cipherText), decipher.final()]);
        expect(plain.toString('utf8')).toBe(json);
      }),
      { numRuns: 50 },
    );
  });

  it('uses fresh random key material every time', () => {
    const a = Buffer.from(randomBytes(16)).toString('hex');
    const b = Buffer.from(randomBytes(16)).toString('hex');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[0-9a-f]{32}$/);
  });

  it('refuses a public key that is not base64 DER', async () => {
    await expect(importAgentPublicKey('bm90IGEga2V5')).rejects.toThrow();
  });
});
