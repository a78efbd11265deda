import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    passWithNoTests: false,
    // The terminal tests wait out a real (compressed) render of about 4 s through the built bin: vitest's
    // 5 s default fails them whenever the shared CI machine is busy.
    testTimeout: 30_000,
  },
});
