import { packageConfig } from '../../tsdown.base.ts';

// ESM only: `ai` 7 itself is ESM-only, and on Node >= 22.12 CommonJS code can still `require()` this
// package (require(esm)). attw therefore checks the ESM resolutions only.
export default packageConfig({ format: ['esm'], attw: { level: 'error', profile: 'esm-only' } });
