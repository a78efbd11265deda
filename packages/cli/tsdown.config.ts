import { packageConfig } from '../../tsdown.base.ts';

// The library (runCli and friends) plus the `aivideomaker` bin; the bin keeps its shebang.
export default packageConfig({ entry: ['src/index.ts', 'src/bin.ts'] });
