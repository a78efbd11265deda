import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { expect, it } from 'vitest';
import { describePackageContract } from '../../../scripts/package-contract.ts';

describePackageContract(dirname(import.meta.dirname));

// ESM only (like `ai` 7 itself); CommonJS callers on Node >= 22.12 still load it through require(esm).
// Resolved by name through the exports map, as a user's code would (the name is a variable so that
// typechecking does not depend on a finished build).
it('CommonJS code can require() the ESM build', async () => {
  const name = '@aivideomaker/ai-sdk';
  const required = createRequire(import.meta.url)(name);
  const imported = await import(name);
  expect(Object.keys(required).sort()).toEqual(Object.keys(imported).sort());
});
