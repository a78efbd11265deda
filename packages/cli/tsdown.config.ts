import { packageConfig } from '../../tsdown.base.ts';

// The library (runCli and friends) in ESM and CJS, plus the `aivideomaker` bin in ESM only: nothing
// requires the bin, so a CJS copy and its types would be dead weight in the tarball. The bin keeps its
// shebang.
export default packageConfig({
  entry: ['src/index.ts', 'src/bin.ts'],
  format: {
    esm: {},
    cjs: { entry: { index: 'src/index.ts' } },
  },
});
