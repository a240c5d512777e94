import { describe, expect, it } from 'vitest';
import { makeDag, makeNode } from '../testing/dag-fixtures';
import { openTasks, recentBackupConfigTasks } from './task-lists';

const dag = (
  id: number,
  state: Parameters<typeof makeDag>[0],
  name = 'Set obcluster backup config',
) =>
  makeDag(state, [makeNode('Check backup config', 'SUCCEED')], { id: `1${id}`, dag_id: id, name });

describe('task lists', () => {
  it('a failed cluster DAG (absent from /task/dag/unfinish) is still open, once', () => {
    const running = dag(3, 'RUNNING');
    const failed = dag(2, 'FAILED');
    const open = openTasks([running], [dag(1, 'SUCCEED'), failed, running]);
    expect(open.map((d) => d.id)).toEqual(['13', '12']);
  });

  it('recent backup-config tasks: newest first, other DAGs left out, at most ten', () => {
    const many = Array.from({ length: 12 }, (_, i) => dag(i + 1, 'SUCCEED'));
    const other = dag(99, 'SUCCEED', 'Obcluster start full backup');
    const tenantLevel = dag(50, 'FAILED', 'Set obcluster backup config for t1');
    const recent = recentBackupConfigTasks([...many, other, tenantLevel]);
    expect(recent.map((d) => d.dag_id)).toEqual([50, 12, 11, 10, 9, 8, 7, 6, 5, 4]);
  });
});
