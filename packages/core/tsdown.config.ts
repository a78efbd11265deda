import { packageConfig } from '../../tsdown.base.ts';

// Three entries: the web-standard client, the Node-only helpers, and the framework-neutral tool specs.
export default packageConfig({
  entry: { index: 'src/index.ts', node: 'src/node/index.ts', tools: 'src/tools/index.ts' },
});
