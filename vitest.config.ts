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
