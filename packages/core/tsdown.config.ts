import { packageConfig } from '../../tsdown.base.ts';

// Four entries: the web-standard client, the Node-only helpers, the framework-neutral tool specs, and the
// helpers shared with the sibling packages (`internal`, not covered by semver). `local-image-web` is what
// package.json's `#local-image` import gives outside Node; that import stays an import (never bundled), so
// each runtime, and each app's bundler, resolves it by its own conditions.
export default packageConfig({
  entry: {
    index: 'src/index.ts',
    node: 'src/node/index.ts',
    tools: 'src/tools/index.ts',
    internal: 'src/internal.ts',
    'local-image-web': 'src/tools/local-image-web.ts',
  },
  deps: { neverBundle: ['#local-image'] },
  // The CommonJS build loads it with require(), so it gets the CommonJS reader and the same error classes.
  outputOptions: { dynamicImportInCjs: false },
});
