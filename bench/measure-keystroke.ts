import type { Browser } from '@playwright/test';
import { notBuilt, type Figure } from './figures';
import type { BenchStack } from './stack';

export async function measureKeystroke(_browser: Browser, _stack: BenchStack): Promise<Figure[]> {
  return Promise.resolve([
    notBuilt('form.keystrokeP95', 'keystroke → validation message p95', 'ms', 'backup form', 16),
  ]);
}
