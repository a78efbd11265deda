import { packageConfig } from '../../tsdown.base.ts';

// Four entries: the web-standard client, the Node-only helpers, the framework-neutral tool specs, and the
// helpers shared with the sibling packages (`internal`, not covered by semver).
export default packageConfig({
  entry: {
    index: 'src/index.ts',
    node: 'src/node/index.ts',
    tools: 'src/tools/index.ts',
    internal: 'src/internal.ts',
  },
});
