import { packageConfig } from '../../tsdown.base.ts';

// The CLI is a second entry (dist/cli.mjs, the package's bin); it shares the emulator chunk with index.
// It is built as ESM only: nothing requires the bin, so a CJS copy and its types would be dead weight.
export default packageConfig({
  entry: ['src/index.ts', 'src/cli.ts'],
  format: {
    esm: {},
    cjs: { entry: { index: 'src/index.ts' } },
  },
});
