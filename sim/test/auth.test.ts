import { constants, createPublicKey, publicEncrypt, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type SimulatorHandle } from '../start';
import { control, encryptHeaderJson, TestClient } from './support/test-client';

const PASSWORD = 'Root#pw1';
let sim: SimulatorHandle;
let client: TestClient;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, rootPassword: PASSWORD, timeScale: 0.01 });
  client = new TestClient(sim.url, PASSWORD);
});
afterAll(() => sim.close());
beforeEach(async () => {
  await control(sim.url, 'POST', 'reset', { rootPassword: PASSWORD });
  await client.refreshKey();
});

const INFO = '/api/v1/obcluster/info';

describe('GET /api/v1/secret', () => {
  it('serves a base64 PKCS#1 DER RSAPublicKey of 1024 bits', async () => {
    const reply = await client.plain<{ ip: string; port: number; public_key: string }>(
      'GET',
      '/api/v1/secret',
    );
    expect(reply.status).toBe(200);
    expect(reply.data).toMatchObject({ ip: '127.0.0.1', port: 2886 });
    const der = Buffer.from(reply.data.public_key, 'base64');
    const key = createPublicKey({ key: der, format: 'der', type: 'pkcs1' });
    expect(key.asymmetricKeyDetails?.modulusLength).toBe(1024);
    // Not SPKI: an SPKI parse of the same bytes must fail.
    expect(() => createPublicKey({ key: der, format: 'der', type: 'spki' })).toThrow();
  });

  it('serves a 512-bit key for keyBits 512, and header blocks are 64 bytes', async () => {
    await control(sim.url, 'POST', 'reset', { rootPassword: PASSWORD, keyBits: 512 });
    const key = await client.refreshKey();
    expect(key.asymmetricKeyDetails?.modulusLength).toBe(512);
    expect((await client.call('GET', INFO)).status).toBe(200);
  });
});

