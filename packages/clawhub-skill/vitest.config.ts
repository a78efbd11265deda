import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    passWithNoTests: false,
    // Each test runs the real clawhub/openclaw CLIs as child processes (6-13 s on a loaded 2-core machine).
    testTimeout: 60_000,
  },
});
