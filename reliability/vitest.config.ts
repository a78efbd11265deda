import { defineConfig } from 'vitest/config';
import { KEY } from './test/support/constants.ts';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    passWithNoTests: false,
    // The whole suite runs with a sentinel key, so any client built from the environment uses it too.
    env: { AIVIDEOMAKER_API_KEY: KEY, AIVIDEOMAKER_BASE_URL: '' },
    setupFiles: ['test/support/output-guard.ts', 'test/support/leak-guard.ts'],
    // Writes results/latest.json and the README's Reliability section after a full, passing run.
    reporters: ['default', './src/reporter.ts'],
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 10_000,
  },
});
