import { defineConfig } from 'vitest/config';

// Deterministic tests: fixed time zone (dates are calendar days, never local times).
process.env.TZ = 'Asia/Shanghai';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 600_000,
    pool: 'forks',
  },
});
