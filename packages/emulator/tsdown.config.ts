import { packageConfig } from '../../tsdown.base.ts';

// The CLI is a second entry (dist/cli.mjs, the package's bin); it shares the emulator chunk with index.
export default packageConfig({ entry: ['src/index.ts', 'src/cli.ts'] });
