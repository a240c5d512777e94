import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type SimulatorHandle } from '../start';
import { control, TestClient } from './support/test-client';

const PASSWORD = 'pw';
const PATH = '/api/v1/obcluster/backup/config';
let sim: SimulatorHandle;
let client: TestClient;

beforeAll(async () => {
  // Slow DAGs: these tests look at validation, not at DAG progress.
  sim = await startSimulator({ port: 0, rootPassword: PASSWORD, timeScale: 100 });
  client = new TestClient(sim.url, PASSWORD);
});
afterAll(() => sim.close());
beforeEach(async () => {
  await control(sim.url, 'POST', 'reset', { rootPassword: PASSWORD, timeScale: 100 });
});

async function patch(body: unknown, lang = 'en-US', method = 'PATCH') {
  return client.call(method, PATH, { body, lang });
}

async function expectOk(body: unknown, method = 'PATCH') {
  const reply = await patch(body, 'en-US', method);
  expect(reply.envelope.error, JSON.stringify(body)).toBeUndefined();
  expect(reply.status).toBe(200);
  return reply;
}

async function expectError(body: unknown, errCode: string, message?: string, method = 'PATCH') {
  const reply = await patch(body, 'en-US', method);
  expect(reply.status, JSON.stringify(body)).toBe(400);
  expect(reply.envelope.error?.errCode, JSON.stringify(body)).toBe(errCode);
  if (message !== undefined) expect(reply.envelope.error?.message).toBe(message);
  return reply;
}

const base = { backup_base_uri: 'file:///data/new' };

describe('PATCH returns a DagDetailDTO', () => {
  it('named "Set obcluster backup config", READY, generic id "1"+dag_id, nodes null', async () => {
    const reply = await expectOk({ ha_low_thread_score: 5 });
    expect(reply.data).toMatchObject({
      name: 'Set obcluster backup config',
      state: 'READY',
      operator: 'RUN',
      stage: 1,
      max_stage: 2,
      nodes: null,
    });
    const dag = reply.data as { id: string; dag_id: number; start_time: string; end_time: string };
    expect(dag.id).toBe(`1${dag.dag_id}`);
    expect(dag.end_time).toBe(dag.start_time);
  });

  it('a second change while the first DAG runs is accepted (not a maintenance DAG)', async () => {
    const first = await expectOk({ ha_low_thread_score: 5 });
    const second = await expectOk({ ha_low_thread_score: 6 });
    expect((second.data as { dag_id: number }).dag_id).toBe(
      (first.data as { dag_id: number }).dag_id + 1,
    );
    const unfinished = await client.call<{ contents: unknown[] }>(
      'GET',
      '/api/v1/task/dag/unfinish',
    );
    expect(unfinished.data.contents).toHaveLength(2);
  });
});

