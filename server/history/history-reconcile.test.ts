import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { outcomeOfDag, scopeOfDag } from './dag-outcome.ts';
import { openHistoryStore } from './history-store.ts';
import { sampleEntry, tempDir } from './testing/temp-dir.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});
function open(now = () => Date.parse('2026-06-01T00:00:00Z')) {
  const temp = tempDir();
  cleanups.push(temp.cleanup);
  const store = openHistoryStore(path.join(temp.dir, 'h.db'), { retentionDays: 30, now });
  cleanups.push(() => store.close());
  return store;
}
const dag = (
  id: string,
  state: string,
  operator = 'RUN',
  name = 'Set obcluster backup config',
) => ({
  id,
  name,
  state,
  operator,
  start_time: '2026-05-31T10:00:00.123456789+08:00',
  end_time: '2026-05-31T10:05:00.5+08:00',
});

describe('DAG state → outcome (contract §5)', () => {
  it.each([
    ['RUNNING', 'RUN', 'pending'],
    ['READY', 'CANCEL', 'pending'],
    ['SUCCEED', 'RUN', 'succeeded'],
    ['SUCCEED', 'RETRY', 'succeeded'],
    ['SUCCEED', 'PASS', 'passed'],
    ['SUCCEED', 'ROLLBACK', 'rolled_back'],
    ['FAILED', 'CANCEL', 'cancelled'],
    ['FAILED', 'RUN', 'failed'],
  ])('%s + %s → %s', (state, operator, outcome) => {
    expect(outcomeOfDag({ state, operator })).toBe(outcome);
  });

  it('knows the cluster and tenant backup-config DAGs by name, nothing else', () => {
    expect(scopeOfDag('Set obcluster backup config')).toBe('cluster');
    expect(scopeOfDag('Set obcluster backup config for t1')).toBe('tenant:t1');
    expect(scopeOfDag('Start obcluster backup')).toBeUndefined();
  });
});

describe('reconcile', () => {
  it('fills outcomes of pending entries and adds outside entries for unknown backup-config DAGs', () => {
    const store = open();
    const mine = store.record(sampleEntry('11'), 'alice').entry;
    const result = store.reconcile('prod', [
      dag('11', 'SUCCEED', 'PASS'),
      dag('12', 'FAILED', 'CANCEL', 'Set obcluster backup config for t1'),
      dag('13', 'SUCCEED', 'RUN', 'Start obcluster backup'),
    ]);
    expect(result.updated).toEqual([mine.id]);
    expect(result.added).toHaveLength(1);
    expect(store.get(mine.id)).toMatchObject({
      outcome: 'passed',
      finishedAt: '2026-05-31T02:05:00.500Z',
      user: 'alice',
    });
    expect(store.get(result.added[0] ?? 0)).toMatchObject({
      source: 'outside',
      scope: 'tenant:t1',
      user: null,
      changes: [],
      dagId: '12',
      outcome: 'cancelled',
      time: '2026-05-31T02:00:00.123Z',
    });
    // Reconciling the same list again changes nothing and adds nothing.
    expect(
      store.reconcile('prod', [
        dag('11', 'SUCCEED', 'PASS'),
        dag('12', 'FAILED', 'CANCEL', 'Set obcluster backup config for t1'),
      ]),
    ).toEqual({ updated: [], added: [] });
  });

  it('lets a failed task be retried, never changes a final outcome', () => {
    const store = open();
    const { entry } = store.record(sampleEntry('11'), 'alice');
    store.reconcile('prod', [dag('11', 'FAILED')]);
    expect(store.get(entry.id)?.outcome).toBe('failed');
    store.reconcile('prod', [dag('11', 'RUNNING', 'RUN')]);
    expect(store.get(entry.id)).toMatchObject({ outcome: 'pending', finishedAt: null });
    store.reconcile('prod', [dag('11', 'SUCCEED')]);
    store.reconcile('prod', [dag('11', 'FAILED')]);
    expect(store.get(entry.id)?.outcome).toBe('succeeded');
    expect(store.setOutcome(entry.id, { outcome: 'failed' }).kind).toBe('conflict');
    expect(store.setOutcome(entry.id, { outcome: 'succeeded' }).kind).toBe('unchanged');
  });

  it('skips outside DAGs older than the retention period (they would return after each prune)', () => {
    const store = open();
    const old = { ...dag('12', 'SUCCEED'), start_time: '2026-01-01T00:00:00Z' };
    expect(store.reconcile('prod', [old]).added).toEqual([]);
  });

  it('a dashboard entry recorded after reconcile saw its DAG claims the outside entry', () => {
    const store = open();
    const [outsideId] = store.reconcile('prod', [dag('11', 'SUCCEED')]).added;
    const { entry, created } = store.record(sampleEntry('11'), 'alice');
    expect(created).toBe(true);
    expect(entry).toMatchObject({
      id: outsideId,
      source: 'dashboard',
      user: 'alice',
      outcome: 'succeeded',
    });
    expect(store.list({ field: 'backup_base_uri' }, 1, 10).total).toBe(1);
    // Recording the same DAG again (a browser retry) answers the same entry.
    expect(store.record(sampleEntry('11'), 'bob')).toEqual({ entry, created: false });
  });
});

describe('queries', () => {
  it('lists newest first, filters and pages with a total', () => {
    let clock = Date.parse('2026-06-01T00:00:00Z');
    const store = open(() => clock);
    for (let n = 0; n < 25; n += 1) {
      clock += 60_000;
      store.record(
        sampleEntry(String(100 + n), {
          clusterId: n % 2 ? 'prod' : 'test',
          changes: [
            {
              field: n % 3 ? 'binding' : 'ha_low_thread_score',
              old: null,
              new: n % 3 ? 'OPTIONAL' : n,
            },
          ],
          ...(n % 5 === 0 ? { outcome: 'failed' as const } : {}),
        }),
        n % 4 ? 'Alice_Admin' : 'bob',
      );
    }
    const first = store.list({}, 1, 10);
    expect(first.total).toBe(25);
    expect(first.items.map((e) => e.dagId)).toEqual([
      '124',
      '123',
      '122',
      '121',
      '120',
      '119',
      '118',
      '117',
      '116',
      '115',
    ]);
    expect(store.list({}, 3, 10).items.map((e) => e.dagId)).toEqual([
      '104',
      '103',
      '102',
      '101',
      '100',
    ]);
    expect(store.list({ cluster: 'prod' }, 1, 50).total).toBe(12);
    expect(store.list({ field: 'ha_low_thread_score' }, 1, 50).total).toBe(9);
    expect(store.list({ user: 'alice_' }, 1, 50).total).toBe(18); // case-insensitive, "_" literal
    expect(store.list({ user: 'a_i' }, 1, 50).total).toBe(0);
    expect(store.list({ outcome: ['failed', 'cancelled'] }, 1, 50).total).toBe(5);
    expect(
      store
        .list({ from: '2026-06-01T00:05:00Z', to: '2026-06-01T00:07:00.000Z' }, 1, 50)
        .items.map((e) => e.dagId),
    ).toEqual(['106', '105', '104']);
    expect(
      store
        .list({ cluster: 'test', field: 'binding', user: 'bob' }, 1, 50)
        .items.map((e) => e.dagId),
    ).toEqual(['120', '116', '108', '104']);
    expect(store.facets('prod')).toEqual({
      clusters: ['prod', 'test'],
      fields: ['binding', 'ha_low_thread_score'],
      users: ['Alice_Admin'],
    });
  });
});
