import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'functions/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    // argon2id runs for real in these tests
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each API test file starts its own local D1 (workerd); two cores, so keep it modest.
    maxWorkers: 2,
  },
});
