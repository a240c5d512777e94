import type { Browser } from '@playwright/test';
import { notBuilt, type Figure } from './figures';
import type { BenchStack } from './stack';

export async function measureDag(
  _browser: Browser,
  _stack: BenchStack,
  _runs: number,
): Promise<Figure[]> {
  return Promise.resolve([
    notBuilt('dag.changeToScreen', 'DAG state change → on screen', 'ms', 'timeline page'),
    notBuilt(
      'dag.requestsAfterTerminal',
      'requests after DAG terminal',
      'requests',
      'timeline page',
      0,
    ),
    notBuilt(
      'dag.requestsWhileHidden',
      'requests while tab hidden',
      'requests',
      'timeline page',
      0,
    ),
  ]);
}