describe('bounds, both sides', () => {
  it.each(['log_archive_concurrency', 'ha_low_thread_score'])(
    '%s: 0..100 inclusive',
    async (field) => {
      const code =
        field === 'log_archive_concurrency'
          ? 'OB.Backup.LogArchiveConcurrency.Invalid'
          : 'OB.Backup.HaLowThreadScore.Invalid';
      await expectError({ [field]: -1 }, code, `${field} must be between 0 and 100`);
      await expectOk({ [field]: 0 });
      await expectOk({ [field]: 100 });
      await expectError({ [field]: 101 }, code);
    },
  );

  it('binding: OPTIONAL / MANDATORY any case, "" = OPTIONAL, else invalid', async () => {
    await expectOk({ ...base, binding: 'Mandatory' });
    await expectOk({ ...base, binding: 'optional' });
    await expectOk({ ...base, binding: '' });
    await expectError(
      { ...base, binding: 'Sometimes' },
      'OB.Backup.Binding.Invalid',
      'Invalid binding mode: SOMETIMES, must be OPTIONAL or MANDATORY',
    );
  });

  it('piece_switch_interval: 24h..168h', async () => {
    const code = 'OB.Backup.PieceSwitchInterval.Invalid';
    await expectError({ ...base, piece_switch_interval: '23h' }, code);
    await expectError({ ...base, piece_switch_interval: '86399s' }, code);
    await expectOk({ ...base, piece_switch_interval: '24h' });
    await expectOk({ ...base, piece_switch_interval: '1d' });
    await expectOk({ ...base, piece_switch_interval: '7D' });
    await expectOk({ ...base, piece_switch_interval: '168h' });
    await expectError({ ...base, piece_switch_interval: '169h' }, code);
    await expectError({ ...base, piece_switch_interval: '8d' }, code);
  });

  it('archive_lag_target (with backup_base_uri): ≤ 2h; ≥ 1m only for s3', async () => {
    await expectOk({ ...base, archive_lag_target: '2h' });
    await expectOk({ ...base, archive_lag_target: '7200s' });
    await expectOk({ ...base, archive_lag_target: '2H' });
    await expectError(
      { ...base, archive_lag_target: '7201s' },
      'OB.Backup.ArchiveLagTarget.Invalid',
      'archive_lag_target must be less than 2h0m0s',
    );
    await expectError(
      { ...base, archive_lag_target: '121m' },
      'OB.Backup.ArchiveLagTarget.Invalid',
    );
    await expectOk({ ...base, archive_lag_target: '1ms' });
    const s3 = { backup_base_uri: 's3://bucket/backup?host=s3.example.com' };
    await expectOk({ ...s3, archive_lag_target: '1m' });
    await expectOk({ ...s3, archive_lag_target: '60s' });
    await expectError(
      { ...s3, archive_lag_target: '59s' },
      'OB.Backup.ArchiveLagTargetForS3.Invalid',
      'archive_lag_target must be greater than 1m0s for S3',
    );
  });

  it('archive_lag_target without backup_base_uri is not checked here', async () => {
    await expectOk({ archive_lag_target: '3h' });
    await expectOk({ archive_lag_target: 'soon' });
  });

  it('duration format: one integer and one unit within [1ns, 365d]', async () => {
    const code = 'Common.InvalidTimeDuration';
    await expectError(
      { ...base, archive_lag_target: '0ms' },
      code,
      "Time duration '0ms' is invalid: time duration is less than min unit",
    );
    await expectError({ ...base, archive_lag_target: '0s' }, code);
    await expectOk({ ...base, archive_lag_target: '1ns' });
    await expectError(
      { ...base, archive_lag_target: '1h30m' },
      code,
      "Time duration '1h30m' is invalid: invalid format",
    );
    await expectError({ ...base, archive_lag_target: '1.5h' }, code);
    await expectError({ ...base, archive_lag_target: ' 2h' }, code);
    // rev 2: "" is not checked (sent to OceanBase as ARCHIVE_LAG_TARGET = '')
    await expectOk({ ...base, archive_lag_target: '' });
    await expectError(
      { ...base, archive_lag_target: '5w' },
      code,
      "Time duration '5w' is invalid: invalid time unit",
    );
    await expectError({ ...base, piece_switch_interval: '366d' }, code);
    // 365d is a valid duration (then out of the piece range)
    await expectError(
      { ...base, piece_switch_interval: '365d' },
      'OB.Backup.PieceSwitchInterval.Invalid',
    );
  });

  it('delete_policy: "" and any case of default; recovery_window unchecked', async () => {
    await expectOk({ delete_policy: { policy: '', recovery_window: '7d' } });
    await expectOk({ delete_policy: { policy: 'DEFAULT', recovery_window: 'whatever' } });
    await expectOk({ delete_policy: {} });
    await expectError(
      { delete_policy: { policy: 'Keep', recovery_window: '7d' } },
      'OB.Backup.DeletePolicy.Invalid',
      "Invalid delete policy: 'keep', must be 'default'",
    );
  });

  it('backup_base_uri schemes', async () => {
    for (const uri of ['file:///a', 'oss://b/c?host=h', 'cos://b/c?host=h', 's3://b/c?host=h']) {
      await expectOk({ backup_base_uri: uri });
    }
    // rev 2: PATCH "" leaves the destinations unchanged (no scheme check)
    await expectOk({ backup_base_uri: '' });
    for (const uri of ['hdfs://x', '/data/backup', 'FILE:///x', 'file:/x']) {
      await expectError(
        { backup_base_uri: uri },
        'OB.Storage.URI.Invalid',
        'Invalid storage URI: invalid path type',
      );
    }
  });

  it('null means unchanged', async () => {
    await expectOk({ backup_base_uri: null, binding: null, log_archive_concurrency: null });
  });
});

