import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect, it } from 'vitest';
import { describePackageContract } from '../../../scripts/package-contract.ts';
import { BIN } from './helpers';

describePackageContract(dirname(import.meta.dirname));

it('the bin is an executable node script (npx -y @aivideomaker/mcp)', () => {
  expect(readFileSync(BIN, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
});
