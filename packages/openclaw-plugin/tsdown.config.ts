import { packageConfig } from '../../tsdown.base.ts';

// One ESM entry that OpenClaw loads in-process (`openclaw.extensions`). Core and zod are bundled in:
// `openclaw plugins install` runs npm for the plugin's dependencies and @aivideomaker/core is not on
// the registry yet, so the package has no dependencies at all and `openclaw` (the host) is the only peer.
export default packageConfig({
  format: ['esm'],
  fixedExtension: false,
  sourcemap: false,
  deps: { alwaysBundle: [/^@aivideomaker\//, /^zod(\/|$)/], neverBundle: [/^openclaw(\/|$)/] },
  // No runtime code generation in the shipped file (zod's JIT probe): reviewers and ClawHub's scanner
  // read it, and without `Function` zod validates by interpretation, as under a strict CSP.
  define: { Function: 'undefined' },
  attw: { level: 'error', profile: 'esm-only' },
});
