import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Timeouts catch hangs, not slowness: a shared 2-core CI machine can be several times slower than
// a quiet one, and some component tests talk to a real simulator.
const testTimeout = 20_000;

/**
 * Test files share one module registry per worker (`isolate: false`): a fresh registry and
 * environment per file cost more than the tests themselves (unit suite 172 s → about 80 s).
 * The price is that a file must not leave module state behind nor count on a fresh one, so the
 * few files that replace a module (`vi.mock`, lint-enforced) or need module state untouched are
 * named `*.isolated.*` and get their own registry.
 */
const isolatedFiles = '**/*.isolated.*';

const ui = {
  environment: 'jsdom',
  setupFiles: ['src/testing/setup.ts'],
  testTimeout,
};
const nodeFiles = [
  'src/**/*.node.test.ts',
  'sim/**/*.test.ts',
  'server/**/*.test.ts',
  'bench/**/*.test.ts',
  'eslint-rules/**/*.test.ts',
];

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          ...ui,
          name: 'ui',
          include: ['src/**/*.test.{ts,tsx}'],
          exclude: ['src/**/*.node.test.ts', isolatedFiles],
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          ...ui,
          name: 'ui-isolated',
          include: ['src/**/*.isolated.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: nodeFiles,
          exclude: [isolatedFiles],
          isolate: false,
          testTimeout,
        },
      },
      {
        extends: true,
        test: {
          name: 'node-isolated',
          environment: 'node',
          include: ['src/**/*.isolated.node.test.ts'],
          testTimeout,
        },
      },
    ],
  },
});
