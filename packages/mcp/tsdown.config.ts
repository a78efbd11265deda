import { packageConfig } from '../../tsdown.base.ts';

// ESM only (the MCP SDK's own entry points are ESM-first); the bin keeps its shebang. On Node >= 22.12
// CommonJS code can still require() the library entry (require(esm)).
export default packageConfig({
  entry: ['src/index.ts', 'src/bin.ts'],
  format: ['esm'],
  attw: { level: 'error', profile: 'esm-only' },
});
