import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Each file gets its own copy of the migrated template database; PGlite instances are heavy, so keep the worker count modest.
    pool: 'forks',
    maxWorkers: 2,
    // A worker keeps its imported modules from one test file to the next: importing the whole app anew per file cost
    // about six seconds each. No state leaks between files: module-level caches are keyed by database handle or by
    // tenant id, and every test database has tenants of its own (random ids).
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results/vitest.json' }]] : ['default'],
  },
});