describe('PATCH needs backup_base_uri for binding and piece_switch_interval', () => {
  it('binding without base uri', async () => {
    await expectError(
      { binding: 'MANDATORY' },
      'OB.Backup.BaseUriEmpty',
      'backup_base_uri cannot be empty: If binding is set, backup_base_uri must be set',
    );
    // rev 2: "" does not satisfy the precondition; an empty binding needs nothing
    await expectError({ backup_base_uri: '', binding: 'MANDATORY' }, 'OB.Backup.BaseUriEmpty');
    await expectOk({ binding: '' });
  });
  it('piece_switch_interval without base uri', async () => {
    await expectError(
      { piece_switch_interval: '1d' },
      'OB.Backup.BaseUriEmpty',
      'backup_base_uri cannot be empty: If piece_switch_interval is set, backup_base_uri must be set',
    );
    await expectOk({ piece_switch_interval: '' });
    await expectOk({ ...base, piece_switch_interval: '' });
  });
});

describe('POST (first set) needs backup_base_uri', () => {
  it('absent or empty → BaseUriEmpty; present → DAG', async () => {
    await expectError(
      { log_archive_concurrency: 1 },
      'OB.Backup.BaseUriEmpty',
      'backup_base_uri cannot be empty',
      'POST',
    );
    await expectError({ backup_base_uri: '' }, 'OB.Backup.BaseUriEmpty', undefined, 'POST');
    await expectOk({ backup_base_uri: 'file:///x', binding: 'mandatory' }, 'POST');
  });
});

describe('check order on PATCH (first failure wins)', () => {
  it('walks the contract order', async () => {
    const body: Record<string, unknown> = {
      binding: 'bad',
      log_archive_concurrency: 101,
      ha_low_thread_score: 101,
      piece_switch_interval: '1h',
      delete_policy: { policy: 'x' },
      archive_lag_target: '3h',
    };
    await expectError(body, 'OB.Backup.BaseUriEmpty');
    body.backup_base_uri = 'hdfs://nope';
    await control(sim.url, 'POST', 'reset', { rootPassword: PASSWORD, tenants: [] });
    await expectError(body, 'OB.Backup.NoUserTenants', 'No user tenants found');
    await control(sim.url, 'POST', 'reset', { rootPassword: PASSWORD, timeScale: 100 });
    await expectError(body, 'OB.Backup.LogArchiveConcurrency.Invalid');
    body.log_archive_concurrency = 100;
    await expectError(body, 'OB.Backup.HaLowThreadScore.Invalid');
    body.ha_low_thread_score = 0;
    await expectError(body, 'OB.Backup.Binding.Invalid');
    body.binding = 'OPTIONAL';
    await expectError(body, 'OB.Backup.PieceSwitchInterval.Invalid');
    body.piece_switch_interval = '1d';
    await expectError(body, 'OB.Backup.DeletePolicy.Invalid');
    body.delete_policy = { policy: '' };
    await expectError(body, 'OB.Storage.URI.Invalid');
    body.backup_base_uri = 'file:///ok';
    await expectError(body, 'OB.Backup.ArchiveLagTarget.Invalid');
    body.archive_lag_target = '2h';
    await expectOk(body);
  });

  it('no user tenants also on a body without the base uri', async () => {
    await control(sim.url, 'POST', 'reset', { rootPassword: PASSWORD, tenants: [] });
    await expectError({ ha_low_thread_score: 5 }, 'OB.Backup.NoUserTenants');
    const zh = await patch({ ha_low_thread_score: 5 }, 'zh-CN');
    expect(zh.envelope.error?.message).toBe('未找到用户租户');
  });
});

