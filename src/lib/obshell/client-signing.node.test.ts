import { createDecipheriv } from 'node:crypto';
import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createObshellClient } from './client';

// What the client signs, read back with the agent's private key (the simulator's tests check that
// obshell accepts it; these check what is inside): `keys` only with a body, and as few RSA blocks
// as the key allows.

const pair = forge.pki.rsa.generateKeyPair({ bits: 1024, e: 0x10001 });
const publicKeyBase64 = forge.util.encode64(
  forge.asn1.toDer(forge.pki.publicKeyToRSAPublicKey(pair.publicKey) as forge.asn1.Asn1).getBytes(),
);

interface Sent {
  uri: string;
  header: string;
  body: string | undefined;
}

function stubAgent() {
  const sent: Sent[] = [];
  const envelope = (data: unknown) =>
    new Response(
      JSON.stringify({ successful: true, status: 200, timestamp: new Date().toISOString(), data }),
      {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      },
    );
  const client = createObshellClient({
    apiBase: 'http://agent.test',
    getCredentials: () => ({ rootPassword: 'root-pw' }),
    getLocale: () => 'en',
    fetchImpl: (input, init) => {
      const uri = (input as string).slice('http://agent.test'.length);
      if (uri === '/api/v1/secret') {
        return Promise.resolve(
          envelope({ ip: '127.0.0.1', port: 2886, public_key: publicKeyBase64 }),
        );
      }
      const headers = (init?.headers ?? {}) as Record<string, string>;
      const body = typeof init?.body === 'string' ? init.body : undefined;
      sent.push({ uri, header: headers['X-OCS-Header'] ?? '', body });
      return Promise.resolve(envelope({ ok: true }));
    },
  });
  return { client, sent };
}

function openHeader(header: string) {
  const cipher = Buffer.from(header, 'base64');
  const blocks: Buffer[] = [];
  for (let offset = 0; offset < cipher.length; offset += 128) {
    const block = cipher.subarray(offset, offset + 128).toString('binary');
    blocks.push(Buffer.from(pair.privateKey.decrypt(block, 'RSAES-PKCS1-V1_5'), 'binary'));
  }
  return {
    fields: JSON.parse(Buffer.concat(blocks).toString('utf8')) as Record<string, string>,
    blocks: blocks.length,
  };
}

const okSchema = z.object({ ok: z.boolean() });

describe('what the client signs', () => {
  it('leaves `keys` out of a read, which has no body for them to decrypt', async () => {
    const { client, sent } = stubAgent();
    const path = '/api/v1/tenant/tenant_0123/parameters';
    await client.request({ method: 'GET', path, query: { filter: '%a%' }, schema: okSchema });
    const { fields, blocks } = openHeader(sent[0]?.header ?? '');
    expect(Object.keys(fields).sort()).toEqual(['auth', 'ts', 'uri']);
    expect(fields).toMatchObject({ auth: 'root-pw', uri: `${path}?filter=%25a%25` });
    // ≈ 90 bytes of JSON: one 117-byte chunk of a 1024-bit key (two with 53-byte chunks).
    expect(blocks).toBe(1);
    expect(sent[0]?.body).toBeUndefined();
  });

  it('sends `keys` with a body, and the body decrypts under them', async () => {
    const { client, sent } = stubAgent();
    const change = { log_archive_concurrency: 4 };
    await client.request({
      method: 'PATCH',
      path: '/api/v1/obcluster/backup/config',
      body: change,
      schema: okSchema,
    });
    const { fields, blocks } = openHeader(sent[0]?.header ?? '');
    const keys = Buffer.from(fields.keys ?? '', 'base64');
    expect(keys.length).toBe(32);
    // ≈ 145 bytes of JSON: two 117-byte chunks (three with 53-byte chunks).
    expect(blocks).toBe(2);
    const decipher = createDecipheriv('aes-128-cbc', keys.subarray(0, 16), keys.subarray(16));
    const plain = Buffer.concat([
      decipher.update(Buffer.from(sent[0]?.body ?? '', 'base64')),
      decipher.final(),
    ]);
    expect(JSON.parse(plain.toString('utf8'))).toEqual(change);
  });
});
