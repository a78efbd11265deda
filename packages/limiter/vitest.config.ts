import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    passWithNoTests: false,
    // Each test makes a database on the throwaway cluster; a shared machine can be slow at that.
    testTimeout: 30_000,
  },
});
