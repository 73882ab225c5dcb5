import { defineConfig } from 'vitest/config';

// Deterministic tests: fixed time zone (dates are calendar days, never local times).
process.env.TZ = 'Asia/Shanghai';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 600_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'test/browser/**/*.unit.test.ts'],
          exclude: ['test/browser/**/!(*.unit).test.ts'],
        },
      },
      // Browser tests (not their *.unit.test.ts: pure helpers) share three builds (sample internal, sample public, XSS fixture), started once.
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          exclude: ['test/browser/**/*.unit.test.ts'],
          globalSetup: ['test/browser/globalSetup.ts'],
        },
      },
    ],
  },
});
