import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The tests run the sources on Node: `#local-image` is the Node reader (package.json "imports" maps
  // the built files; see tsdown.config.ts).
  resolve: { alias: { '#local-image': new URL('./src/node/local-image.ts', import.meta.url).pathname } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    passWithNoTests: false,
  },
});
