import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'ui',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}'],
          exclude: ['src/**/*.node.test.ts'],
          setupFiles: ['src/testing/setup.ts'],
          // Timeouts catch hangs, not slowness: a shared 2-core CI machine can be several times
          // slower than a quiet one, and some component tests talk to a real simulator.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'src/**/*.node.test.ts',
            'sim/**/*.test.ts',
            'server/**/*.test.ts',
            'bench/**/*.test.ts',
            'eslint-rules/**/*.test.ts',
          ],
          testTimeout: 20_000,
        },
      },
    ],
  },
});
