import { packageConfig } from '../../tsdown.base.ts';

// The workflow is its own entry: Mastra's workflow engine costs far more to load than the tools.
export default packageConfig({ entry: { index: 'src/index.ts', workflow: 'src/workflow/index.ts' } });