describe('authenticated requests', () => {
  it('accepts a correctly signed request', async () => {
    const reply = await client.call<{ cluster_name: string; cluster_id: number }>('GET', INFO);
    expect(reply.status).toBe(200);
    expect(reply.envelope.successful).toBe(true);
    expect(reply.data).toMatchObject({ cluster_name: 'obdemo', cluster_id: 1700000001 });
    expect(reply.envelope.traceId).toMatch(/^[0-9a-f]{16}$/);
    expect(reply.envelope.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/);
  });

  it('missing X-OCS-Header → 400 Request.Header.NotFound', async () => {
    const reply = await client.call('GET', INFO, { noHeader: true });
    expect(reply.status).toBe(400);
    expect(reply.envelope.status).toBe(400);
    expect(reply.envelope.successful).toBe(false);
    expect(reply.envelope.error?.errCode).toBe('Request.Header.NotFound');
  });

  it.each([
    ['not base64', '%%%not-base64%%%'],
    ['truncated base64', 'QUJD'],
    ['wrong length', Buffer.alloc(100, 7).toString('base64')],
    ['url-safe alphabet', '-_-_'.repeat(43)],
  ])('garbage header (%s) → 401 DecryptFailed', async (_name, raw) => {
    const reply = await client.call('GET', INFO, { rawHeader: raw });
    expect(reply.status).toBe(401);
    expect(reply.envelope.error).toMatchObject({
      errCode: 'Security.Authentication.Header.DecryptFailed',
      code: 1,
    });
    // rev 2: not wrapped in "Unauthorized: "
    expect(reply.envelope.error?.message).toMatch(/^Decrypt http header failed: /);
  });

  it('header decryption runs on every route: an unauthenticated one and an unknown one → 401', async () => {
    for (const path of ['/api/v1/info', '/api/v1/nope']) {
      const reply = await client.plain(path === '/api/v1/info' ? 'GET' : 'GET', path, {
        headers: { 'X-OCS-Header': 'QUJD' },
      });
      expect(reply.status, path).toBe(401);
      expect(reply.envelope.error?.errCode).toBe('Security.Authentication.Header.DecryptFailed');
    }
  });

  it('a block without PKCS#1 v1.5 padding → 401 DecryptFailed', async () => {
    const key = createPublicKey({
      key: Buffer.from(await client.publicKeyBase64(), 'base64'),
      format: 'der',
      type: 'pkcs1',
    });
    // A raw (unpadded) RSA block of a plausible plaintext: decrypts to bytes without 00 02.
    const block = Buffer.concat([Buffer.from([0x00, 0x01]), randomBytes(126)]);
    const raw = publicEncrypt({ key, padding: constants.RSA_NO_PADDING }, block).toString('base64');
    const reply = await client.call('GET', INFO, { rawHeader: raw });
    expect(reply.status).toBe(401);
    expect(reply.envelope.error?.errCode).toBe('Security.Authentication.Header.DecryptFailed');
  });

  it('OAEP instead of PKCS#1 v1.5 → 401', async () => {
    const key = createPublicKey({
      key: Buffer.from(await client.publicKeyBase64(), 'base64'),
      format: 'der',
      type: 'pkcs1',
    });
    const raw = publicEncrypt(
      { key, padding: constants.RSA_PKCS1_OAEP_PADDING },
      Buffer.from('{"auth":""}'),
    ).toString('base64');
    expect((await client.call('GET', INFO, { rawHeader: raw })).status).toBe(401);
  });

  it('header that decrypts to non-JSON → 401 DecryptFailed', async () => {
    const key = await client.refreshKey();
    const reply = await client.call('GET', INFO, { rawHeader: encryptHeaderJson(key, 'hello') });
    expect(reply.status).toBe(401);
    expect(reply.envelope.error?.errCode).toBe('Security.Authentication.Header.DecryptFailed');
  });

  it('ts as a JSON number fails to decode → 401', async () => {
    const reply = await client.call('GET', INFO, {
      header: { ts: Math.floor(Date.now() / 1000) + 60 },
    });
    expect(reply.status).toBe(401);
    expect(reply.envelope.error?.errCode).toBe('Security.Authentication.Header.DecryptFailed');
  });

  it('header field names are case-insensitive', async () => {
    const key = await client.refreshKey();
    const json = JSON.stringify({
      AUTH: PASSWORD,
      Ts: String(Math.floor(Date.now() / 1000) + 60),
      URI: INFO,
      Keys: randomBytes(32).toString('base64'),
    });
    const reply = await client.call('GET', INFO, { rawHeader: encryptHeaderJson(key, json) });
    expect(reply.status).toBe(200);
  });

  it('accepts 117-byte chunks too (keyBytes − 11 for 1024-bit keys)', async () => {
    const key = await client.refreshKey();
    const json = JSON.stringify({
      auth: PASSWORD,
      ts: String(Math.floor(Date.now() / 1000) + 60),
      uri: INFO,
      keys: randomBytes(32).toString('base64'),
    });
    const reply = await client.call('GET', INFO, { rawHeader: encryptHeaderJson(key, json, 117) });
    expect(reply.status).toBe(200);
  });

  it('uri mismatch → 401 UriMismatch (query is part of the uri)', async () => {
    const path = '/api/v1/tenant/app_tenant/parameters?filter=%25';
    expect((await client.call('GET', path)).status).toBe(200);
    const reply = await client.call('GET', path, {
      header: { uri: '/api/v1/tenant/app_tenant/parameters' },
    });
    expect(reply.status).toBe(401);
    expect(reply.envelope.error?.errCode).toBe('Security.Authentication.Header.UriMismatch');
  });

  it('expired ts → 401 Expired; ts exactly now is still valid', async () => {
    const expired = await client.call('GET', INFO, { tsOffsetSeconds: -2 });
    expect(expired.status).toBe(401);
    expect(expired.envelope.error?.errCode).toBe('Security.Authentication.Expired');
    const later = await client.call('GET', INFO, { tsOffsetSeconds: 2 });
    expect(later.status).toBe(200);
  });

  it('no upper bound on ts', async () => {
    expect((await client.call('GET', INFO, { tsOffsetSeconds: 10 * 365 * 86400 })).status).toBe(
      200,
    );
  });

  it('wrong password → 401 IncorrectOceanbasePassword, code 10008, zh message', async () => {
    const reply = await client.call('GET', INFO, { password: 'nope', lang: 'zh-CN' });
    expect(reply.status).toBe(401);
    expect(reply.envelope.error).toMatchObject({
      errCode: 'Security.Authentication.IncorrectOceanbasePassword',
      code: 10008,
      message: '认证失败: OceanBase root 密码不正确',
    });
    const en = await client.call('GET', INFO, { password: 'nope' });
    expect(en.envelope.error?.message).toBe('Unauthorized: OceanBase password is incorrect');
  });

  it('empty root password: auth "" is accepted and ts is not checked', async () => {
    await control(sim.url, 'POST', 'reset', { rootPassword: '' });
    const reply = await client.call('GET', INFO, { password: '', tsOffsetSeconds: -3600 });
    expect(reply.status).toBe(200);
    const wrong = await client.call('GET', INFO, { password: 'x' });
    expect(wrong.status).toBe(401);
  });

  it('check order: uri before expiry before password', async () => {
    const all = await client.call('GET', INFO, {
      header: { uri: '/other' },
      tsOffsetSeconds: -100,
      password: 'bad',
    });
    expect(all.envelope.error?.errCode).toBe('Security.Authentication.Header.UriMismatch');
    const two = await client.call('GET', INFO, { tsOffsetSeconds: -100, password: 'bad' });
    expect(two.envelope.error?.errCode).toBe('Security.Authentication.Expired');
  });

  it('a 32-byte AES key → HTTP 500 (obshell panics)', async () => {
    const reply = await client.call('PATCH', '/api/v1/obcluster/backup/config', {
      aesKeyBytes: 32,
      body: { ha_low_thread_score: 1 },
    });
    expect(reply.status).toBe(500);
    expect(reply.envelope.status).toBe(500);
  });

  it('a body that is not AES ciphertext → 500 envelope, no stack trace', async () => {
    const reply = await client.call('PATCH', '/api/v1/obcluster/backup/config', {
      rawBody: '{"ha_low_thread_score":1}',
    });
    expect(reply.status).toBe(500);
    expect(JSON.stringify(reply.envelope)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('rotate-key: old key fails with DecryptFailed, a fresh key works', async () => {
    await control(sim.url, 'POST', 'rotate-key', {});
    const stale = await client.call('GET', INFO);
    expect(stale.status).toBe(401);
    expect(stale.envelope.error?.errCode).toBe('Security.Authentication.Header.DecryptFailed');
    await client.refreshKey();
    expect((await client.call('GET', INFO)).status).toBe(200);
  });

  it('clock offset: the agent running 10 min ahead expires a 60 s signature', async () => {
    await control(sim.url, 'POST', 'clock', { offsetMs: 600_000 });
    const reply = await client.call('GET', INFO);
    expect(reply.envelope.error?.errCode).toBe('Security.Authentication.Expired');
    const secret = await client.plain('GET', '/api/v1/secret');
    expect(Date.parse(secret.envelope.timestamp) - Date.now()).toBeGreaterThan(590_000);
  });

  it('password change takes effect at once', async () => {
    await control(sim.url, 'POST', 'password', { rootPassword: 'new-pw' });
    expect((await client.call('GET', INFO)).status).toBe(401);
    expect((await client.call('GET', INFO, { password: 'new-pw' })).status).toBe(200);
  });
});

describe('messages and codes of §2.7', () => {
  it.each([
    [
      { noHeader: true },
      400,
      'Request.Header.NotFound',
      undefined,
      'X-OCS-Agent-Header or X-OCS-Header not found in http request header',
      'HTTP 请求头中未找到 X-OCS-Agent-Header 或 X-OCS-Header',
    ],
    [
      { header: { uri: '/x' } },
      401,
      'Security.Authentication.Header.UriMismatch',
      10008,
      'URI mismatch',
      'URI 不匹配',
    ],
    [
      { tsOffsetSeconds: -5 },
      401,
      'Security.Authentication.Expired',
      10008,
      'Unauthorized: Authentication expired',
      '认证失败: 认证信息已过期',
    ],
    [
      { header: { ts: 'soon' } },
      401,
      'Security.Authentication.Timestamp.Invalid',
      10008,
      'Unauthorized: Invalid timestamp: soon, err: strconv.ParseInt: parsing "soon": invalid syntax',
      '认证失败: 无效的时间戳：soon，错误：strconv.ParseInt: parsing "soon": invalid syntax',
    ],
  ] as const)('%j → %i %s', async (options, status, errCode, code, en, zh) => {
    const reply = await client.call('GET', INFO, options);
    expect(reply.status).toBe(status);
    expect(reply.envelope.error).toMatchObject({ errCode, message: en });
    expect(reply.envelope.error?.code).toBe(code);
    const zhReply = await client.call('GET', INFO, { ...options, lang: 'zh-CN' });
    expect(zhReply.envelope.error?.message).toBe(zh);
  });
});

describe('which header (rev 2, §2.6) on a cluster agent', () => {
  it('agent password set: X-OCS-Header + root password is still accepted; info says security', async () => {
    await control(sim.url, 'POST', 'password', { agentPassword: 'agent-pw' });
    const info = await client.plain<{ security: boolean }>('GET', '/api/v1/info');
    expect(info.data.security).toBe(true);
    expect((await client.call('GET', INFO)).status).toBe(200);
    await control(sim.url, 'POST', 'password', { agentPassword: null });
    const off = await client.plain<{ security: boolean }>('GET', '/api/v1/info');
    expect(off.data.security).toBe(false);
  });

  it('X-OCS-Agent-Header alone: checked against the agent password', async () => {
    await control(sim.url, 'POST', 'password', { agentPassword: 'agent-pw' });
    expect(
      (await client.call('GET', INFO, { agentOnly: true, agentPassword: 'agent-pw' })).status,
    ).toBe(200);
    const wrong = await client.call('GET', INFO, {
      agentOnly: true,
      agentPassword: 'bad',
      lang: 'zh',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.envelope.error).toMatchObject({
      errCode: 'Security.Authentication.IncorrectAgentPassword',
      code: 10008,
      message: '认证失败: agent 密码不正确',
    });
  });

  it('with the agent header present, X-OCS-Header is ignored (not even decrypted)', async () => {
    await control(sim.url, 'POST', 'password', { agentPassword: 'agent-pw' });
    const garbage = await client.call('GET', INFO, {
      agentPassword: 'agent-pw',
      rawHeader: 'QUJD',
    });
    expect(garbage.status).toBe(200);
    const wrongRoot = await client.call('GET', INFO, {
      agentPassword: 'agent-pw',
      password: 'bad',
    });
    expect(wrongRoot.status).toBe(200);
  });

  it('the body keys come from the agent header', async () => {
    await control(sim.url, 'POST', 'password', { agentPassword: 'agent-pw' });
    const other = randomBytes(32).toString('base64');
    const reply = await client.call('PATCH', '/api/v1/obcluster/backup/config', {
      agentPassword: 'agent-pw',
      rootHeader: { keys: other },
      body: { ha_low_thread_score: 1 },
    });
    expect(reply.status).toBe(200);
  });

  it('agent header but no agent password (root known) → 401 WithOceanBasePassword', async () => {
    const reply = await client.call('GET', INFO, { agentOnly: true, agentPassword: 'x' });
    expect(reply.status).toBe(401);
    expect(reply.envelope.error).toMatchObject({
      errCode: 'Security.Authentication.WithOceanBasePassword',
      code: 10008,
      message:
        'Unauthorized: Should use oceanbase_password to verify: agent password is not initialized',
    });
  });

  it('no root password yet: X-OCS-Header refused when an agent password is set; agent header unchecked when neither', async () => {
    await control(sim.url, 'POST', 'password', { rootPassword: null, agentPassword: 'agent-pw' });
    const refused = await client.call('GET', INFO);
    expect(refused.status).toBe(401);
    expect(refused.envelope.error?.errCode).toBe('Security.Authentication.WithAgentPassword');
    expect(
      (await client.call('GET', INFO, { agentOnly: true, agentPassword: 'agent-pw' })).status,
    ).toBe(200);
    await control(sim.url, 'POST', 'password', { agentPassword: null });
    expect(
      (await client.call('GET', INFO, { agentOnly: true, agentPassword: 'anything' })).status,
    ).toBe(200);
  });
});

describe('legacy error style (obshell < 4.3.1)', () => {
  it('integer codes only, no errCode', async () => {
    await control(sim.url, 'POST', 'reset', { rootPassword: PASSWORD, errorStyle: 'legacy' });
    const auth = await client.call('GET', INFO, { password: 'bad' });
    expect(auth.status).toBe(401);
    expect(auth.envelope.error?.code).toBe(10008);
    expect(auth.envelope.error?.errCode).toBeUndefined();
    expect(auth.envelope.error?.message).toMatch(/^Verification failed: /);
    const decrypt = await client.call('GET', INFO, { rawHeader: 'QUJD' });
    expect(decrypt.envelope.error?.code).toBe(1);
    const invalid = await client.call('PATCH', '/api/v1/obcluster/backup/config', {
      body: { log_archive_concurrency: 101 },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.envelope.error).toMatchObject({
      code: 1001,
      message: 'Illegal argument: log_archive_concurrency must be between 0 and 100',
    });
    const task = await client.call('GET', '/api/v1/task/dag/1999');
    expect(task.status).toBe(404);
    expect(task.envelope.error?.code).toBe(2300);
    const route = await client.plain('GET', '/api/v1/nope');
    expect(route.envelope.error?.code).toBe(1003);
  });
});
