import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['libs/*/src/**/*.spec.ts', 'apps/*/src/**/*.spec.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/**/*.test.ts'],
          environment: 'node',
          // Files share one NATS and start real service processes: one file at a time keeps them apart.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // A browser page or a consumer on a loaded machine can take seconds to show what a poll waits for; a poll
          // passes as soon as it holds, so only a failing one waits this long (vitest's default is 1 s).
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
