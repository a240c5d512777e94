import type { Browser } from '@playwright/test';
import { notBuilt, type Figure } from './figures';
import type { BenchStack } from './stack';

export async function measureRender(_browser: Browser, _stack: BenchStack): Promise<Figure[]> {
  return Promise.resolve([
    notBuilt('dag.render200', '200-node DAG re-render per poll', 'ms', 'timeline page', 16),
  ]);
}
