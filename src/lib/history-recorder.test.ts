import { afterEach, describe, expect, it, vi } from 'vitest';
import { historyApi, type HistoryEntry } from './history-client';
import { configureHostEvents } from './host-events';
import { changesOf, reconcileDags, recordAppliedChange, reportDagEnd } from './history-recorder';
import type { Dag } from './obshell/dag';

const KEY = 'AKIA-very-secret';

function dag(overrides: Partial<Dag> = {}): Dag {
  return {
    id: '1042',
    dag_id: 42,
    name: 'Set obcluster backup config',
    stage: 3,
    max_stage: 3,
    state: 'SUCCEED',
    operator: 'RUN',
    start_time: '2026-12-04T10:00:00.000000000+08:00',
    end_time: '2026-12-04T10:01:05.000000000+08:00',
    additional_data: { uri: `oss://b/d?access_key=${KEY}` },
    ...overrides,
  };
}

const entry: HistoryEntry = {
  id: 7,
  time: '2026-12-04T02:00:00.000Z',
  clusterId: 'prod',
  scope: 'cluster',
  user: 'alice',
  changes: [{ field: 'log_archive_concurrency', old: '1', new: 4 }],
  dagId: '1042',
  outcome: 'pending',
  startedAt: null,
  finishedAt: null,
  source: 'dashboard',
};

afterEach(() => {
  vi.restoreAllMocks();
  configureHostEvents([]);
});

describe('changesOf', () => {
  it('lists each field old → new, nested keys flattened, secrets masked', () => {
    const changes = changesOf(
      {
        backup_base_uri: `oss://bucket/dir?host=h&access_id=id&access_key=${KEY}`,
        log_archive_concurrency: 4,
        delete_policy: { policy: 'default', recovery_window: '7d' },
      },
      { backup_base_uri: 'file:///data/backup', log_archive_concurrency: '1' },
    );
    expect(changes).toEqual([
      {
        field: 'backup_base_uri',
        old: 'file:///data/backup',
        new: 'oss://bucket/dir?host=h&access_id=id&access_key=******',
      },
      { field: 'log_archive_concurrency', old: '1', new: 4 },
      { field: 'delete_policy.policy', old: null, new: 'default' },
      { field: 'delete_policy.recovery_window', old: null, new: '7d' },
    ]);
    expect(JSON.stringify(changes)).not.toContain(KEY);
  });
});

describe('recordAppliedChange', () => {
  it('sends the masked change and tells an allow-listed host "change-applied"', async () => {
    const postMessage = vi.fn();
    vi.spyOn(window, 'parent', 'get').mockReturnValue({ postMessage } as unknown as Window);
    vi.spyOn(document, 'referrer', 'get').mockReturnValue('https://portal.example.com/');
    configureHostEvents(['https://portal.example.com']);
    const record = vi.fn().mockResolvedValue(entry);
    const result = await recordAppliedChange(
      {
        cluster: { id: 'prod', name: 'Prod' },
        scope: 'cluster',
        dagId: '1042',
        patch: { backup_base_uri: `s3://b/d?access_key=${KEY}` },
      },
      { record },
    );
    expect(result).toEqual(entry);
    expect(JSON.stringify(record.mock.calls)).not.toContain(KEY);
    expect(record).toHaveBeenCalledWith(
      expect.objectContaining({ clusterId: 'prod', scope: 'cluster', dagId: '1042' }),
    );
    expect(postMessage).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'obdash:change-applied', entry }),
      'https://portal.example.com',
    );
  });

  it('never throws when the history cannot be written (the change itself succeeded)', async () => {
    const record = vi.fn().mockRejectedValue(new Error('503'));
    await expect(
      recordAppliedChange(
        { cluster: { id: 'prod', name: 'P' }, scope: 'cluster', dagId: '1', patch: {} },
        { record },
      ),
    ).resolves.toBeUndefined();
  });
});

describe('outcomes', () => {
  it('reports a backup-config DAG that ended, once per state, without additional_data', async () => {
    const reconcile = vi.fn().mockResolvedValue({ updated: [7], added: [] });
    await reportDagEnd('prod', dag({ id: '1500' }), { reconcile });
    await reportDagEnd('prod', dag({ id: '1500' }), { reconcile });
    expect(reconcile).toHaveBeenCalledTimes(1);
    const [clusterId, dags] = reconcile.mock.calls[0] as [string, Record<string, unknown>[]];
    expect(clusterId).toBe('prod');
    expect(dags[0]).toEqual({
      id: '1500',
      name: 'Set obcluster backup config',
      state: 'SUCCEED',
      operator: 'RUN',
      start_time: '2026-12-04T10:00:00.000000000+08:00',
      end_time: '2026-12-04T10:01:05.000000000+08:00',
    });
    expect(JSON.stringify(reconcile.mock.calls)).not.toContain(KEY);
    // A retried DAG that fails again is news.
    await reportDagEnd('prod', dag({ id: '1500', state: 'FAILED', operator: 'CANCEL' }), {
      reconcile,
    });
    expect(reconcile).toHaveBeenCalledTimes(2);
  });

  it('ignores running DAGs and other kinds of tasks', async () => {
    const reconcile = vi.fn();
    await reportDagEnd('prod', dag({ id: '1600', state: 'RUNNING' }), { reconcile });
    await reportDagEnd('prod', dag({ id: '1601', name: 'Start obcluster' }), { reconcile });
    expect(reconcile).not.toHaveBeenCalled();
  });

  it('sends the task list in batches of 500 backup-config DAGs, tenant ones included', async () => {
    const reconcile = vi.fn().mockResolvedValue({ updated: [1], added: [2] });
    const dags = Array.from({ length: 1001 }, (_, n) =>
      dag({
        id: String(2000 + n),
        name: n % 2 ? 'Set obcluster backup config for t1' : 'Set obcluster backup config',
      }),
    );
    dags.push(dag({ id: '9', name: 'Scale out' }));
    expect(await reconcileDags('prod', dags, { reconcile })).toBe(6);
    expect(reconcile.mock.calls.map((call) => (call[1] as unknown[]).length)).toEqual([
      500, 500, 1,
    ]);
  });
});

describe('history client', () => {
  it('sends the CSRF header and parses the answer; an error envelope becomes a HistoryError', async () => {
    const fetchMock = vi
      .spyOn(globalThis, 'fetch')
      .mockResolvedValueOnce(
        new Response(JSON.stringify({ successful: true, status: 201, data: { entry } }), {
          status: 201,
        }),
      )
      .mockResolvedValueOnce(
        new Response(
          JSON.stringify({
            successful: false,
            status: 403,
            error: { errCode: 'History.CrossSite', message: 'Refused: cross-site.' },
          }),
          { status: 403 },
        ),
      );
    await expect(
      historyApi.record({ clusterId: 'prod', scope: 'cluster', dagId: '1', changes: [] }),
    ).resolves.toEqual(entry);
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/history/entries');
    expect(new Headers(init.headers).get('X-Obdash-Request')).toBe('1');
    await expect(historyApi.list({ outcome: ['failed'] }, 1, 50)).rejects.toMatchObject({
      name: 'HistoryError',
      status: 403,
      errCode: 'History.CrossSite',
    });
    expect(fetchMock.mock.calls[1]?.[0]).toBe('/history/entries?outcome=failed&page=1&size=50');
  });
});