describe('JSON binding', () => {
  it.each([
    [{ log_archive_concurrency: '5' }],
    [{ ha_low_thread_score: 1.5 }],
    [{ backup_base_uri: 5 }],
    [{ binding: true }],
    [{ delete_policy: 'default' }],
    [{ delete_policy: { policy: 1 } }],
    [[1, 2]],
    ['just a string'],
  ])('type mismatch %j → Common.BindJsonFailed', async (body) => {
    const reply = await expectError(body, 'Common.BindJsonFailed');
    expect(reply.envelope.error?.message).toMatch(/^Bind JSON failed: /);
  });

  it('invalid JSON → BindJsonFailed; an empty body is bound as {} (rev 2)', async () => {
    const empty = await client.call('PATCH', PATH);
    expect(empty.status).toBe(200);
    const broken = await client.call('PATCH', PATH, { bodyText: '{"ha_low_thread_score": ' });
    expect(broken.status).toBe(400);
    expect(broken.envelope.error?.errCode).toBe('Common.BindJsonFailed');
  });

  it('unknown fields are ignored', async () => {
    await expectOk({ ha_low_thread_score: 3, something_else: [1] });
  });
});

describe('messages in zh by Accept-Language', () => {
  it.each([
    [{ binding: 'x' }, 'backup_base_uri 不能为空: If binding is set, backup_base_uri must be set'],
    [{ log_archive_concurrency: 101 }, 'log_archive_concurrency 必须在 0 和 100 之间'],
    [{ ha_low_thread_score: -1 }, 'ha_low_thread_score 必须在 0 和 100 之间'],
    [{ ...base, binding: 'x' }, 'binging 非法：X，必须是 OPTIONAL 或 MANDATORY'],
    [
      { ...base, piece_switch_interval: '1h' },
      'piece_switch_interval 必须在 24h0m0s 和 168h0m0s 之间',
    ],
    [{ delete_policy: { policy: 'x' } }, "非法的删除策略：'x'，必须是 'default'"],
    [{ backup_base_uri: 'x' }, '非法的存储路径：invalid path type'],
    [{ ...base, archive_lag_target: '3h' }, 'archive_lag_target 必须小于 2h0m0s'],
    [
      { backup_base_uri: 's3://b?host=h', archive_lag_target: '1s' },
      '对于 S3，archive_lag_target 必须大于 1m0s',
    ],
    [{ ...base, archive_lag_target: '0ms' }, "时间段 '0ms' 无效：时间段小于最小单位"],
    [{ ha_low_thread_score: 'x' }, /^绑定 JSON 失败：/],
  ])('%j', async (body, message) => {
    const reply = await patch(body, 'zh-CN');
    expect(reply.status).toBe(400);
    expect(reply.envelope.error?.message).toMatch(
      typeof message === 'string'
        ? new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)
        : message,
    );
  });

  it('a browser-style list does not parse as one BCP 47 tag: English (rev 2)', async () => {
    for (const lang of ['zh-CN,zh;q=0.9,en;q=0.8', 'zh;q=0.9', 'zh_CN', '']) {
      const reply = await patch({ ha_low_thread_score: -1 }, lang);
      expect(reply.envelope.error?.message, lang).toBe(
        'ha_low_thread_score must be between 0 and 100',
      );
    }
    for (const lang of ['zh', 'ZH-cn', 'zh-Hans-CN']) {
      const reply = await patch({ ha_low_thread_score: -1 }, lang);
      expect(reply.envelope.error?.message, lang).toBe('ha_low_thread_score 必须在 0 和 100 之间');
    }
  });

  it('POST without base uri in zh', async () => {
    const reply = await patch({}, 'zh', 'POST');
    expect(reply.envelope.error?.message).toBe('backup_base_uri 不能为空');
  });
});

describe('cluster under maintenance (control extension)', () => {
  it('rev 2: this DAG is not a maintenance DAG: accepted while the cluster is under maintenance', async () => {
    await control(sim.url, 'POST', 'maintenance', { on: true });
    const status = await client.plain<{ underMaintenance: boolean }>('GET', '/api/v1/status');
    expect(status.data.underMaintenance).toBe(true);
    await expectOk({ ha_low_thread_score: 1 });
    await expectError({ ha_low_thread_score: 101 }, 'OB.Backup.HaLowThreadScore.Invalid');
  });
});

describe('agent identity', () => {
  it('backup APIs need CLUSTER AGENT', async () => {
    await control(sim.url, 'POST', 'reset', { rootPassword: PASSWORD, identity: 'SINGLE' });
    await expectError({ ha_low_thread_score: 1 }, 'Agent.Identify.NotSupportOperation');
  });
});
