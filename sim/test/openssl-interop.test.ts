import { execFileSync } from 'node:child_process';
import { constants, publicEncrypt, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type SimulatorHandle } from '../start';
import { control, pkcs1PublicKey, TestClient } from './support/test-client';

/** Interop with a non-JavaScript implementation of the same crypto: the openssl CLI. */
const PASSWORD = 'interop-pw';
let sim: SimulatorHandle;
let client: TestClient;
let dir: string;

function openssl(...args: string[]): Buffer {
  return execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] });
}

beforeAll(async () => {
  sim = await startSimulator({ port: 0, rootPassword: PASSWORD, timeScale: 100 });
  client = new TestClient(sim.url, PASSWORD);
  dir = mkdtempSync(path.join(tmpdir(), 'obshell-sim-openssl-'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await sim.close();
});

async function publicKeyFiles(): Promise<{ der: string; pem: string }> {
  const der = path.join(dir, 'agent-pub.der');
  const pem = path.join(dir, 'agent-pub.pem');
  writeFileSync(der, Buffer.from(await client.publicKeyBase64(), 'base64'));
  openssl('rsa', '-pubin', '-RSAPublicKey_in', '-inform', 'DER', '-in', der, '-out', pem);
  return { der, pem };
}

/** openssl's view of a DER PKCS#1 RSAPublicKey file (`-text` or `-modulus`). */
function readPkcs1PublicKey(der: string, what: '-text' | '-modulus'): string {
  return openssl(
    'rsa',
    '-pubin',
    '-RSAPublicKey_in',
    '-inform',
    'DER',
    '-in',
    der,
    '-noout',
    what,
  ).toString();
}

describe('openssl interop', () => {
  it('the served key is a PKCS#1 RSAPublicKey openssl reads, with the private key’s modulus', async () => {
    const { der } = await publicKeyFiles();
    const text = readPkcs1PublicKey(der, '-text');
    expect(text).toMatch(/Public-Key: \(1024 bit\)/);
    const publicModulus = readPkcs1PublicKey(der, '-modulus');
    const privatePem = path.join(dir, 'agent-priv.pem');
    writeFileSync(privatePem, sim.debug.privateKeyPem());
    const privateModulus = openssl('rsa', '-in', privatePem, '-noout', '-modulus').toString();
    expect(publicModulus.trim()).toBe(privateModulus.trim());
    expect(publicModulus).toMatch(/^Modulus=[0-9A-F]{256}\s*$/);
  });

  it('a header and body encrypted by openssl are accepted and decrypted by the simulator', async () => {
    const { pem } = await publicKeyFiles();
    const uri = '/api/v1/obcluster/backup/config';
    const aesKey = randomBytes(16);
    const iv = randomBytes(16);
    const header = JSON.stringify({
      auth: PASSWORD,
      ts: String(Math.floor(Date.now() / 1000) + 60),
      uri,
      keys: Buffer.concat([aesKey, iv]).toString('base64'),
    });
    const blocks: Buffer[] = [];
    const plain = Buffer.from(header);
    for (let i = 0, n = 0; i < plain.length; i += 53, n++) {
      const chunk = path.join(dir, `chunk-${n}`);
      writeFileSync(chunk, plain.subarray(i, i + 53));
      blocks.push(
        openssl(
          'pkeyutl',
          '-encrypt',
          '-pubin',
          '-inkey',
          pem,
          '-pkeyopt',
          'rsa_padding_mode:pkcs1',
          '-in',
          chunk,
        ),
      );
    }
    expect(blocks.length).toBeGreaterThan(2);
    for (const block of blocks) expect(block.length).toBe(128);
    const bodyFile = path.join(dir, 'body.json');
    const body = {
      ha_low_thread_score: 42,
      delete_policy: { policy: 'default', recovery_window: '3d' },
    };
    writeFileSync(bodyFile, JSON.stringify(body));
    const cipher = openssl(
      'enc',
      '-aes-128-cbc',
      '-K',
      aesKey.toString('hex'),
      '-iv',
      iv.toString('hex'),
      '-in',
      bodyFile,
    );
    const response = await fetch(sim.url + uri, {
      method: 'PATCH',
      headers: { 'X-OCS-Header': Buffer.concat(blocks).toString('base64') },
      body: cipher.toString('base64'),
    });
    const envelope = (await response.json()) as { status: number; data: { name: string } };
    expect(response.status).toBe(200);
    expect(envelope.data.name).toBe('Set obcluster backup config');
    const [logged] = await control<{ body: unknown }[]>(
      sim.url,
      'GET',
      `requests?path=${uri}&limit=1`,
    );
    expect(logged?.body).toEqual(body);
  });

  it('a header encrypted under the served key decrypts under openssl with the agent key', async () => {
    const key = pkcs1PublicKey(await client.publicKeyBase64());
    const secret = Buffer.from('{"auth":"x","ts":"1","uri":"/u","keys":""}');
    const block = publicEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, secret);
    const blockFile = path.join(dir, 'block.bin');
    writeFileSync(blockFile, block);
    const privatePem = path.join(dir, 'agent-priv-2.pem');
    writeFileSync(privatePem, sim.debug.privateKeyPem());
    const out = openssl(
      'pkeyutl',
      '-decrypt',
      '-inkey',
      privatePem,
      '-pkeyopt',
      'rsa_padding_mode:pkcs1',
      '-in',
      blockFile,
    );
    expect(out.equals(secret)).toBe(true);
  });

  it('after rotate-key openssl sees a different modulus', async () => {
    const before = readFileSync((await publicKeyFiles()).der);
    await control(sim.url, 'POST', 'rotate-key', {});
    const after = readFileSync((await publicKeyFiles()).der);
    expect(after.equals(before)).toBe(false);
  });
});
