import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: [
            'domain/**/*.test.ts',
            'contracts/**/*.test.ts',
            'server/**/*.test.ts',
            'web/src/**/*.test.ts',
          ],
          exclude: ['**/*.db.test.ts', 'node_modules/**'],
          env: { TZ: 'Asia/Ho_Chi_Minh' },
        },
      },
      {
        test: {
          name: 'db',
          sequence: { groupOrder: 1 },
          include: ['server/**/*.db.test.ts'],
          globalSetup: ['server/test/global-setup.ts'],
          env: { TZ: 'Asia/Ho_Chi_Minh' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // PGlite instances are ~400 MB each: two files at a time on a 2-core machine.
          maxWorkers: 2,
          fileParallelism: true,
        },
      },
      {
        test: {
          name: 'e2e',
          sequence: { groupOrder: 2 },
          include: ['e2e/**/*.e2e.ts'],
          // One migrated and seeded data directory per run, copied by each file's server.
          globalSetup: ['e2e/global-setup.ts'],
          env: { TZ: 'Asia/Ho_Chi_Minh' },
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
