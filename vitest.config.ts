import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Five projects: pure unit tests, the store's contract on both engines, client component tests in jsdom with msw, integration tests that
// talk to the real Dovecot/Postfix started by scripts/mailstack, and browser tests in Debian Chromium.
export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['common/**/*.test.ts', 'proxy/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/*.e2e.test.ts', '**/*.store.test.ts', 'node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          // The store's contract, run on SQLite and on the private PostgreSQL (scripts/postgres).
          name: 'store',
          environment: 'node',
          include: ['proxy/**/*.store.test.ts'],
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'client',
          environment: 'jsdom',
          include: ['client/**/*.test.{ts,tsx}'],
          setupFiles: ['client/test/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          environment: 'node',
          include: ['proxy/**/*.int.test.ts', 'scripts/**/*.int.test.ts'],
          exclude: ['node_modules/**'],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['e2e/**/*.e2e.test.ts'],
          globalSetup: ['e2e/support/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
