import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type SimulatorHandle } from '../start';
import { TestClient, type Envelope } from './support/test-client';

let sim: SimulatorHandle;
let client: TestClient;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, rootPassword: 'pw', timeScale: 100 });
  client = new TestClient(sim.url, 'pw');
});
afterAll(() => sim.close());

/** Sends raw bytes and returns the raw HTTP response text. */
function raw(request: string | Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(sim.port, '127.0.0.1');
    let out = '';
    socket.on('data', (chunk) => (out += chunk.toString('utf8')));
    socket.on('end', () => resolve(out));
    socket.on('close', () => resolve(out));
    socket.on('error', reject);
    socket.write(request);
  });
}

function envelopeOf(response: string): Envelope {
  return JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4)) as Envelope;
}

describe('bad input never crashes the simulator', () => {
  it('unknown route → 404 Common.NotFound envelope (en and zh)', async () => {
    const en = await client.plain('GET', '/api/v1/nowhere');
    expect(en.status).toBe(404);
    expect(en.envelope).toMatchObject({ successful: false, status: 404 });
    expect(en.envelope.error?.errCode).toBe('Common.NotFound');
    expect(en.envelope.error?.message).toMatch(/^Element not found: /);
    const zh = await client.plain('GET', '/nothing', { headers: { 'Accept-Language': 'zh-CN' } });
    expect(zh.envelope.error?.message).toMatch(/^未找到资源：/);
  });

  it('known path with the wrong method → 404', async () => {
    const reply = await client.plain('DELETE', '/api/v1/info');
    expect(reply.status).toBe(404);
    expect(reply.envelope.error?.errCode).toBe('Common.NotFound');
  });

  it('a body over 1 MiB → 413 envelope', async () => {
    const reply = await client.call('PATCH', '/api/v1/obcluster/backup/config', {
      rawBody: 'A'.repeat(1024 * 1024 + 16),
    });
    expect(reply.status).toBe(413);
    expect(reply.envelope.status).toBe(413);
    expect(reply.envelope.error?.errCode).toBe('Request.Body.ReadFailed');
  });

  it('a body just under the cap is read (and fails only as bad ciphertext)', async () => {
    const reply = await client.call('PATCH', '/api/v1/obcluster/backup/config', {
      rawBody: 'A'.repeat(1024 * 1024 - 16),
    });
    expect(reply.status).toBe(500);
    expect(reply.envelope.error?.errCode).toMatch(/^Request\.Body\.Decrypt/);
  });

  it('malformed HTTP → 400 envelope', async () => {
    const response = await raw('GARBAGE\r\n\r\n');
    expect(response).toMatch(/^HTTP\/1\.1 400/);
    expect(envelopeOf(response)).toMatchObject({ successful: false, status: 400 });
  });

  it('oversized headers → 431 envelope', async () => {
    const response = await raw(
      `GET /api/v1/info HTTP/1.1\r\nHost: x\r\nX-OCS-Header: ${'A'.repeat(100_000)}\r\n\r\n`,
    );
    expect(response).toMatch(/^HTTP\/1\.1 431/);
    expect(envelopeOf(response).status).toBe(431);
  });

  it('binary junk in X-OCS-Header → 401 envelope', async () => {
    const head = Buffer.from(
      'GET /api/v1/obcluster/info HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-OCS-Header: ',
    );
    const junk = Buffer.from([0xff, 0xfe, 0x80, 0x81, 0x41, 0x42]);
    const response = await raw(Buffer.concat([head, junk, Buffer.from('\r\n\r\n')]));
    expect(response).toMatch(/^HTTP\/1\.1 401/);
    expect(envelopeOf(response).error?.errCode).toBe(
      'Security.Authentication.Header.DecryptFailed',
    );
  });

  it('a bad percent-encoding in the path is an envelope too', async () => {
    const response = await raw(
      'GET /api/v1/tenant/%E0%A4%A/parameters HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    );
    expect(response).toMatch(/^HTTP\/1\.1 (400|401|404)/);
    expect(envelopeOf(response).successful).toBe(false);
  });

  it('never shows a stack trace and is still alive afterwards', async () => {
    const reply = await client.plain('GET', '/api/v1/info');
    expect(reply.status).toBe(200);
    expect(JSON.stringify(reply.envelope)).not.toMatch(/\.ts:\d+/);
  });
});

const lanAddress = Object.values(networkInterfaces())
  .flat()
  .find((i) => i?.family === 'IPv4' && !i.internal)?.address;

describe.skipIf(!lanAddress)('control API is loopback-only', () => {
  it('answers 404 from a non-loopback address', async () => {
    const open = await startSimulator({ port: 0, host: '0.0.0.0', timeScale: 100 });
    try {
      const remote = await fetch(`http://${String(lanAddress)}:${open.port}/__sim/state`);
      expect(remote.status).toBe(404);
      const local = await fetch(`http://127.0.0.1:${open.port}/__sim/state`);
      expect(local.status).toBe(200);
    } finally {
      await open.close();
    }
  });
});
