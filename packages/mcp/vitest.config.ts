import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    passWithNoTests: false,
    // Every test starts the built server as a real process (and the emulator): on a shared, loaded
    // machine that alone can take seconds. Nothing here asserts a duration.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
